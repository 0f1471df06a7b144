import json
import threading

from click.testing import CliRunner

from runquest.bootstrap import bootstrap
from runquest.cli import main
from runquest.commands.accounts import find_athlete_by_username
from runquest.demo import DEMO_USERNAME, load_demo


def invoke(database_url, *args):
    result = CliRunner().invoke(main, ["--database-url", database_url, *args], catch_exceptions=False)
    return result


def test_promoting_a_user_is_an_event_with_the_operator_as_cause(database_url, runtime, athlete):
    result = invoke(database_url, "users", "promote", athlete.username)
    assert result.exit_code == 0, result.output
    promoted = find_athlete_by_username(runtime.store, athlete.username)
    assert promoted.role == "admin"
    lines = [json.loads(line) for line in invoke(database_url, "events", "show", f"athlete:{athlete.id}").output.splitlines()]
    granted = [line for line in lines if line["topic"] == "runquest/Athlete.RoleGranted"]
    assert granted[0]["role"] == "admin" and granted[0]["actor_id"].startswith("system:cli")


def test_promoting_an_unknown_user_fails_cleanly(database_url):
    result = invoke(database_url, "users", "promote", "nobody_by_that_name")
    assert result.exit_code != 0
    assert "no athlete is called" in result.output


def test_an_auditor_sees_who_did_what_but_never_a_password_hash(database_url, athlete):
    output = invoke(database_url, "events", "show", f"athlete:{athlete.id}").output
    registered = json.loads(output.splitlines()[0])
    assert registered["topic"] == "runquest/Athlete.Registered"
    assert registered["username"] == athlete.username
    assert registered["password_hash"] == "<redacted>"
    assert registered["request_id"] and registered["timestamp"]


def test_projection_status_shows_position_lag_and_whether_a_runner_is_alive(database_url, runtime):
    for runner in runtime.runners:
        runner.catch_up()
    result = invoke(database_url, "projections", "status")
    output = result.output
    assert "profiles" in output and "runs" in output and "lag      0" in output
    assert "NOT RUNNING" in output and result.exit_code == 1
    running = bootstrap(database_url, projector_mode="threads")
    try:
        for _ in range(500):
            result = invoke(database_url, "projections", "status")
            if "NOT RUNNING" not in result.output:
                break
            threading.Event().wait(0.01)
        assert result.output.count("running") == 2 and "NOT RUNNING" not in result.output
        assert result.exit_code == 0
    finally:
        running.close()


def test_the_demo_records_real_runs_once(runtime):
    recorded = load_demo(runtime.store)
    assert "geojson/stavanger-run.geojson" in recorded and len(recorded) >= 3
    assert load_demo(runtime.store) == []
    assert find_athlete_by_username(runtime.store, DEMO_USERNAME).experience_points > 0


def test_tail_shows_the_last_events_even_across_gaps_in_positions(database_url, runtime, make_athlete):
    make_athlete()
    make_athlete()
    lines = invoke(database_url, "events", "tail", "--limit", "5").output.splitlines()
    positions = [json.loads(line)["position"] for line in lines]
    assert len(positions) == 5 and positions == sorted(positions)
    assert positions[-1] == runtime.store.head_position()


def test_unknown_projection_names_are_an_error(database_url):
    result = invoke(database_url, "projections", "rebuild", "nosuch")
    assert result.exit_code != 0 and "nosuch" in result.output
