"""Bad input gets a clear 4xx naming the field, never a 500, and appends no event."""

from datetime import datetime, timedelta, timezone

import pytest

LINE = {"type": "LineString", "coordinates": [[10.0, 50.0], [10.01, 50.0]]}

BAD_RUNS = [
    ({"route_data": {"type": "LineString", "coordinates": [[10, 50], [10, 50]]}}, "route_data"),
    ({"route_data": {"type": "LineString", "coordinates": [[10, 50]]}}, "route_data"),
    ({"route_data": {"type": "LineString", "coordinates": [[10, 90.5], [10, 50]]}}, "route_data"),
    ({"route_data": {"type": "LineString", "coordinates": [[-180.1, 50], [10, 50]]}}, "route_data"),
    ({"route_data": {"type": "LineString", "coordinates": [["ten", 50], [10, 51]]}}, "route_data"),
    ({"route_data": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}, "route_data"),
    ({"route_data": "LINESTRING(0 0, 1 1)"}, "route_data"),
    ({"route_data": LINE, "duration_seconds": -5}, "duration_seconds"),
    ({"route_data": LINE, "duration_seconds": "long"}, "duration_seconds"),
    ({"route_data": LINE, "duration_seconds": 10**9}, "duration_seconds"),
    ({"route_data": LINE, "calories": -1}, "calories"),
    ({"route_data": LINE, "start_time": "yesterday"}, "start_time"),
    ({"route_data": LINE, "start_time": (datetime.now(timezone.utc) + timedelta(days=2)).isoformat()}, "start_time"),
    ({"calories": 100}, "route_data"),
]


@pytest.mark.parametrize("body, field", BAD_RUNS)
def test_a_bad_run_is_refused_naming_the_field_and_appends_nothing(client, athlete, runtime, body, field):
    head = runtime.store.head_position()
    response = client.post("/api/runs/", json=body, headers=athlete.headers)
    assert 400 <= response.status_code < 500
    assert field in response.json["errors"], response.json
    assert response.json["detail"]
    assert runtime.store.head_position() == head


def test_a_body_that_is_not_json_is_refused(client, athlete):
    response = client.post("/api/runs/", data="route=1", headers=athlete.headers,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert "JSON" in response.json["detail"]


def test_malformed_json_is_refused(client, athlete):
    response = client.post("/api/runs/", data="{not json", headers=athlete.headers, content_type="application/json")
    assert response.status_code == 400
    assert response.json["detail"]


def test_a_json_array_is_not_a_run(client, athlete):
    response = client.post("/api/runs/", json=[1, 2], headers=athlete.headers)
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/api/runs/abc/", "/api/runs/1.5/", "/api/runs/-3/", "/api/runs/99999999999/"])
def test_an_id_that_is_not_an_integer_is_not_found_and_says_why(client, athlete, path):
    response = client.get(path, headers=athlete.headers)
    assert response.status_code == 404
    assert "not a valid id" in response.json["detail"]


def test_unknown_paths_and_methods_answer_json(client):
    assert client.get("/api/nowhere/").json["detail"]
    response = client.delete("/api/register/")
    assert response.status_code == 405
    assert response.json["detail"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"username": "ab", "email": "x@example.org", "password": "long-enough"}, "username"),
        ({"username": "with space", "email": "x@example.org", "password": "long-enough"}, "username"),
        ({"username": "fine_name", "email": "not-an-email", "password": "long-enough"}, "email"),
        ({"username": "fine_name", "email": "x@example.org", "password": "short"}, "password"),
        ({"username": "fine_name", "email": "x@example.org", "password": "1234567890"}, "password"),
        ({"username": "fine_name1", "email": "x@example.org", "password": "FINE_NAME1"}, "password"),
        ({"email": "x@example.org", "password": "long-enough"}, "username"),
    ],
)
def test_bad_registrations_are_refused_naming_the_field(client, runtime, body, field):
    head = runtime.store.head_position()
    response = client.post("/api/register/", json=body)
    assert response.status_code == 400
    assert field in response.json["errors"]
    assert runtime.store.head_position() == head


def test_privacy_flags_must_be_booleans(client, athlete):
    response = client.patch("/api/profile/", json={"is_public": "no"}, headers=athlete.headers)
    assert response.status_code == 400
    assert "is_public" in response.json["errors"]


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "offset=-1", "ordering=calories", "user_id=abc",
                                   "start_time__gte=soon", "distance_meters__lte=far"])
def test_bad_list_parameters_are_refused(client, athlete, query):
    response = client.get(f"/api/runs/?{query}", headers=athlete.headers)
    assert response.status_code == 400
    assert query.split("=")[0] in response.json["errors"]
