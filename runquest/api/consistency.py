"""Read your writes: a command answers once the projections it affects have its position."""

import logging

from flask import Flask, current_app, g, request

from runquest.api.runtime import runtime
from runquest.projections.registry import projector_names

POSITION_HEADER = "X-RunQuest-Position"
MIN_POSITION_HEADER = "X-RunQuest-Min-Position"
PENDING_HEADER = "X-RunQuest-Pending"
# Views that read read models; only their callers may ask to wait for a position.
READ_MODEL_BLUEPRINTS = ("runs", "profile", "users")

log = logging.getLogger(__name__)


def wait_for(position: int | None, projections: list[str]) -> bool:
    """Wait (bounded) until `projections` have processed `position`; remember it for the header.

    The write itself is done either way; if the read models lag, the answer says which
    (`X-RunQuest-Pending`) so a client knows a GET may not show it yet.
    """
    if position:
        g.runquest_position = position
    try:
        reached = runtime().waiter.wait(projections, position, current_app.config["READ_YOUR_WRITES_TIMEOUT_S"])
    except Exception:
        # The write is done; not knowing whether it is visible yet is no reason for a 500.
        log.exception("waiting for read models failed")
        reached = False
    if not reached:
        g.runquest_pending = projections
        log.warning("read models %s did not reach position %s in time", ", ".join(projections), position)
    return reached


def _wait_for_client_position():
    wanted = request.headers.get(MIN_POSITION_HEADER, "")
    if request.method != "GET" or request.blueprint not in READ_MODEL_BLUEPRINTS:
        return
    if not (wanted.isascii() and wanted.isdigit()) or len(wanted) > 18 or "Authorization" not in request.headers:
        return
    # Only positions that exist: nobody may hold a thread waiting for the future.
    if int(wanted) <= runtime().store.head_position():
        names = projector_names()
        if not runtime().waiter.wait(names, int(wanted), current_app.config["READ_YOUR_WRITES_TIMEOUT_S"]):
            g.runquest_pending = names


def _add_position_header(response):
    position = g.get("runquest_position")
    if position:
        response.headers[POSITION_HEADER] = str(position)
    if g.get("runquest_pending"):
        response.headers[PENDING_HEADER] = ", ".join(g.runquest_pending)
    return response


def register_position_headers(app: Flask) -> None:
    app.before_request(_wait_for_client_position)
    app.after_request(_add_position_header)
