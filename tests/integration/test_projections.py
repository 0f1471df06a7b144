import threading

import pytest
from sqlalchemy import Column, MetaData, Table, Text, func, select

from runquest.projections.projector import Projector, handles
from runquest.projections.rebuild import rebuild
from runquest.projections.runner import ProjectionRunner, ProjectorFailed
from runquest.projections.tables import profiles, projection_positions, runs
from runquest.aggregates.athlete import Athlete
from runquest.aggregates.run import Run

test_metadata = MetaData()
applied = Table("test_applied_events", test_metadata, Column("event_key", Text, nullable=False))


class AppliedEventsProjector(Projector):
    """Writes a row per event it applies, with no uniqueness: a double application would show."""

    tables = (applied,)

    def __init__(self, name):
        self.name = name

    @handles(Athlete.Registered, Athlete.ExperienceGained, Run.Recorded)
    def remember(self, conn, event):
        conn.execute(applied.insert().values(event_key=f"{event.originator_id}:{event.originator_version}"))


class BrokenProjector(Projector):
    tables = ()

    def __init__(self, name):
        self.name = name

    @handles(Athlete.Registered)
    def explode(self, conn, event):
        raise RuntimeError("handler bug")


def snapshot(engine, table):
    with engine.connect() as conn:
        return sorted(tuple(row) for row in conn.execute(select(table)).all())


@pytest.fixture
def some_history(client, make_athlete, short_route):
    for _ in range(3):
        athlete = make_athlete()
        response = client.post("/api/runs/", json={"route_data": short_route, "duration_seconds": 900},
                               headers=athlete.headers)
        assert response.status_code == 201


def test_two_runners_on_one_projection_apply_every_event_exactly_once(runtime, some_history):
    test_metadata.create_all(runtime.engine)
    try:
        name = "test_applied_events"
        runners = [ProjectionRunner(runtime.store, runtime.engine, AppliedEventsProjector(name), batch_size=3)
                   for _ in range(2)]
        barrier = threading.Barrier(2)

        def run(runner):
            barrier.wait()
            runner.catch_up()

        threads = [threading.Thread(target=run, args=(runner,)) for runner in runners]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        topics = [t for t in AppliedEventsProjector.handlers]
        expected = len(runtime.store.recorder.select_notifications(start=1, limit=10**6, topics=topics))
        with runtime.engine.connect() as conn:
            total, distinct = conn.execute(
                select(func.count(), func.count(applied.c.event_key.distinct()))
            ).one()
        assert (total, distinct) == (expected, expected)
        assert runners[0].position() == runtime.store.head_position()
    finally:
        test_metadata.drop_all(runtime.engine)
        with runtime.engine.begin() as conn:
            conn.execute(projection_positions.delete().where(projection_positions.c.name == "test_applied_events"))


def test_dropped_read_models_are_rebuilt_to_the_same_rows(runtime, some_history):
    for runner in runtime.runners:
        runner.catch_up()
    before = {table.name: snapshot(runtime.engine, table) for table in (profiles, runs)}
    with runtime.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE runs")
        conn.exec_driver_sql("DROP TABLE profiles")
    for runner in runtime.runners:
        rebuild(runner)
    after = {table.name: snapshot(runtime.engine, table) for table in (profiles, runs)}
    assert after == before
    assert len(before["runs"]) >= 3


def test_a_failing_handler_stops_its_projection_and_says_where(runtime, some_history):
    runner = ProjectionRunner(runtime.store, runtime.engine, BrokenProjector("test_broken"))
    try:
        with pytest.raises(ProjectorFailed, match="handler bug"):
            runner.catch_up()
        assert runner.position() == 0
        with runtime.engine.connect() as conn:
            error = conn.execute(
                select(projection_positions.c.error).where(projection_positions.c.name == "test_broken")
            ).scalar_one()
        assert "handler bug" in error
    finally:
        with runtime.engine.begin() as conn:
            conn.execute(projection_positions.delete().where(projection_positions.c.name == "test_broken"))


def test_a_second_runner_waits_for_the_first_and_starts_where_it_stopped(runtime, some_history):
    """Runner B starts while runner A is in mid-batch: B waits on A's lock, then skips A's events."""
    test_metadata.create_all(runtime.engine)
    name = "test_second_runner"
    try:
        second = ProjectionRunner(runtime.store, runtime.engine, AppliedEventsProjector(name))
        second_done = []

        class FirstProjector(AppliedEventsProjector):
            started_second = False

            def remember(self, conn, event):
                if not FirstProjector.started_second:
                    FirstProjector.started_second = True
                    thread = threading.Thread(target=lambda: second_done.append(second.catch_up()))
                    thread.start()
                    wait_until_a_backend_waits_for_a_lock(runtime.engine)
                    FirstProjector.second = thread
                super().remember(conn, event)

        first = ProjectionRunner(runtime.store, runtime.engine, FirstProjector(name), batch_size=10**6)
        first.ensure_registered()
        applied_by_first = first.process_batch()
        FirstProjector.second.join(timeout=30)
        assert second_done == [0] and applied_by_first > 0
        with runtime.engine.connect() as conn:
            total, distinct = conn.execute(
                select(func.count(), func.count(applied.c.event_key.distinct()))
            ).one()
        assert total == distinct > 0
    finally:
        test_metadata.drop_all(runtime.engine)
        with runtime.engine.begin() as conn:
            conn.execute(projection_positions.delete().where(projection_positions.c.name == name))


def wait_until_a_backend_waits_for_a_lock(engine, attempts=500):
    for _ in range(attempts):
        with engine.connect() as conn:
            waiting = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            ).scalar()
        if waiting:
            return
        threading.Event().wait(0.01)
    raise AssertionError("the second runner never waited for the first one's lock")


class FlakyDatabaseProjector(Projector):
    tables = ()

    def __init__(self, name):
        self.name = name

    @handles(Athlete.Registered)
    def lose_connection(self, conn, event):
        from sqlalchemy.exc import OperationalError

        raise OperationalError("UPDATE …", {}, Exception("server closed the connection unexpectedly"))


def test_a_lost_connection_is_not_a_projector_failure(runtime, some_history):
    """The runner retries database trouble; only a handler's own bug stops a projection."""
    from sqlalchemy.exc import OperationalError

    runner = ProjectionRunner(runtime.store, runtime.engine, FlakyDatabaseProjector("test_flaky"))
    try:
        with pytest.raises(OperationalError):
            runner.catch_up()
        with runtime.engine.connect() as conn:
            row = conn.execute(
                select(projection_positions.c.position, projection_positions.c.error)
                .where(projection_positions.c.name == "test_flaky")
            ).one()
        assert tuple(row) == (0, None)
    finally:
        with runtime.engine.begin() as conn:
            conn.execute(projection_positions.delete().where(projection_positions.c.name == "test_flaky"))


def test_read_model_connections_speak_utc_whatever_the_server_default(runtime):
    for engine in {runtime.engine, *(runner.engine for runner in runtime.runners)}:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW timezone").scalar() == "UTC"
