"""When PostgreSQL goes away, requests answer 503 with a JSON body, never 500."""

import psycopg
import pytest
from sqlalchemy.engine import make_url

from runquest import create_app
from runquest.bootstrap import libpq_dsn
from runquest.config import TestConfig
from runquest.database import drop_database, upgrade
from tests.conftest import Athlete, unique_name


@pytest.fixture
def doomed_database(database_url):
    url = make_url(database_url)
    doomed = url.set(database=f"{url.database}_outage").render_as_string(hide_password=False)
    upgrade(doomed)
    yield doomed
    with psycopg.connect(libpq_dsn(database_url), autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{make_url(doomed).database}" ALLOW_CONNECTIONS true')
    drop_database(doomed)


def test_a_lost_database_answers_503(doomed_database, database_url):
    config = TestConfig(doomed_database)
    config.DB_CONNECT_TIMEOUT_S = 1  # whole seconds; the event store tries ten times
    app = create_app(config)
    try:
        client = app.test_client()
        athlete = Athlete(client, unique_name())
        name = make_url(doomed_database).database
        with psycopg.connect(libpq_dsn(database_url), autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        for response in (
            client.get("/api/runs/", headers=athlete.headers),
            client.post("/api/runs/", json={"duration_seconds": 600}, headers=athlete.headers),
        ):
            assert response.status_code == 503, response.json
            assert "database" in response.json["detail"]
    finally:
        app.extensions["runquest"].close()
