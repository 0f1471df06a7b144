from datetime import datetime, timezone
from uuid import uuid4

import pytest

from runquest.aggregates.run import DurationFromRoute, ImplausibleRun, NotRunOwner, Run, RunNeedsRouteOrDuration
from runquest.geo import parse_route

START = datetime(2024, 5, 1, 10, 0, tzinfo=timezone.utc)
ROUTE = parse_route({"type": "LineString", "coordinates": [[0, 0], [0.01, 0]]})  # 1,113.19 m


def record(**overrides) -> Run:
    values = dict(run_no=1, athlete_id=uuid4(), athlete_no=1, route=ROUTE, start_time=START,
                  duration_seconds=600, calories=None)
    values.update(overrides)
    return Run.record(**values)


def test_recording_computes_distance_and_xp_into_the_event():
    recorded = record().pending_events[0]
    assert recorded.distance_meters == pytest.approx(1113.19, abs=0.01)
    assert recorded.xp_earned == 111 + 10


def test_the_route_times_decide_the_duration():
    feature = {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[0, 0], [0.01, 0]]},
        "properties": {"coordTimes": ["2024-05-01T10:00:00Z", "2024-05-01T10:07:00Z"]},
    }
    run = record(route=parse_route(feature), duration_seconds=99)
    assert run.duration_seconds == 420


def test_a_run_needs_a_route_or_a_duration():
    with pytest.raises(RunNeedsRouteOrDuration):
        record(route=None, duration_seconds=None)


def test_amending_the_duration_recomputes_the_xp():
    run = record()
    run.amend(start_time=START, duration_seconds=1200, calories=300)
    amended = run.pending_events[-1]
    assert (amended.xp_earned, amended.previous_xp_earned) == (131, 121)


def test_only_the_owner_may_change_a_run():
    run = record()
    with pytest.raises(NotRunOwner):
        run.check_owner(uuid4())


def test_deleting_records_what_is_taken_back():
    run = record()
    run.delete()
    deleted = run.pending_events[-1]
    assert (deleted.xp_earned, deleted.duration_seconds) == (121, 600)
    assert run.deleted


@pytest.mark.parametrize(
    "overrides",
    [
        {"duration_seconds": 7 * 24 * 3600 + 1},
        {"duration_seconds": 60},  # 1,113 m in a minute
        {"duration_seconds": 0},
        # Over 500 km, at a pace that alone would pass (a week for 623 km).
        {"route": parse_route({"type": "LineString", "coordinates": [[0, 0], [0.8, 0]] * 4}),
         "duration_seconds": 7 * 24 * 3600},
    ],
)
def test_implausible_runs_are_refused(overrides):
    with pytest.raises(ImplausibleRun):
        record(**overrides)


def test_times_spanning_weeks_cannot_buy_a_long_duration():
    feature = {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[0, 0], [0.0001, 0]]},
        "properties": {"coordTimes": ["2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"]},
    }
    with pytest.raises(ImplausibleRun):
        record(route=parse_route(feature))


def test_the_duration_of_a_timed_route_cannot_be_amended():
    feature = {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[0, 0], [0.01, 0]]},
        "properties": {"coordTimes": ["2024-05-01T10:00:00Z", "2024-05-01T10:07:00Z"]},
    }
    run = record(route=parse_route(feature))
    with pytest.raises(DurationFromRoute):
        run.amend(start_time=START, duration_seconds=604800, calories=None)
    run.amend(start_time=START, duration_seconds=420, calories=500)
    assert run.calories == 500


def test_an_amendment_cannot_remove_the_duration():
    with pytest.raises(RunNeedsRouteOrDuration):
        record().amend(start_time=START, duration_seconds=None, calories=None)


def test_an_amended_duration_must_stay_humanly_possible():
    run = record()
    with pytest.raises(ImplausibleRun):
        run.amend(start_time=START, duration_seconds=10, calories=None)


def test_a_route_without_any_duration_is_refused_because_its_pace_cannot_be_checked():
    with pytest.raises(RunNeedsRouteOrDuration) as refused:
        record(duration_seconds=None)
    assert refused.value.field == "duration_seconds"
