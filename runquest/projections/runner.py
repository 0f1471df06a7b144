"""Runs one projector: reads notifications in order and applies them exactly once.

A batch locks its projection's position row, reads the events after it, applies them
and moves the position, all in one transaction: a second runner waits for the lock and
then starts where the first one stopped. Its rows and its position commit together.
"""

import logging
import threading

import psycopg
from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.exc import InterfaceError as SQLInterfaceError
from sqlalchemy.exc import OperationalError as SQLOperationalError
from sqlalchemy.dialects.postgresql import insert

from runquest.event_store import RunQuest
from runquest.projections.projector import Projector
from runquest.projections.tables import projection_positions as positions

log = logging.getLogger(__name__)

POSITIONS_CHANNEL = "runquest_projections"
# Not the projector's fault: lost connections, deadlocks, lock and statement timeouts.
TRANSIENT_ERRORS = (SQLOperationalError, SQLInterfaceError, psycopg.OperationalError, psycopg.InterfaceError)
# Events can be large (a route of 50,000 points is ~2 MB of text): batches stay modest.
BATCH_SIZE = 100
IDLE_WAIT_S = 1.0


class LostRace(Exception):
    """Another runner committed these events first; ours were rolled back."""


class ProjectorFailed(Exception):
    """A handler raised: the projection stops at the event before, loudly."""


class ProjectionRunner:
    def __init__(self, store: RunQuest, engine: Engine, projector: Projector, batch_size: int = BATCH_SIZE):
        self.store = store
        self.engine = engine
        self.projector = projector
        self.batch_size = batch_size
        self.registered = False

    @property
    def name(self) -> str:
        return self.projector.name

    def ensure_registered(self) -> None:
        if self.registered:
            return
        with self.engine.begin() as conn:
            conn.execute(insert(positions).values(name=self.name, position=0).on_conflict_do_nothing())
        self.registered = True

    def position(self) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(select(positions.c.position).where(positions.c.name == self.name)).scalar()
        return value or 0

    def catch_up(self, progress=None) -> int:
        """Process until the head of the log; how many notifications were processed.

        `progress(n)` is told how far the position moved (notification ids have gaps)."""
        self.ensure_registered()
        total = 0
        while True:
            try:
                with self.engine.begin() as conn:
                    start = self.lock_position(conn)
                    count, last = self.apply_after(conn, start)
            except LostRace:
                continue
            if count == 0:
                return total
            total += count
            if progress is not None:
                progress(last - start)

    def process_batch(self) -> int:
        """Apply the next batch; the position row is locked, so runners take turns, never overlap."""
        with self.engine.begin() as conn:
            return self.apply_after(conn, self.lock_position(conn))[0]

    def lock_position(self, conn: Connection) -> int:
        return conn.execute(
            select(positions.c.position).where(positions.c.name == self.name).with_for_update()
        ).scalar_one()

    def apply_after(self, conn: Connection, start: int) -> tuple[int, int]:
        """In the caller's transaction: apply the batch after `start`, move the position there.

        Answers how many notifications it processed, and the new position. A handler that
        raises is a bug (ProjectorFailed, recorded); database trouble (a lost connection, a
        deadlock, a lock timeout) is raised as it is, for the runner to retry.
        """
        notifications = self.store.recorder.select_notifications(
            start=start, limit=self.batch_size, inclusive_of_start=False
        )
        if not notifications:
            return 0, start
        last = notifications[-1].id
        for notification in notifications:
            if self.projector.consumes(notification.topic):
                try:
                    self.projector.apply(conn, self.store.mapper.to_domain_event(notification))
                except TRANSIENT_ERRORS:
                    raise
                except Exception as error:
                    conn.rollback()
                    self._record_failure(f"event {notification.id}: {type(error).__name__}: {error}")
                    raise ProjectorFailed(
                        f"projection {self.name!r} failed at event {notification.id}: {error}"
                    ) from error
        # Belt and braces: the compare-and-set refuses to move a position we did not read.
        moved = conn.execute(
            update(positions)
            .where(positions.c.name == self.name, positions.c.position == start)
            .values(position=last, error=None)
            .returning(func.pg_notify(POSITIONS_CHANNEL, f"{self.name}:{last}"))
        ).all()
        if len(moved) != 1:
            raise LostRace(self.name)
        return len(notifications), last

    def _record_failure(self, message: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(positions).where(positions.c.name == self.name).values(error=message))

    def run_forever(self, stop: threading.Event, dsn: str) -> None:
        """Be the one active runner of this projection (advisory lock), woken by NOTIFY."""
        with psycopg.connect(dsn, autocommit=True) as conn:
            while not stop.is_set():
                if conn.execute("SELECT pg_try_advisory_lock(hashtext(%s))", [election_key(self.name)]).fetchone()[0]:
                    break
                stop.wait(IDLE_WAIT_S)
            else:
                return
            conn.execute(f"LISTEN {self.store.recorder.channel_name}")
            log.info("projection %s: active", self.name)
            while not stop.is_set():
                if self.catch_up() == 0:
                    for _ in conn.notifies(timeout=IDLE_WAIT_S, stop_after=1):
                        pass


def election_key(name: str) -> str:
    return f"projection:{name}"


def elected_runners(engine: Engine, names: list[str]) -> set[str]:
    """The projections whose active runner (the advisory lock's holder) is alive somewhere."""
    with engine.connect() as conn:
        held = {
            (classid << 32) | objid
            for classid, objid in conn.exec_driver_sql(
                "SELECT classid::bigint, objid::bigint FROM pg_locks "
                "WHERE locktype = 'advisory' AND objsubid = 1 AND granted "
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            )
        }
        keys = {name: conn.exec_driver_sql("SELECT hashtext(%(key)s)", {"key": election_key(name)}).scalar()
                for name in names}
    # pg_locks shows the 64-bit key as two unsigned halves; hashtext is a signed 32-bit int.
    return {name for name, key in keys.items() if key & 0xFFFFFFFFFFFFFFFF in held}


def run_in_thread(runner: ProjectionRunner, stop: threading.Event, dsn: str) -> threading.Thread:
    def target() -> None:
        while not stop.is_set():
            try:
                runner.run_forever(stop, dsn)
            except ProjectorFailed:
                # A handler bug: stop here, visible in `runquest projections status`.
                log.exception("projection %s stopped", runner.name)
                return
            except Exception:
                # Lost connection and the like: start again (the advisory lock is re-taken).
                log.exception("projection %s interrupted; restarting", runner.name)
                stop.wait(IDLE_WAIT_S)

    thread = threading.Thread(target=target, name=f"projection-{runner.name}", daemon=True)
    thread.start()
    return thread
