"""Runs: record, list, read, amend and delete."""

from flask import request
from flask.views import MethodView
from werkzeug.exceptions import BadRequest
from flask_jwt_extended import jwt_required

from runquest.api.blueprint import Blueprint
from runquest.api.runtime import REQUEST_ID_PATTERN as IDEMPOTENCY_KEY_PATTERN
from runquest.api.runtime import run_command, runtime
from runquest.api.consistency import wait_for
from runquest.api.identity import BEARER, current_athlete
from runquest.api.pagination import page
from runquest.api.run_schemas import RunCreateSchema, RunPageSchema, RunQueryArgsSchema, RunSchema, RunUpdateSchema
from runquest.aggregates.run import NotRunOwner, RunNotFound
from runquest.commands.runs import AmendRun, DeleteRun, RecordRun, amend_run, delete_run, record_run
from runquest.errors import Forbidden, NotFound
from runquest.queries.profiles import get_profile, may_see
from runquest.queries.runs import feature, get_run, list_runs

blp = Blueprint("runs", __name__, url_prefix="/api/runs", description="Recorded runs")

AFFECTED = ["runs", "profiles"]


@blp.route("/")
class Runs(MethodView):
    decorators = [jwt_required()]

    @blp.doc(security=BEARER)
    @blp.arguments(RunQueryArgsSchema, location="query")
    @blp.response(200, RunPageSchema)
    def get(self, args):
        """List your runs, or another athlete's when their privacy allows"""
        me = current_athlete()
        user_id = args.get("user_id", me.no)
        if user_id != me.no:
            owner = get_profile(runtime().reader, user_id)
            if owner is None:
                raise NotFound("user not found", field="user_id")
            if not may_see(me.no, owner, "show_runs"):
                raise Forbidden("this athlete's runs are private", field="user_id")
        count, features = list_runs(runtime().engine, user_id, args)
        collection = {"type": "FeatureCollection", "features": features}
        return page(count, collection, args["limit"], args["offset"])

    @blp.doc(security=BEARER)
    @blp.arguments(RunCreateSchema)
    @blp.response(201, RunSchema)
    def post(self, data):
        """Record a run; distance and XP are computed by the server"""
        command = RecordRun(
            athlete_no=current_athlete().no,
            route=data["route_data"],
            start_time=data["start_time"],
            duration_seconds=data["duration_seconds"],
            calories=data["calories"],
            idempotency_key=_idempotency_key(),
        )
        outcome = run_command(record_run, command)
        wait_for(outcome.position, AFFECTED)
        # The answer is the run just decided, as the read model now holds it too.
        run, route = outcome.value, data["route_data"]
        return feature(run.run_no, run.athlete_no, route.geojson_text if route else None, run.start_time,
                       run.distance_meters, run.duration_seconds, run.calories, run.xp_earned)


@blp.route("/<integer:run_id>/")
class RunById(MethodView):
    decorators = [jwt_required()]

    @blp.doc(security=BEARER)
    @blp.response(200, RunSchema)
    def get(self, run_id):
        """Read one run"""
        return _visible_run(run_id)

    @blp.doc(security=BEARER)
    @blp.arguments(RunUpdateSchema(partial=True))
    @blp.response(200, RunSchema)
    def patch(self, data, run_id):
        """Change a run's start time, duration or calories"""
        return _amend(run_id, data)

    @blp.doc(security=BEARER)
    @blp.arguments(RunUpdateSchema(partial=True))
    @blp.response(200, RunSchema)
    def put(self, data, run_id):
        """Change a run's start time, duration or calories (the route is fixed)"""
        return _amend(run_id, data)

    @blp.doc(security=BEARER)
    @blp.response(204)
    def delete(self, run_id):
        """Delete a run; its XP and totals are taken back"""
        _change_own_run(delete_run, DeleteRun(athlete_no=current_athlete().no, run_no=run_id))


def _idempotency_key() -> str | None:
    """The client's `Idempotency-Key` for this upload (a retry after a lost answer resends it)."""
    key = request.headers.get("Idempotency-Key", "")
    if key and not IDEMPOTENCY_KEY_PATTERN.match(key):
        raise BadRequest("Idempotency-Key: 1 to 64 letters, digits and . _ : -")
    return key or None


def _amend(run_id: int, changes: dict) -> dict:
    run = _change_own_run(amend_run, AmendRun(athlete_no=current_athlete().no, run_no=run_id, changes=changes))
    # The decided values; the route (which an amendment never changes) from the read model,
    # when it has the run already.
    shown = get_run(runtime().reader, run_id)
    return feature(run.run_no, run.athlete_no, shown["geometry"] if shown else None, run.start_time,
                   run.distance_meters, run.duration_seconds, run.calories, run.xp_earned)


def _change_own_run(handler, command):
    try:
        outcome = run_command(handler, command)
    except NotRunOwner:
        _visible_run(command.run_no)  # a run the caller may not see is "not found", not "forbidden"
        raise
    wait_for(outcome.position, AFFECTED)
    return outcome.value


def _visible_run(run_id: int) -> dict:
    """The run, if the caller may see it; others' private runs are 'not found'."""
    run = get_run(runtime().reader, run_id)
    me = current_athlete()
    if run is None:
        raise RunNotFound("run not found")
    owner_no = run["properties"]["user"]
    if owner_no != me.no:
        owner = get_profile(runtime().reader, owner_no)
        if owner is None or not may_see(me.no, owner, "show_runs"):
            raise RunNotFound("run not found")
    return run
