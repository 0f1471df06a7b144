"""The runtime of a request: running commands on behalf of the caller, request ids."""

import re
import uuid

from flask import Flask, current_app, g, request
from flask_jwt_extended import get_jwt

from runquest.aggregates.base import Cause
from runquest.bootstrap import Runtime
from runquest.commands.execution import execute

REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


def runtime() -> Runtime:
    return current_app.extensions["runquest"]


def run_command(handler, command):
    """Execute a command on behalf of the caller (anonymous when there is no token)."""
    return execute(handler, runtime().store, command, current_cause())


def current_cause() -> Cause:
    """The verified caller; on anonymous endpoints a token is not even looked at."""
    try:
        claims = get_jwt()  # verified by @jwt_required on this view
    except RuntimeError:
        claims = {}
    return Cause(actor_id=str(claims.get("aid", "anonymous")), request_id=g.request_id)


def _assign_request_id():
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if REQUEST_ID_PATTERN.match(given) else uuid.uuid4().hex


def _echo_request_id(response):
    response.headers[REQUEST_ID_HEADER] = g.get("request_id", "")
    return response


def register_request_ids(app: Flask) -> None:
    app.before_request(_assign_request_id)
    app.after_request(_echo_request_id)
