from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from runquest.aggregates.base import Cause
from runquest.aggregates.run import NotRunOwner, RunNotFound
from runquest.commands.accounts import RegisterAthlete, load_athlete, register_athlete
from runquest.commands.execution import execute
from runquest.commands.runs import AmendRun, DeleteRun, RecordRun, StartInFuture, amend_run, delete_run, record_run
from runquest.geo import parse_route
from runquest.projections.tables import runs
from tests.conftest import unique_name

CAUSE = Cause(actor_id="test", request_id="t")
ROUTE = parse_route({"type": "LineString", "coordinates": [[0, 0], [0.09, 0]]})  # 10,018.75 m


@pytest.fixture
def athlete_no(runtime):
    name = unique_name()
    command = RegisterAthlete(username=name, email=f"{name}@example.org", password="long-enough")
    return execute(register_athlete, runtime.store, command, CAUSE).value.athlete_no


def record(runtime, athlete_no, **overrides):
    values = dict(athlete_no=athlete_no, route=ROUTE, start_time=None, duration_seconds=3000, calories=None)
    values.update(overrides)
    return execute(record_run, runtime.store, RecordRun(**values), CAUSE)


def test_recording_a_run_awards_xp_and_levels_in_the_same_save(runtime, athlete_no):
    record(runtime, athlete_no)
    athlete = load_athlete(runtime.store, athlete_no)
    assert athlete.experience_points == 1001 + 50
    assert athlete.level == 2


def test_the_route_is_stored_as_geography_whose_postgis_length_matches(runtime, athlete_no):
    run_no = record(runtime, athlete_no).value.run_no
    runtime.runner("runs").catch_up()
    with runtime.engine.connect() as conn:
        length, recorded = conn.execute(
            select(func.ST_Length(runs.c.route), runs.c.distance_meters).where(runs.c.id == run_no)
        ).one()
    assert length == pytest.approx(recorded, abs=0.01)


def test_a_rejected_command_appends_no_event(runtime, athlete_no):
    head = runtime.store.head_position()
    with pytest.raises(StartInFuture):
        record(runtime, athlete_no, start_time=datetime.now(timezone.utc) + timedelta(days=1))
    assert runtime.store.head_position() == head


def test_deleting_a_run_takes_its_xp_back_but_not_the_level(runtime, athlete_no):
    run_no = record(runtime, athlete_no).value.run_no
    execute(delete_run, runtime.store, DeleteRun(athlete_no=athlete_no, run_no=run_no), CAUSE)
    athlete = load_athlete(runtime.store, athlete_no)
    assert (athlete.experience_points, athlete.level) == (0, 2)
    with pytest.raises(RunNotFound):
        execute(delete_run, runtime.store, DeleteRun(athlete_no=athlete_no, run_no=run_no), CAUSE)


def test_amending_the_duration_moves_the_xp_by_the_difference(runtime, athlete_no):
    run_no = record(runtime, athlete_no).value.run_no
    changes = {"duration_seconds": 1500}
    execute(amend_run, runtime.store, AmendRun(athlete_no=athlete_no, run_no=run_no, changes=changes), CAUSE)
    assert load_athlete(runtime.store, athlete_no).experience_points == 1001 + 25


def test_nobody_else_may_delete_a_run(runtime, athlete_no):
    run_no = record(runtime, athlete_no).value.run_no
    other = unique_name()
    command = RegisterAthlete(username=other, email=f"{other}@example.org", password="long-enough")
    other_no = execute(register_athlete, runtime.store, command, CAUSE).value.athlete_no
    head = runtime.store.head_position()
    with pytest.raises(NotRunOwner):
        execute(delete_run, runtime.store, DeleteRun(athlete_no=other_no, run_no=run_no), CAUSE)
    assert runtime.store.head_position() == head


def test_concurrent_runs_of_one_athlete_lose_no_xp(runtime, athlete_no):
    import threading

    barrier = threading.Barrier(6)

    def go():
        barrier.wait()
        record(runtime, athlete_no, route=None, duration_seconds=600)

    threads = [threading.Thread(target=go) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert load_athlete(runtime.store, athlete_no).experience_points == 6 * 10


def test_concurrent_uploads_with_one_key_record_one_run(runtime, athlete_no):
    import threading

    barrier, outcomes = threading.Barrier(4), []

    def go():
        barrier.wait()
        outcomes.append(record(runtime, athlete_no, route=None, duration_seconds=900, idempotency_key="k-1"))

    threads = [threading.Thread(target=go) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({outcome.value.run_no for outcome in outcomes}) == 1
    assert load_athlete(runtime.store, athlete_no).experience_points == 15
