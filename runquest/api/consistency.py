"""Read your writes: a command answers once the projections it affects have its position."""

from flask import Flask, current_app, g, request

from runquest.api.commands import runtime
from runquest.projections.registry import projector_names

POSITION_HEADER = "X-RunQuest-Position"
MIN_POSITION_HEADER = "X-RunQuest-Min-Position"


def wait_for(position: int | None, projections: list[str]) -> bool:
    """Wait (bounded) until `projections` have processed `position`; remember it for the header."""
    if position:
        g.runquest_position = position
    return runtime().waiter.wait(projections, position, current_app.config["READ_YOUR_WRITES_TIMEOUT_S"])


def _wait_for_client_position():
    wanted = request.headers.get(MIN_POSITION_HEADER, "")
    if request.method != "GET" or not (wanted.isascii() and wanted.isdigit()) or len(wanted) > 18:
        return
    # Only positions that exist: nobody may hold a thread waiting for the future.
    if int(wanted) <= runtime().store.head_position():
        runtime().waiter.wait(projector_names(), int(wanted), current_app.config["READ_YOUR_WRITES_TIMEOUT_S"])


def _add_position_header(response):
    position = g.get("runquest_position")
    if position:
        response.headers[POSITION_HEADER] = str(position)
    return response


def register_position_headers(app: Flask) -> None:
    app.before_request(_wait_for_client_position)
    app.after_request(_add_position_header)
