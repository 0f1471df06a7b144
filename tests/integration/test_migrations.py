import importlib.util

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from runquest.database import PROJECT_ROOT
from runquest.projections.tables import metadata

_spec = importlib.util.spec_from_file_location("migration_filters", PROJECT_ROOT / "migrations" / "filters.py")
filters = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(filters)


def test_the_migrations_create_exactly_the_declared_read_model_tables(runtime):
    with runtime.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": filters.include_object,
                                                         "compare_type": True})
        differences = compare_metadata(context, metadata)
    assert differences == []
