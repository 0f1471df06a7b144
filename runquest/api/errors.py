"""One JSON error shape everywhere: `{"detail": ..., "errors": {field: [messages]}}`."""

import logging

import marshmallow as ma
from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError, UnsupportedMediaType

from eventsourcing.persistence import InterfaceError as StoreInterfaceError
from eventsourcing.persistence import OperationalError as StoreOperationalError
from sqlalchemy.exc import InterfaceError as ReadInterfaceError
from sqlalchemy.exc import OperationalError as ReadOperationalError

from runquest import errors as domain

log = logging.getLogger(__name__)

DOMAIN_STATUS = (
    (domain.NotFound, 404),
    (domain.Forbidden, 403),
    (domain.Conflict, 409),
    (domain.Unacceptable, 422),
)
JSON_BODY_METHODS = ("POST", "PUT", "PATCH")
# Connection lost, server down or restarting: nothing the client did wrong, try again.
DATABASE_UNAVAILABLE = (StoreOperationalError, StoreInterfaceError, ReadOperationalError, ReadInterfaceError)


class ErrorSchema(ma.Schema):
    """Every error: what is wrong, and for invalid input which fields and why."""

    detail = ma.fields.String(required=True)
    errors = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.List(ma.fields.String()))


def error_response(status: int, detail: str, errors: dict | None = None, headers: dict | None = None):
    body = {"detail": detail}
    if errors:
        body["errors"] = errors
    return jsonify(body), status, headers or {}


def render_http_exception(error: HTTPException):
    data = getattr(error, "data", None) or {}
    # Keep what the exception says in headers (Allow on a 405, WWW-Authenticate …).
    headers = {k: v for k, v in error.get_headers() if k.lower() != "content-type"}
    headers.update(data.get("headers") or {})
    messages = data.get("errors") or data.get("messages")
    if messages:
        fields = _flatten(messages)
        first_field, first_messages = next(iter(fields.items()))
        detail = f"invalid input: {first_field}: {first_messages[0]}"
        return error_response(error.code, detail, fields, headers)
    detail = data.get("message") or error.description or error.name
    if isinstance(error, InternalServerError):
        detail = "internal error; it has been logged"
    return error_response(error.code or 500, detail, None, headers)


def _flatten(messages: dict) -> dict[str, list[str]]:
    """webargs nests messages by location ({"json": {"field": [...]}}); clients want fields."""
    fields: dict[str, list[str]] = {}
    for content in messages.values():
        # A message about the body as a whole (e.g. invalid JSON) is filed under "body".
        items = content.items() if isinstance(content, dict) else [("body", content)]
        for field, field_messages in items:
            name = "non_field_errors" if field == "_schema" else str(field)
            fields[name] = _as_strings(field_messages)
    return fields


def _as_strings(messages) -> list[str]:
    if isinstance(messages, dict):
        return [f"{key}: {text}" for key, value in messages.items() for text in _as_strings(value)]
    if isinstance(messages, (list, tuple)):
        return [text for message in messages for text in _as_strings(message)]
    return [str(messages)]


def render_domain_error(error: domain.DomainError):
    status = next(code for kind, code in DOMAIN_STATUS if isinstance(error, kind))
    fields = {error.field: [error.message]} if error.field else None
    return error_response(status, error.message, fields)


def render_unexpected(error: Exception):
    if isinstance(error, HTTPException):
        return render_http_exception(error)
    if isinstance(error, RecursionError):
        return error_response(400, "the request body is nested too deeply")
    if isinstance(error, DATABASE_UNAVAILABLE):
        log.warning("database unavailable on %s %s: %s", request.method, request.path, error)
        return error_response(503, "the database is unavailable; try again shortly", headers={"Retry-After": "5"})
    log.exception("unhandled error on %s %s", request.method, request.path)
    return error_response(500, "internal error; it has been logged")


def require_json_body():
    has_body = request.content_length or "chunked" in request.headers.get("Transfer-Encoding", "")
    if request.method in JSON_BODY_METHODS and has_body and not request.is_json:
        raise UnsupportedMediaType("the request body must be JSON (Content-Type: application/json)")


def register(app: Flask) -> None:
    app.register_error_handler(domain.DomainError, render_domain_error)
    app.register_error_handler(Exception, render_unexpected)
    app.before_request(require_json_body)
