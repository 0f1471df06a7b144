"""Shared fixtures: a throwaway PostGIS database, the runtime, the Flask client, athletes, routes."""

import json
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from runquest import create_app
from runquest.bootstrap import bootstrap
from runquest.config import DEFAULT_DATABASE_URL, TestConfig
from runquest.database import drop_database, upgrade

FIXTURES = Path(os.environ.get("RUNQUEST_FIXTURES", Path(__file__).resolve().parents[2] / "shared" / "fixtures"))
PASSWORD = "correct-horse-battery"


def _test_database_url() -> str:
    base = make_url(os.environ.get("RUNQUEST_DATABASE_URL", DEFAULT_DATABASE_URL))
    return base.set(database=f"runquest_test_{os.getpid()}").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def database_url():
    """A database of its own for this test run, created and dropped here; never `runquest`."""
    url = _test_database_url()
    drop_database(url)
    upgrade(url)
    yield url
    drop_database(url)


@pytest.fixture(scope="session")
def runtime(database_url):
    runtime = bootstrap(database_url, projector_mode="inline")
    yield runtime
    runtime.close()


@pytest.fixture(scope="session")
def app(database_url):
    app = create_app(TestConfig(database_url))
    yield app
    app.extensions["runquest"].close()


@pytest.fixture
def client(app):
    return app.test_client()


def unique_name(prefix: str = "runner") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


class Athlete:
    """A registered athlete seen from the client: id, username and auth headers."""

    def __init__(self, client, username: str):
        self.username = username
        response = client.post(
            "/api/register/", json={"username": username, "email": f"{username}@example.org", "password": PASSWORD}
        )
        assert response.status_code == 201, response.json
        self.id = response.json["id"]
        tokens = client.post("/api/token/", json={"username": username, "password": PASSWORD}).json
        self.access = tokens["access"]
        self.refresh = tokens["refresh"]
        self.headers = {"Authorization": f"Bearer {self.access}"}


@pytest.fixture
def make_athlete(client):
    return lambda prefix="runner": Athlete(client, unique_name(prefix))


@pytest.fixture
def athlete(make_athlete):
    return make_athlete()


@pytest.fixture(scope="session")
def stavanger_feature():
    """The real Fenix 2 run in Stavanger (2,809 points, 9,021.6 m, 2,833 s) as a GeoJSON Feature."""
    return json.loads((FIXTURES / "geojson" / "stavanger-run.geojson").read_text())


@pytest.fixture
def short_route():
    return {"type": "LineString", "coordinates": [[5.7331, 58.9690], [5.7400, 58.9700], [5.7450, 58.9720]]}
