"""The `runquest` command line: serve, db, projections, events, users, demo."""

import getpass
import json
import os
import signal
import sys

from contextlib import contextmanager

import click
from sqlalchemy import select
from tqdm import tqdm

from runquest.aggregates.base import Cause
from runquest.bootstrap import bootstrap, libpq_dsn
from runquest.config import database_url


def _database_url(ctx: click.Context) -> str:
    return ctx.find_root().obj["database_url"]


@contextmanager
def _runtime(ctx: click.Context):
    """The event store and read models; no projector threads, no position listener."""
    runtime = bootstrap(_database_url(ctx), projector_mode="inline")
    try:
        yield runtime
    finally:
        runtime.close()


@click.group()
@click.option("--database-url", envvar="RUNQUEST_DATABASE_URL", default=database_url(), show_default=True)
@click.pass_context
def main(ctx: click.Context, database_url: str) -> None:
    """RunQuest: the event-sourced backend of a gamified running app."""
    ctx.obj = {"database_url": database_url}
    os.environ["RUNQUEST_DATABASE_URL"] = database_url


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--workers", envvar="RUNQUEST_WORKERS", default=os.cpu_count() or 1, show_default=True)
@click.option("--threads", envvar="RUNQUEST_THREADS", default=8, show_default=True)
@click.option("--no-projectors", is_flag=True,
              help="Run no projectors (another `runquest projections run` keeps the read models).")
@click.pass_context
def serve(ctx, host, port, workers, threads, no_projectors):
    """Upgrade the database, then serve the API with gunicorn, and its projectors beside it."""
    from runquest.database import upgrade
    from runquest.server import ProjectorSupervisor
    from runquest.server import serve as run_server

    upgrade(_database_url(ctx))
    # The API workers never run projectors themselves: a supervised sibling process does
    # (unless told not to), so projection work does not compete with requests for a GIL.
    os.environ["RUNQUEST_PROJECTORS"] = "off"
    supervisor = None
    if not no_projectors:
        supervisor = ProjectorSupervisor([sys.executable, "-m", "runquest.cli", "projections", "run"])
        supervisor.start()
    try:
        run_server(host=host, port=port, workers=workers, threads=threads)
    finally:
        if supervisor is not None:
            supervisor.stop()


@main.group()
def db():
    """Database schema."""


@db.command("upgrade")
@click.pass_context
def db_upgrade(ctx):
    """Create the database, the event store and the read-model tables (idempotent)."""
    from runquest.database import upgrade

    upgrade(_database_url(ctx))
    click.echo("database is up to date")


@main.command()
@click.option("--if-empty", is_flag=True, help="Only when the event store has no events yet.")
@click.pass_context
def demo(ctx, if_empty):
    """Load the demo athlete (demo / runquest-demo) with runs from real GPS files."""
    from runquest.demo import DEMO_PASSWORD, DEMO_USERNAME, load_demo

    with _runtime(ctx) as runtime:
        if if_empty and runtime.store.head_position():
            click.echo("event store is not empty; demo data not loaded")
            return
        for name in load_demo(runtime.store):
            click.echo(f"recorded demo run {name}")
        click.echo(f"demo athlete: {DEMO_USERNAME} / {DEMO_PASSWORD}")


@main.group()
def users():
    """Athlete administration."""


@users.command("promote")
@click.argument("username")
@click.option("--role", default="admin", show_default=True)
@click.pass_context
def users_promote(ctx, username, role):
    """Grant a role (admin by default); recorded as an event."""
    from runquest.commands.accounts import GrantRole, grant_role
    from runquest.commands.execution import execute
    from runquest.errors import DomainError

    cause = Cause(actor_id=f"system:cli:{getpass.getuser()}", request_id="cli")
    with _runtime(ctx) as runtime:
        try:
            execute(grant_role, runtime.store, GrantRole(username=username, role=role), cause)
        except DomainError as error:
            raise click.ClickException(error.message) from None
    click.echo(f"{username} is now {role}")


@main.group()
def projections():
    """Read-model projections."""


def _check_projection_names(names) -> None:
    from runquest.projections.registry import projectors

    try:
        projectors(list(names))
    except KeyError as error:
        raise click.ClickException(error.args[0]) from None


@projections.command("status")
@click.pass_context
def projections_status(ctx):
    """Position, lag, liveness and error of every projection (exit status 1 if any is unwell)."""
    from runquest.projections.tables import projection_positions as positions

    from runquest.projections.runner import elected_runners

    with _runtime(ctx) as runtime:
        head = runtime.store.head_position()
        with runtime.engine.connect() as conn:
            rows = dict(conn.execute(select(positions.c.name, positions.c.position)).all())
            errors = dict(conn.execute(select(positions.c.name, positions.c.error)).all())
        running = elected_runners(runtime.engine, [runner.name for runner in runtime.runners])
        click.echo(f"event store head: {head}")
        healthy = True
        for runner in runtime.runners:
            position = rows.get(runner.name, 0)
            state = "running" if runner.name in running else "NOT RUNNING"
            if errors.get(runner.name):
                state += f", FAILED: {errors[runner.name]}"
            healthy &= state == "running"
            click.echo(f"{runner.name:<12} position {position:>8}  lag {head - position:>6}  {state}")
    # For monitoring: non-zero when a projection has no live runner or has failed.
    ctx.exit(0 if healthy else 1)


@projections.command("run")
@click.argument("names", nargs=-1)
@click.pass_context
def projections_run(ctx, names):
    """Run projectors in this process until interrupted (one active runner per projection)."""
    _check_projection_names(names)
    runtime = bootstrap(_database_url(ctx), projector_mode="off")
    stop = runtime.stop
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    from runquest.projections.runner import run_in_thread

    threads = [
        run_in_thread(runner, stop, libpq_dsn(runtime.database_url))
        for runner in runtime.runners
        if not names or runner.name in names
    ]
    click.echo(f"running projections: {', '.join(t.name for t in threads)} (Ctrl-C to stop)")
    try:
        while any(thread.is_alive() for thread in threads):
            stop.wait(1.0)
    except KeyboardInterrupt:
        stop.set()
    runtime.close()


@projections.command("rebuild")
@click.argument("names", nargs=-1)
@click.pass_context
def projections_rebuild(ctx, names):
    """Drop and recreate read models, then replay the whole event history into them."""
    from runquest.projections.rebuild import rebuild

    _check_projection_names(names)
    with _runtime(ctx) as runtime:
        head = runtime.store.head_position()
        for runner in runtime.runners:
            if names and runner.name not in names:
                continue
            with tqdm(total=head, desc=runner.name, unit="event") as bar:
                rebuild(runner, progress=bar.update)


def _json_value(value):
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@main.group()
def events():
    """Inspect the event store (for auditors)."""


@events.command("show")
@click.argument("aggregate")
@click.pass_context
def events_show(ctx, aggregate):
    """Every event of one aggregate, as JSON lines: a UUID, or KIND:NUMBER (athlete:1, run:7)."""
    from runquest.audit import aggregate_events, parse_aggregate_ref

    try:
        aggregate_id = parse_aggregate_ref(aggregate)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    with _runtime(ctx) as runtime:
        records = aggregate_events(runtime.store, aggregate_id)
        if not records:
            raise click.ClickException(f"no events for {aggregate} ({aggregate_id})")
        for record in records:
            click.echo(json.dumps(record, default=_json_value))


@events.command("tail")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 100_000))
@click.pass_context
def events_tail(ctx, limit):
    """The last events of the whole log, oldest first, as JSON lines."""
    from runquest.audit import recent_events

    with _runtime(ctx) as runtime:
        for record in recent_events(runtime.store, limit):
            click.echo(json.dumps(record, default=_json_value))


if __name__ == "__main__":
    main()
