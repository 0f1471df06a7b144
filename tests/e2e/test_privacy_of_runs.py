def post_run(client, athlete, route):
    response = client.post("/api/runs/", json={"route_data": route, "duration_seconds": 600}, headers=athlete.headers)
    assert response.status_code == 201
    return response.json["id"]


def test_a_public_athletes_runs_are_readable_by_others(client, make_athlete, short_route):
    owner, reader = make_athlete(), make_athlete()
    run_id = post_run(client, owner, short_route)
    listed = client.get(f"/api/runs/?user_id={owner.id}", headers=reader.headers)
    assert [f["id"] for f in listed.json["results"]["features"]] == [run_id]
    assert client.get(f"/api/runs/{run_id}/", headers=reader.headers).status_code == 200


def test_hidden_runs_are_forbidden_to_list_and_not_found_one_by_one(client, make_athlete, short_route):
    owner, reader = make_athlete(), make_athlete()
    run_id = post_run(client, owner, short_route)
    client.patch("/api/profile/", json={"show_runs": False}, headers=owner.headers)
    assert client.get(f"/api/runs/?user_id={owner.id}", headers=reader.headers).status_code == 403
    assert client.get(f"/api/runs/{run_id}/", headers=reader.headers).status_code == 404
    assert client.get(f"/api/runs/{run_id}/", headers=owner.headers).status_code == 200


def test_nobody_but_the_owner_can_change_or_delete_a_run(client, make_athlete, short_route):
    owner, other = make_athlete(), make_athlete()
    run_id = post_run(client, owner, short_route)
    assert client.patch(f"/api/runs/{run_id}/", json={"calories": 1}, headers=other.headers).status_code == 403
    assert client.delete(f"/api/runs/{run_id}/", headers=other.headers).status_code == 403
    assert client.get(f"/api/runs/{run_id}/", headers=owner.headers).json["properties"]["calories"] is None


def test_the_owner_amends_a_run_and_the_xp_follows(client, athlete, short_route):
    run_id = post_run(client, athlete, short_route)
    before = client.get("/api/profile/", headers=athlete.headers).json["experience_points"]
    response = client.patch(f"/api/runs/{run_id}/", json={"duration_seconds": 1800, "calories": 250,
                                                          "xp_earned": 99999}, headers=athlete.headers)
    assert response.status_code == 200
    assert response.json["properties"]["calories"] == 250
    assert response.json["properties"]["duration_seconds"] == 1800
    after = client.get("/api/profile/", headers=athlete.headers).json["experience_points"]
    assert after - before == 30 - 10


def test_a_client_cannot_write_distance_or_xp(client, athlete, short_route):
    body = {"route_data": short_route, "duration_seconds": 600, "distance_meters": 42195, "xp_earned": 10**6}
    run = client.post("/api/runs/", json=body, headers=athlete.headers).json
    assert run["properties"]["distance_meters"] < 2000
    assert run["properties"]["xp_earned"] < 200


def test_another_users_public_view_hides_statistics_when_private(client, make_athlete):
    owner, reader = make_athlete(), make_athlete()
    assert client.get(f"/api/users/{owner.id}/", headers=reader.headers).json["level"] == 1
    client.patch("/api/profile/", json={"is_public": False}, headers=owner.headers)
    view = client.get(f"/api/users/{owner.id}/", headers=reader.headers).json
    assert (view["username"], view["level"], view["experience_points"]) == (owner.username, None, None)
    assert client.get("/api/users/999999/", headers=reader.headers).status_code == 404


def test_writing_to_a_hidden_run_does_not_reveal_that_it_exists(client, make_athlete, short_route):
    owner, other = make_athlete(), make_athlete()
    run_id = post_run(client, owner, short_route)
    client.patch("/api/profile/", json={"is_public": False}, headers=owner.headers)
    assert client.patch(f"/api/runs/{run_id}/", json={"calories": 1}, headers=other.headers).status_code == 404
    assert client.delete(f"/api/runs/{run_id}/", headers=other.headers).status_code == 404
