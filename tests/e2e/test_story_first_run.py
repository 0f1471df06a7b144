"""A runner registers, logs in, records the real Stavanger run and reads it back."""

import pytest

from runquest.aggregates.base import Cause
from runquest.commands.execution import execute
from runquest.commands.runs import RecordRun, record_run

from tests.conftest import PASSWORD, unique_name


def test_a_runner_records_a_real_run_and_sees_it_with_xp_and_level(client, stavanger_feature):
    username = unique_name("ingrid")
    registered = client.post(
        "/api/register/", json={"username": username, "email": f"{username}@example.no", "password": PASSWORD}
    )
    assert registered.status_code == 201
    tokens = client.post("/api/token/", json={"username": username, "password": PASSWORD}).json
    headers = {"Authorization": f"Bearer {tokens['access']}"}

    created = client.post("/api/runs/", json={"route_data": stavanger_feature, "calories": 650}, headers=headers)
    assert created.status_code == 201, created.json
    run = created.json
    assert run["type"] == "Feature"
    assert run["properties"]["distance_meters"] == pytest.approx(9021.6, abs=0.5)
    assert run["properties"]["duration_seconds"] == 2833
    assert run["properties"]["start_time"].startswith("2015-08-15T14:45:08")
    expected_xp = int(run["properties"]["distance_meters"] / 10) + 2833 // 60
    assert run["properties"]["xp_earned"] == expected_xp
    assert len(run["geometry"]["coordinates"]) == 2809

    listed = client.get("/api/runs/", headers=headers).json
    assert listed["count"] == 1
    assert listed["results"]["type"] == "FeatureCollection"
    assert [feature["id"] for feature in listed["results"]["features"]] == [run["id"]]

    profile = client.get("/api/profile/", headers=headers).json
    assert profile["username"] == username
    assert profile["experience_points"] == expected_xp
    assert profile["level"] == expected_xp // 1000 + 1
    assert profile["next_level_xp"] == profile["level"] * 1000
    assert profile["statistics"]["total_runs"] == 1
    assert profile["statistics"]["total_distance_km"] == pytest.approx(9.0216, abs=0.001)


def test_deleting_the_run_takes_back_its_xp_and_totals_but_keeps_the_level(client, athlete, stavanger_feature):
    created = client.post("/api/runs/", json={"route_data": stavanger_feature}, headers=athlete.headers).json
    level = client.get("/api/profile/", headers=athlete.headers).json["level"]
    assert client.delete(f"/api/runs/{created['id']}/", headers=athlete.headers).status_code == 204
    profile = client.get("/api/profile/", headers=athlete.headers).json
    assert (profile["experience_points"], profile["level"]) == (0, level)
    assert profile["statistics"]["total_runs"] == 0
    assert client.get(f"/api/runs/{created['id']}/", headers=athlete.headers).status_code == 404


def test_a_command_answer_carries_its_event_position(client, athlete, short_route):
    created = client.post("/api/runs", json={"route_data": short_route, "duration_seconds": 600}, headers=athlete.headers)
    assert created.status_code == 201
    assert int(created.headers["X-RunQuest-Position"]) > 0


def test_a_get_with_a_minimum_position_waits_for_the_read_models(client, athlete, runtime):
    # A write that reached the event store but no projection yet (no request waited for it).
    command = RecordRun(athlete_no=athlete.id, route=None, start_time=None, duration_seconds=600, calories=None)
    outcome = execute(record_run, runtime.store, command, Cause("test", "t"))
    ids = lambda response: [feature["id"] for feature in response.json["results"]["features"]]
    assert outcome.value.run_no not in ids(client.get("/api/runs/", headers=athlete.headers))
    headers = {**athlete.headers, "X-RunQuest-Min-Position": str(outcome.position)}
    assert outcome.value.run_no in ids(client.get("/api/runs/", headers=headers))


def test_an_upload_sent_twice_with_its_key_is_recorded_once(client, athlete):
    headers = {**athlete.headers, "Idempotency-Key": "upload-7f3a"}
    first = client.post("/api/runs/", json={"duration_seconds": 1800}, headers=headers)
    again = client.post("/api/runs/", json={"duration_seconds": 1800}, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json["id"] == first.json["id"]
    profile = client.get("/api/profile/", headers=athlete.headers).json
    assert (profile["statistics"]["total_runs"], profile["experience_points"]) == (1, 30)
    other = client.post("/api/runs/", json={"duration_seconds": 1800},
                        headers={**athlete.headers, "Idempotency-Key": "upload-8b1c"})
    assert other.json["id"] != first.json["id"]
