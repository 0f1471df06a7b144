"""The composition root: event store, read-model engine, projectors and the position waiter."""

import threading
from dataclasses import dataclass, field

from sqlalchemy import Engine, create_engine

from runquest.event_store import RunQuest, event_store_env
from runquest.projections.registry import projectors
from runquest.projections.runner import ProjectionRunner, run_in_thread
from runquest.projections.waiting import InlineCatchUp, PositionWaiter


@dataclass
class Runtime:
    store: RunQuest
    engine: Engine
    reader: Engine
    runners: list[ProjectionRunner]
    waiter: PositionWaiter | InlineCatchUp
    database_url: str
    stop: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)

    def runner(self, name: str) -> ProjectionRunner:
        return next(runner for runner in self.runners if runner.name == name)

    def start_projectors(self) -> None:
        for runner in self.runners:
            runner.ensure_registered()
            self.threads.append(run_in_thread(runner, self.stop, libpq_dsn(self.database_url)))

    def close(self) -> None:
        self.stop.set()
        self.waiter.close()
        for thread in self.threads:
            thread.join(timeout=5)
        self.store.close()
        self.engine.dispose()
        for engine in {runner.engine for runner in self.runners}:
            engine.dispose()


def libpq_dsn(database_url: str) -> str:
    """The URL as libpq (psycopg 3) takes it, without a SQLAlchemy driver suffix."""
    scheme, _, rest = database_url.partition("://")
    return "postgresql://" + rest


def sqlalchemy_url(database_url: str) -> str:
    scheme, _, rest = database_url.partition("://")
    return "postgresql+psycopg2://" + rest


def bootstrap(database_url: str, projector_mode: str = "threads", pool_size: int = 5,
              create_tables: bool = False, connect_timeout_s: int = 5) -> Runtime:
    store = RunQuest(env=event_store_env(database_url, create_tables=create_tables, pool_size=pool_size,
                                         connect_timeout_s=connect_timeout_s))
    engine = create_engine(sqlalchemy_url(database_url), pool_size=pool_size, max_overflow=pool_size,
                           pool_pre_ping=True, connect_args={"options": "-c timezone=UTC"})
    # Queries read one statement at a time: autocommit spares a rollback round trip per read.
    reader = engine.execution_options(isolation_level="AUTOCOMMIT")
    # Read models are derived: a crash may lose a projector's last commits (rows and position
    # together, so replay restores them), never events. Not waiting for the WAL flush there
    # leaves the disk's fsyncs to the event store.
    projection_engine = create_engine(
        sqlalchemy_url(database_url), pool_size=2, max_overflow=2, pool_pre_ping=True,
        connect_args={"options": "-c synchronous_commit=off -c timezone=UTC"},
    )
    runners = [ProjectionRunner(store, projection_engine, projector) for projector in projectors()]
    if projector_mode == "inline":
        waiter = InlineCatchUp(runners)
    else:
        waiter = PositionWaiter(engine, libpq_dsn(database_url))
    runtime = Runtime(store=store, engine=engine, reader=reader, runners=runners, waiter=waiter, database_url=database_url)
    waiter.start()
    if projector_mode == "threads":
        runtime.start_projectors()
    return runtime
