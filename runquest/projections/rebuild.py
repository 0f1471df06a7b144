"""Rebuild a read model from the whole history: drop, recreate and replay, in one transaction.

Readers of the read model wait for the rebuild to commit (the dropped table is locked) and
never see it half filled: a half-replayed profile could still show runs that were made
private later in the history.
"""

from sqlalchemy import update

from runquest.projections.runner import ProjectionRunner
from runquest.projections.tables import metadata, projection_positions as positions


def rebuild(runner: ProjectionRunner, progress=None) -> int:
    """Replay every event into fresh tables; answers how many notifications were processed."""
    runner.ensure_registered()
    tables = list(runner.projector.tables)
    total = 0
    with runner.engine.begin() as conn:
        runner.lock_position(conn)  # a live runner elsewhere waits, then carries on from the end
        metadata.drop_all(conn, tables=tables, checkfirst=True)
        metadata.create_all(conn, tables=tables, checkfirst=True)
        conn.execute(update(positions).where(positions.c.name == runner.name).values(position=0, error=None))
        position = 0
        while True:
            count, last = runner.apply_after(conn, position)
            if count == 0:
                return total
            total += count
            if progress is not None:
                progress(last - position)
            position = last
