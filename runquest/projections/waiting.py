"""Read your writes: wait until projections have processed a position.

Projectors send `NOTIFY runquest_projections, '<name>:<position>'` when they commit;
a listener thread keeps the latest positions, and waiters sleep on a condition.
The positions table is read again now and then, so a missed notification only delays.
"""

import logging
import threading
import time

import psycopg
from sqlalchemy import Engine, select

from runquest.projections.runner import POSITIONS_CHANNEL, ProjectionRunner
from runquest.projections.tables import projection_positions as positions

log = logging.getLogger(__name__)

RECHECK_S = 0.05


class PositionWaiter:
    def __init__(self, engine: Engine, dsn: str):
        self.engine = engine
        self.dsn = dsn
        self.known: dict[str, int] = {}
        self.changed = threading.Condition()
        self.stop = threading.Event()
        self.listening = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._listen, name="position-listener", daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.stop.set()

    def wait(self, names: list[str], position: int | None, timeout: float) -> bool:
        """True once every named projection has reached `position`; False after `timeout`."""
        if not position:
            return True
        deadline = time.monotonic() + timeout
        if not self.listening.is_set():
            self._refresh()
        while True:
            with self.changed:
                if self._reached(names, position):
                    return True
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                notified = self.changed.wait(min(remaining, RECHECK_S))
            if not notified:
                self._refresh()

    def _reached(self, names: list[str], position: int) -> bool:
        return all(self.known.get(name, 0) >= position for name in names)

    def _refresh(self) -> None:
        with self.engine.connect() as conn:
            rows = conn.execute(select(positions.c.name, positions.c.position)).all()
        self._learn(dict(rows))

    def _learn(self, news: dict[str, int]) -> None:
        # Exact, not the maximum: a rebuild moves a position back to 0. Notifications come in
        # commit order; a table read that raced one can only make a waiter wait a little more.
        with self.changed:
            self.known.update(news)
            self.changed.notify_all()

    def _listen(self) -> None:
        while not self.stop.is_set():
            try:
                with psycopg.connect(self.dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {POSITIONS_CHANNEL}")
                    # Listening first, then reading the table: no commit can fall in between.
                    self._refresh()
                    self.listening.set()
                    while not self.stop.is_set():
                        for note in conn.notifies(timeout=1.0):
                            name, _, position = note.payload.rpartition(":")
                            self._learn({name: int(position)})
            except Exception:
                self.listening.clear()
                log.warning("position listener lost its connection; reconnecting", exc_info=True)
                self.stop.wait(1.0)


class InlineCatchUp:
    """For tests and one-process tools: the caller runs the projections itself, then reads."""

    def __init__(self, runners: list[ProjectionRunner]):
        self.runners = {runner.name: runner for runner in runners}

    def wait(self, names: list[str], position: int | None, timeout: float) -> bool:
        for name in names:
            self.runners[name].catch_up()
        return True

    def start(self) -> None:
        pass

    def close(self) -> None:
        pass
