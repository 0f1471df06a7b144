"""Database set-up: create the database, the event store's tables and the read models."""

from pathlib import Path

import psycopg
from alembic import command
from alembic.config import Config as AlembicConfig
from psycopg import sql
from sqlalchemy.engine import make_url

from runquest.bootstrap import libpq_dsn
from runquest.event_store import RunQuest, event_store_env

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _server_dsn(database_url: str) -> tuple[str, str]:
    url = make_url(database_url)
    return libpq_dsn(url.set(database="postgres").render_as_string(hide_password=False)), url.database


def create_database(database_url: str) -> bool:
    """Create the database (with PostGIS) unless it exists; True when it was created."""
    server, name = _server_dsn(database_url)
    with psycopg.connect(server, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    with psycopg.connect(libpq_dsn(database_url), autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    return not exists


def drop_database(database_url: str) -> None:
    server, name = _server_dsn(database_url)
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def alembic_config(database_url: str) -> AlembicConfig:
    config = AlembicConfig(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.attributes["database_url"] = database_url
    config.attributes["skip_logging"] = True
    return config


def upgrade(database_url: str) -> None:
    """Event-store tables and id sequences (owned by the library), then read-model migrations."""
    create_database(database_url)
    store = RunQuest(env=event_store_env(database_url, create_tables=True, pool_size=1))
    try:
        store.create_write_side_objects()
    finally:
        store.close()
    command.upgrade(alembic_config(database_url), "head")
