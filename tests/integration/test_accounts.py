import threading

import pytest

from runquest.aggregates.base import Cause
from runquest.commands.accounts import (
    AlreadyTaken,
    RegisterAthlete,
    check_credentials,
    register_athlete,
)
from runquest.commands.execution import execute
from runquest.ids import claim_id
from tests.conftest import unique_name

CAUSE = Cause(actor_id="test", request_id="t")


def register(runtime, username, email=None):
    command = RegisterAthlete(username=username, email=email or f"{username}@example.org", password="long-enough")
    return execute(register_athlete, runtime.store, command, CAUSE)


def registrations_of(runtime, username):
    events = runtime.store.recorder.select_notifications(start=1, limit=10**6, topics=["runquest/Athlete.Registered"])
    return [n for n in events if runtime.store.mapper.to_domain_event(n).username.casefold() == username.casefold()]


def test_registration_appends_the_athlete_and_its_claims(runtime):
    name = unique_name()
    outcome = register(runtime, name)
    assert [n.id for n in registrations_of(runtime, name)] == [outcome.position - 2]
    assert claim_id("username", name.upper()) in runtime.store.repository
    assert claim_id("email", f"{name}@example.org".upper()) in runtime.store.repository


def test_a_username_is_taken_whatever_its_case(runtime):
    name = unique_name()
    register(runtime, name)
    head = runtime.store.head_position()
    with pytest.raises(AlreadyTaken) as refused:
        register(runtime, name.upper(), email=f"other-{name}@example.org")
    assert refused.value.field == "username"
    assert runtime.store.head_position() == head


def test_an_email_is_taken_whatever_its_case(runtime):
    name = unique_name()
    register(runtime, name)
    with pytest.raises(AlreadyTaken) as refused:
        register(runtime, unique_name(), email=f"{name.upper()}@EXAMPLE.org")
    assert refused.value.field == "email"


def test_two_concurrent_registrations_of_one_username_make_one_account(runtime):
    name = unique_name()
    barrier = threading.Barrier(2)
    results = []

    def attempt(username, email):
        barrier.wait()
        try:
            register(runtime, username, email)
            results.append("registered")
        except AlreadyTaken:
            results.append("taken")

    threads = [
        threading.Thread(target=attempt, args=(name.lower(), f"a-{name}@example.org")),
        threading.Thread(target=attempt, args=(name.upper(), f"b-{name}@example.org")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["registered", "taken"]
    assert len(registrations_of(runtime, name)) == 1


def test_credentials_are_checked_against_the_event_store(runtime):
    name = unique_name()
    register(runtime, name)
    assert check_credentials(runtime.store, name.upper(), "long-enough").username == name
    assert check_credentials(runtime.store, name, "wrong-password") is None
    assert check_credentials(runtime.store, unique_name(), "long-enough") is None
