"""What Alembic compares: the read models, not the event store's or PostGIS's own tables."""

from geoalchemy2 import alembic_helpers

FOREIGN_TABLES = ("spatial_ref_sys", "alembic_version")


def include_object(obj, name, type_, reflected, compare_to):
    if type_ == "table" and (name.startswith("runquest_") or name in FOREIGN_TABLES):
        return False
    if type_ == "index" and getattr(obj, "table", None) is not None and obj.table.name.startswith("runquest_"):
        return False
    return alembic_helpers.include_object(obj, name, type_, reflected, compare_to)
