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
