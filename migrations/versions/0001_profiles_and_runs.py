"""Projection positions, profiles and runs read models.

Revision ID: 0001
Revises:
Create Date: 2026-12-03
"""
import geoalchemy2
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    op.create_table(
        "projection_positions",
        sa.Column("name", sa.Text(), primary_key=True),
        sa.Column("position", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("error", sa.Text()),
    )
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), autoincrement=False, primary_key=True),
        sa.Column("athlete_id", sa.Uuid(), nullable=False, unique=True),
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("experience_points", sa.BigInteger(), nullable=False),
        sa.Column("is_public", sa.Boolean(), nullable=False),
        sa.Column("show_runs", sa.Boolean(), nullable=False),
        sa.Column("show_achievements", sa.Boolean(), nullable=False),
        sa.Column("show_challenges", sa.Boolean(), nullable=False),
        sa.Column("show_statistics", sa.Boolean(), nullable=False),
        sa.Column("total_runs", sa.Integer(), nullable=False),
        sa.Column("total_distance_meters", sa.Float(), nullable=False),
        sa.Column("total_duration_seconds", sa.BigInteger(), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_profiles_username", "profiles", ["username"])
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), autoincrement=False, primary_key=True),
        sa.Column("run_id", sa.Uuid(), nullable=False, unique=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "route",
            geoalchemy2.types.Geography(geometry_type="LINESTRING", srid=4326, spatial_index=False),
        ),
        sa.Column("coord_times", postgresql.JSONB()),
        sa.Column("start_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_seconds", sa.Integer()),
        sa.Column("calories", sa.Integer()),
        sa.Column("distance_meters", sa.Float(), nullable=False),
        sa.Column("xp_earned", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("idx_runs_route", "runs", ["route"], postgresql_using="gist")
    op.create_index("ix_runs_user_start", "runs", ["user_id", "start_time", "id"])


def downgrade() -> None:
    op.drop_table("runs")
    op.drop_table("profiles")
    op.drop_table("projection_positions")
