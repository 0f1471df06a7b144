"""Read-model tables, declared once; Alembic migrations create them."""

from geoalchemy2 import Geography
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    Uuid,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

projection_positions = Table(
    "projection_positions",
    metadata,
    Column("name", Text, primary_key=True),
    # Notification id of the last event this projection has processed (consumed or skipped).
    Column("position", BigInteger, nullable=False, server_default="0"),
    Column("error", Text),
)

profiles = Table(
    "profiles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("athlete_id", Uuid, nullable=False, unique=True),
    Column("username", Text, nullable=False),
    Column("email", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("level", Integer, nullable=False),
    Column("experience_points", BigInteger, nullable=False),
    Column("is_public", Boolean, nullable=False),
    Column("show_runs", Boolean, nullable=False),
    Column("show_achievements", Boolean, nullable=False),
    Column("show_challenges", Boolean, nullable=False),
    Column("show_statistics", Boolean, nullable=False),
    Column("total_runs", Integer, nullable=False),
    Column("total_distance_meters", Float, nullable=False),
    Column("total_duration_seconds", BigInteger, nullable=False),
    Column("registered_at", DateTime(timezone=True), nullable=False),
    Index("ix_profiles_username", "username"),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("run_id", Uuid, nullable=False, unique=True),
    Column("user_id", Integer, nullable=False),
    Column("route", Geography("LINESTRING", srid=4326, spatial_index=True)),
    Column("coord_times", JSONB),
    Column("start_time", DateTime(timezone=True), nullable=False),
    Column("duration_seconds", Integer),
    Column("calories", Integer),
    Column("distance_meters", Float, nullable=False),
    Column("xp_earned", Integer, nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Index("ix_runs_user_start", "user_id", "start_time", "id"),
)
