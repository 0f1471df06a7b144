"""Rebuild a read model from the whole history: drop, recreate, replay."""

from sqlalchemy import func, update

from runquest.projections.runner import POSITIONS_CHANNEL, ProjectionRunner
from runquest.projections.tables import metadata, projection_positions as positions

LOCK_TIMEOUT = "10s"


class RunnerStillActive(Exception):
    pass


def rebuild(runner: ProjectionRunner, progress=None) -> int:
    """Replay every event into fresh tables; refuses while another runner holds the projection."""
    runner.ensure_registered()
    with runner.engine.begin() as conn:
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
        # The runner's row lock keeps a live runner's commits out until the reset is done.
        conn.execute(positions.select().where(positions.c.name == runner.name).with_for_update())
        metadata.drop_all(conn, tables=list(runner.projector.tables), checkfirst=True)
        metadata.create_all(conn, tables=list(runner.projector.tables), checkfirst=True)
        conn.execute(
            update(positions)
            .where(positions.c.name == runner.name)
            .values(position=0, error=None)
            .returning(func.pg_notify(POSITIONS_CHANNEL, f"{runner.name}:0"))
        ).all()
    return runner.catch_up(progress=progress)
