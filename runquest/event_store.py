"""The `RunQuest` event-store application (the only source of truth) and its infrastructure."""

import threading

from sqlalchemy.engine import make_url

from eventsourcing.application import Application
from eventsourcing.persistence import InterfaceError, OperationalError, ProgrammingError
from eventsourcing.utils import retry

# Every aggregate module is imported here, so that any stored topic resolves in any process.
from runquest.aggregates import claim, run  # noqa: F401
from runquest.aggregates.athlete import Athlete
from runquest.ids import ENTITY_KINDS, sequence_name

ATHLETE_SNAPSHOT_INTERVAL = 100
# Runs are many: a block of numbers per process saves a round trip per run. Athletes are
# few and see their number: taken one at a time, they stay dense.
NUMBERS_PER_BLOCK = {"run": 16, "athlete": 1}


class RunQuest(Application):
    # Pinned: it names the events table (`runquest_events`) and tracking keys.
    name = "RunQuest"
    snapshotting_intervals = {Athlete: ATHLETE_SNAPSHOT_INTERVAL}

    def __init__(self, env: dict | None = None) -> None:
        super().__init__(env)
        self._numbers: dict[str, list[int]] = {}
        self._numbers_lock = threading.Lock()

    def allocate_number(self, kind: str) -> int:
        """Next integer wire id of an entity kind, from its PostgreSQL sequence.

        Run numbers are taken a block at a time per process: unique everywhere, increasing
        within a process, with gaps when a process stops.
        """
        with self._numbers_lock:
            block = self._numbers.setdefault(kind, [])
            if not block:
                block.extend(self._take_numbers(kind, NUMBERS_PER_BLOCK[kind]))
            return block.pop(0)

    @retry((InterfaceError, OperationalError), max_attempts=3, wait=0.1)
    def _take_numbers(self, kind: str, count: int) -> list[int]:
        with self.recorder.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute("SELECT nextval(%s) AS number FROM generate_series(1, %s)", [sequence_name(kind), count])
            return sorted(int(row["number"]) for row in curs.fetchall())

    def create_write_side_objects(self) -> None:
        """The id sequences, and this deployment's identity (minted once)."""
        with self.recorder.datastore.get_connection() as conn, conn.cursor() as curs:
            for kind in ENTITY_KINDS:
                curs.execute(f"CREATE SEQUENCE IF NOT EXISTS {sequence_name(kind)}")
            curs.execute("CREATE TABLE IF NOT EXISTS runquest_deployment (id uuid PRIMARY KEY)")
            curs.execute(
                "INSERT INTO runquest_deployment SELECT gen_random_uuid() "
                "WHERE NOT EXISTS (SELECT 1 FROM runquest_deployment)"
            )

    def deployment_id(self) -> str:
        """Tokens are issued for one deployment (one event store), and only valid there."""
        try:
            with self.recorder.datastore.get_connection() as conn, conn.cursor() as curs:
                curs.execute("SELECT id FROM runquest_deployment ORDER BY id LIMIT 1")
                return str(curs.fetchone()["id"])
        except (ProgrammingError, TypeError):
            raise RuntimeError("the database is not set up: run `runquest db upgrade` first") from None

    def head_position(self) -> int:
        return self.recorder.max_notification_id() or 0

    def nth_last_position(self, n: int) -> int | None:
        """The notification id of the n-th last event (or of the first, when there are fewer)."""
        table = self.recorder.events_table_name
        with self.recorder.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(
                f"SELECT min(notification_id) AS position FROM "
                f"(SELECT notification_id FROM {table} ORDER BY notification_id DESC LIMIT %s) AS last",
                [n],
            )
            return curs.fetchone()["position"]


def event_store_env(
    database_url: str, *, create_tables: bool = False, pool_size: int = 5, connect_timeout_s: int = 5
) -> dict:
    """The eventsourcing environment for a PostgreSQL URL (DESIGN D1)."""
    url = make_url(database_url)
    return {
        "PERSISTENCE_MODULE": "eventsourcing.postgres",
        "POSTGRES_DBNAME": url.database or "runquest",
        "POSTGRES_HOST": url.host or "127.0.0.1",
        "POSTGRES_PORT": str(url.port or 5432),
        "POSTGRES_USER": url.username or "postgres",
        "POSTGRES_PASSWORD": url.password or "",
        "POSTGRES_POOL_SIZE": str(pool_size),
        "POSTGRES_MAX_OVERFLOW": str(pool_size),
        # No ping before each use: the library's recorders retry on a broken connection.
        "POSTGRES_PRE_PING": "n",
        # How long to wait for a connection; the library tries ten times before giving up.
        "POSTGRES_CONNECT_TIMEOUT": str(connect_timeout_s),
        "POSTGRES_LOCK_TIMEOUT": "5",
        # Readers must never see position 3 before 2: keep the table lock, no DB functions.
        "POSTGRES_ENABLE_DB_FUNCTIONS": "n",
        "CREATE_TABLE": "y" if create_tables else "n",
        "AGGREGATE_CACHE_MAXSIZE": "10000",
        "AGGREGATE_CACHE_FASTFORWARD": "y",
    }
