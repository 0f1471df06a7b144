"""Alembic environment: read-model tables of runquest.projections.tables, GeoAlchemy2-aware."""

import os
import sys
from logging.config import fileConfig

from alembic import context
from geoalchemy2 import alembic_helpers
from sqlalchemy import create_engine

from runquest.bootstrap import sqlalchemy_url
from runquest.config import DEFAULT_DATABASE_URL
from runquest.projections.tables import metadata

config = context.config
if config.config_file_name and not config.attributes.get("skip_logging"):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

database_url = config.attributes.get("database_url") or os.environ.get("RUNQUEST_DATABASE_URL", DEFAULT_DATABASE_URL)


sys.path.insert(0, os.path.dirname(__file__))
from filters import include_object  # noqa: E402


def run_migrations_online() -> None:
    engine = create_engine(sqlalchemy_url(database_url))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            include_object=include_object,
            process_revision_directives=alembic_helpers.writer,
            render_item=alembic_helpers.render_item,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
