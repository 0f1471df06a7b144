"""Bad input gets a clear 4xx naming the field, never a 500, and appends no event."""

import json
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


@pytest.mark.parametrize("path", ["/api/runs/abc/", "/api/runs/1.5/", "/api/runs/-3/", "/api/runs/99999999999/",
                                  "/api/runs/" + "9" * 5000 + "/", "/api/users/" + "1" * 4301 + "/"])
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


@pytest.mark.parametrize(
    "body, field",
    [
        ({"username": "carl\n", "email": "c@example.org", "password": "long-enough"}, "username"),
        ({"username": "lone_surrogate", "email": "c@example.org", "password": "pw-long\ud800enough"}, "password"),
        ({"username": "lone\ud800", "email": "c@example.org", "password": "long-enough"}, "username"),
    ],
)
def test_names_and_passwords_must_be_clean_text(client, body, field):
    # Sent as the JSON text a client would send ("\ud800" escapes): valid JSON, invalid text.
    response = client.post("/api/register/", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    assert field in response.json["errors"]


def test_look_alike_usernames_are_one_name(client, athlete):
    fullwidth = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in athlete.username)
    response = client.post("/api/register/", json={
        "username": fullwidth, "email": f"fw-{athlete.username}@example.org", "password": "long-enough"})
    assert response.status_code == 409


def test_a_login_with_a_lone_surrogate_is_refused_cleanly(client):
    body = json.dumps({"username": "x\ud800", "password": "long-enough"})
    assert client.post("/api/token/", data=body, content_type="application/json").status_code == 400


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "1850-06-01T10:00:00Z"])
def test_start_times_outside_any_plausible_range_are_refused(client, athlete, when):
    response = client.post("/api/runs/", json={"duration_seconds": 600, "start_time": when}, headers=athlete.headers)
    assert response.status_code == 400
    assert "start_time" in response.json["errors"]
    listed = client.get("/api/runs/", query_string={"start_time__gte": when}, headers=athlete.headers)
    assert listed.status_code == 400


def test_deeply_nested_json_is_refused_not_crashed(client, athlete):
    body = '{"route_data": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post("/api/runs/", data=body, content_type="application/json", headers=athlete.headers)
    assert response.status_code == 400


@pytest.mark.parametrize("path", ["/api/runs/%C2%B2/", "/api/runs/%D9%A3/", "/api/users/%C2%B9/"])
def test_unicode_digits_are_not_ids(client, athlete, path):
    response = client.get(path, headers=athlete.headers)
    assert response.status_code == 404
    assert "not a valid id" in response.json["detail"]


@pytest.mark.parametrize(
    "route, field",
    [
        ({"type": "LineString", "coordinates": [[0, 90], [0, -90]]}, "route_data"),
        ({"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[5, 58], [5.0001, 58]]},
          "properties": {"coordTimes": ["0001-01-01T00:00:00Z", "2026-01-01T00:00:00Z"]}}, "route_data"),
        ({"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[5, 58], [5.5, 58]]},
          "properties": {"coordTimes": ["2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"]}}, "duration_seconds"),
        ({"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[5, 58], [5.0001, 58]]},
          "properties": {"coordTimes": ["2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z"]}}, "duration_seconds"),
    ],
)
def test_routes_that_no_runner_ran_are_refused_before_any_event(client, athlete, runtime, route, field):
    head = runtime.store.head_position()
    response = client.post("/api/runs/", json={"route_data": route}, headers=athlete.headers)
    assert 400 <= response.status_code < 500
    assert field in response.json["errors"], response.json
    assert runtime.store.head_position() == head


@pytest.mark.parametrize("path", ["/api/register/", "/api/token/"])
def test_an_integer_too_long_to_load_is_a_bad_body_not_a_crash(client, path):
    body = '{"username": ' + "9" * 5000 + "}"
    response = client.post(path, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json["detail"]


@pytest.mark.parametrize("query", ["user_id=%D9%A3", "limit=%D9%A3", "offset=%C2%B2"])
def test_query_numbers_are_ascii_digits(client, athlete, query):
    response = client.get(f"/api/runs/?{query}", headers=athlete.headers)
    assert response.status_code == 400


def test_ids_have_one_spelling(client, athlete):
    response = client.get("/api/runs/0001/", headers=athlete.headers)
    assert response.status_code == 404
    assert client.post("/api//runs/", json={}, headers=athlete.headers).status_code == 404


def test_a_malformed_idempotency_key_is_refused(client, athlete):
    response = client.post("/api/runs/", json={"duration_seconds": 600},
                           headers={**athlete.headers, "Idempotency-Key": "no spaces allowed"})
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json["detail"]
