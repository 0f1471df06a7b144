"""Run commands: record, amend and delete a run, keeping the athlete's experience in step."""

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from eventsourcing.application import AggregateNotFoundError

from runquest import errors
from runquest.aggregates.run import Run, RunNotFound
from runquest.commands.accounts import load_athlete
from runquest.commands.execution import Outcome, save
from runquest.event_store import RunQuest
from runquest.geo import Route
from runquest.aggregates.claim import Claim
from runquest.ids import claim_id, entity_id

UPLOAD_CLAIM = "run_upload"

# Phones' clocks drift; a start a little ahead of ours is still "now".
CLOCK_SKEW_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class RecordRun:
    athlete_no: int
    route: Route | None
    start_time: datetime | None
    duration_seconds: int | None
    calories: int | None
    # A client's key for this upload: sent again (a retry after a lost answer), it records nothing new.
    idempotency_key: str | None = None


def record_run(app: RunQuest, command: RecordRun) -> Outcome[Run]:
    """Record a run; the outcome is the new Run (its route stays in the command and event)."""
    athlete = load_athlete(app, command.athlete_no)
    upload = f"{athlete.id}:{command.idempotency_key}" if command.idempotency_key else None
    if upload and claim_id(UPLOAD_CLAIM, upload) in app.repository:
        earlier = app.repository.get(app.repository.get(claim_id(UPLOAD_CLAIM, upload)).owner_id)
        return Outcome(earlier, None)
    start_time = command.start_time or (command.route and command.route.start_time) or _now()
    check_not_in_future(start_time)
    run = Run.record(
        run_no=app.allocate_number("run"),
        athlete_id=athlete.id,
        athlete_no=athlete.athlete_no,
        route=command.route,
        start_time=start_time,
        duration_seconds=command.duration_seconds,
        calories=command.calories,
    )
    athlete.gain_experience(run.xp_earned, reason="run_recorded", source_id=str(run.id))
    claims = [Claim(kind=UPLOAD_CLAIM, value=upload, owner_id=run.id)] if upload else []
    return Outcome(run, save(app, run, athlete, *claims))


@dataclass(frozen=True)
class AmendRun:
    athlete_no: int
    run_no: int
    changes: dict


AMENDABLE = ("start_time", "duration_seconds", "calories")


def amend_run(app: RunQuest, command: AmendRun) -> Outcome[Run]:
    athlete = load_athlete(app, command.athlete_no)
    run = load_run(app, command.run_no)
    run.check_owner(athlete.id)
    values = {name: getattr(run, name) for name in AMENDABLE}
    values.update({k: v for k, v in command.changes.items() if k in AMENDABLE})
    check_not_in_future(values["start_time"])
    before = run.xp_earned
    run.amend(**values)
    if run.xp_earned > before:
        athlete.gain_experience(run.xp_earned - before, reason="run_amended", source_id=str(run.id))
    elif run.xp_earned < before:
        athlete.revoke_experience(before - run.xp_earned, reason="run_amended", source_id=str(run.id))
    return Outcome(run, save(app, run, athlete))


@dataclass(frozen=True)
class DeleteRun:
    athlete_no: int
    run_no: int


def delete_run(app: RunQuest, command: DeleteRun) -> Outcome[int]:
    athlete = load_athlete(app, command.athlete_no)
    run = load_run(app, command.run_no)
    run.check_owner(athlete.id)
    run.delete()
    athlete.revoke_experience(run.xp_earned, reason="run_deleted", source_id=str(run.id))
    return Outcome(run.run_no, save(app, run, athlete))


def load_run(app: RunQuest, run_no: int) -> Run:
    try:
        run = app.repository.get(entity_id("run", run_no))
    except AggregateNotFoundError:
        raise RunNotFound("run not found") from None
    if run.deleted:
        raise RunNotFound("run not found")
    return run


def check_not_in_future(start_time: datetime) -> None:
    if start_time > _now() + CLOCK_SKEW_TOLERANCE:
        raise StartInFuture("start_time is in the future", field="start_time")


def _now() -> datetime:
    return datetime.now(timezone.utc)


class StartInFuture(errors.Unacceptable):
    pass
