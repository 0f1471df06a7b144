from tests.conftest import PASSWORD, unique_name


def test_registering_a_taken_username_in_another_case_is_a_conflict(client, athlete):
    response = client.post("/api/register/", json={
        "username": athlete.username.upper(), "email": f"x{athlete.username}@example.org", "password": PASSWORD})
    assert response.status_code == 409
    assert "username" in response.json["errors"]


def test_a_wrong_password_gets_401_without_saying_which_part_was_wrong(client, athlete):
    response = client.post("/api/token/", json={"username": athlete.username, "password": "wrong-password"})
    assert response.status_code == 401
    unknown = client.post("/api/token/", json={"username": unique_name(), "password": PASSWORD})
    assert unknown.status_code == 401
    assert response.json == unknown.json


def test_a_refresh_token_gives_a_new_access_token_that_works(client, athlete):
    refreshed = client.post("/api/token/refresh/", json={"refresh": athlete.refresh})
    assert refreshed.status_code == 200
    headers = {"Authorization": f"Bearer {refreshed.json['access']}"}
    assert client.get("/api/profile/", headers=headers).json["username"] == athlete.username


def test_an_access_token_is_not_a_refresh_token(client, athlete):
    assert client.post("/api/token/refresh/", json={"refresh": athlete.access}).status_code == 401


def test_a_refresh_token_is_not_an_access_token(client, athlete):
    response = client.get("/api/profile/", headers={"Authorization": f"Bearer {athlete.refresh}"})
    assert response.status_code == 401
    assert response.json["detail"]


def test_verify_accepts_good_tokens_and_refuses_tampered_ones(client, athlete):
    assert client.post("/api/token/verify/", json={"token": athlete.access}).status_code == 200
    tampered = athlete.access[:-4] + ("AAAA" if not athlete.access.endswith("AAAA") else "BBBB")
    assert client.post("/api/token/verify/", json={"token": tampered}).status_code == 401


def test_requests_without_a_token_are_401_with_a_json_body(client):
    response = client.get("/api/profile/")
    assert response.status_code == 401
    assert "authentication required" in response.json["detail"]
    garbage = client.get("/api/profile/", headers={"Authorization": "Bearer not.a.token"})
    assert garbage.status_code == 401


def test_privacy_settings_change_and_show_on_the_profile(client, athlete):
    response = client.patch("/api/profile/", json={"show_runs": False, "avatar": None}, headers=athlete.headers)
    assert response.status_code == 200
    assert response.json["show_runs"] is False
    assert client.get("/api/profile/", headers=athlete.headers).json["show_runs"] is False


def test_a_token_from_another_deployment_is_refused(client, app, athlete):
    import time

    import jwt as pyjwt

    claims = pyjwt.decode(athlete.access, options={"verify_signature": False})
    assert claims["aud"].startswith("runquest:")
    foreign = {**claims, "aud": "runquest:00000000-0000-0000-0000-000000000000", "exp": int(time.time()) + 600}
    token = pyjwt.encode(foreign, app.config["JWT_SECRET_KEY"], algorithm="HS256")
    assert client.get("/api/profile/", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_registration_ignores_a_stale_token(client):
    response = client.post("/api/register/", headers={"Authorization": "Bearer garbage"}, json={
        "username": unique_name(), "email": f"{unique_name()}@example.org", "password": PASSWORD})
    assert response.status_code == 201


def test_a_405_says_which_methods_are_allowed(client):
    response = client.delete("/api/register/")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
