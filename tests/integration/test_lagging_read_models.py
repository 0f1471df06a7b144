"""When the projectors are down, writes still succeed, and say that the read models lag."""

import pytest

from runquest import create_app
from runquest.config import TestConfig
from tests.conftest import Athlete, unique_name


@pytest.fixture
def app_without_projectors(database_url):
    config = TestConfig(database_url)
    config.PROJECTORS = "off"
    config.READ_YOUR_WRITES_TIMEOUT_S = 0.2
    app = create_app(config)
    yield app
    app.extensions["runquest"].close()


def test_a_write_that_the_read_models_have_not_seen_says_so(app_without_projectors, client, runtime):
    athlete = Athlete(client, unique_name())  # registered through the projecting app
    lagging = app_without_projectors.test_client()
    created = lagging.post("/api/runs/", json={"duration_seconds": 900}, headers=athlete.headers)
    assert created.status_code == 201
    assert created.json["properties"]["duration_seconds"] == 900
    assert created.headers["X-RunQuest-Pending"] == "runs, profiles"
    for runner in runtime.runners:
        runner.catch_up()
    amended = lagging.patch(f"/api/runs/{created.json['id']}/", json={"calories": 321}, headers=athlete.headers)
    assert amended.json["properties"]["calories"] == 321
    assert "X-RunQuest-Pending" in amended.headers


def test_a_privacy_change_answers_the_new_settings_even_before_the_read_model_has_them(
    app_without_projectors, client
):
    athlete = Athlete(client, unique_name())
    lagging = app_without_projectors.test_client()
    changed = lagging.patch("/api/profile/", json={"show_statistics": False}, headers=athlete.headers)
    assert changed.status_code == 200
    assert changed.json["show_statistics"] is False
    assert "X-RunQuest-Pending" in changed.headers


@pytest.fixture
def app_with_background_projectors(database_url):
    config = TestConfig(database_url)
    config.PROJECTORS = "threads"
    app = create_app(config)
    yield app
    app.extensions["runquest"].close()


def test_with_background_projectors_a_get_right_after_a_post_sees_it(app_with_background_projectors):
    client = app_with_background_projectors.test_client()
    athlete = Athlete(client, unique_name())
    created = client.post("/api/runs/", json={"duration_seconds": 1200}, headers=athlete.headers)
    assert created.status_code == 201 and "X-RunQuest-Pending" not in created.headers
    listed = client.get("/api/runs/", headers=athlete.headers).json
    assert [feature["id"] for feature in listed["results"]["features"]] == [created.json["id"]]
    assert client.get("/api/profile/", headers=athlete.headers).json["experience_points"] == 20
