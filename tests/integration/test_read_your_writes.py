import time

import pytest

from runquest.aggregates.base import Cause
from runquest.bootstrap import bootstrap
from runquest.projections.waiting import PositionWaiter
from runquest.commands.accounts import RegisterAthlete, register_athlete
from runquest.commands.execution import execute
from runquest.queries.profiles import get_profile
from tests.conftest import unique_name


@pytest.fixture
def threaded_runtime(database_url):
    runtime = bootstrap(database_url, projector_mode="threads")
    yield runtime
    runtime.close()


def test_background_projectors_catch_up_and_wake_the_waiter(threaded_runtime):
    name = unique_name()
    command = RegisterAthlete(username=name, email=f"{name}@example.org", password="long-enough")
    outcome = execute(register_athlete, threaded_runtime.store, command, Cause("test", "t"))
    started = time.monotonic()
    assert threaded_runtime.waiter.wait(["profiles", "runs"], outcome.position, timeout=5)
    assert time.monotonic() - started < 5
    assert get_profile(threaded_runtime.engine, outcome.value.athlete_no)["username"] == name


def test_waiting_for_a_position_nobody_reaches_gives_up_after_the_timeout(threaded_runtime):
    beyond = threaded_runtime.store.head_position() + 1000
    started = time.monotonic()
    assert not threaded_runtime.waiter.wait(["profiles"], beyond, timeout=0.3)
    assert 0.3 <= time.monotonic() - started < 2


def test_a_position_moved_back_by_a_rebuild_makes_waiters_wait_again(runtime, database_url):
    waiter = PositionWaiter(runtime.engine, database_url)
    waiter._learn({"runs": 10})
    assert waiter._reached(["runs"], 10)
    waiter._learn({"runs": 0})  # what `rebuild` announces when it resets the position
    assert not waiter._reached(["runs"], 10)
