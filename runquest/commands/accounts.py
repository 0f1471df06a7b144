"""Account commands: register an athlete, change privacy settings, grant a role."""

from dataclasses import dataclass
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from runquest import errors
from runquest.aggregates.athlete import Athlete
from runquest.aggregates.claim import Claim
from runquest.commands.execution import Outcome, save
from runquest.event_store import RunQuest
from runquest.ids import claim_id, entity_id
from runquest.passwords import UNKNOWN_USER_HASH, hash_password, verify_password


@dataclass(frozen=True)
class RegisterAthlete:
    username: str
    email: str
    password: str


@dataclass(frozen=True)
class Registration:
    athlete_no: int
    athlete_id: UUID
    username: str


def register_athlete(app: RunQuest, command: RegisterAthlete) -> Outcome[Registration]:
    """Unique username and email ignoring case: the claims' ids make a second one impossible."""
    for kind, value in (("username", command.username), ("email", command.email)):
        if claim_id(kind, value) in app.repository:
            raise AlreadyTaken(f"a user with that {kind} already exists", field=kind)
    athlete = Athlete(
        athlete_no=app.allocate_number("athlete"),
        username=command.username,
        email=command.email,
        password_hash=hash_password(command.password),
    )
    claims = [
        Claim(kind="username", value=command.username, owner_id=athlete.id),
        Claim(kind="email", value=command.email, owner_id=athlete.id),
    ]
    position = save(app, athlete, *claims)
    return Outcome(Registration(athlete.athlete_no, athlete.id, athlete.username), position)


@dataclass(frozen=True)
class ChangePrivacy:
    athlete_no: int
    changes: dict


def change_privacy(app: RunQuest, command: ChangePrivacy) -> Outcome[Athlete]:
    athlete = load_athlete(app, command.athlete_no)
    athlete.change_privacy(**command.changes)
    return Outcome(athlete, save(app, athlete))


@dataclass(frozen=True)
class GrantRole:
    username: str
    role: str


def grant_role(app: RunQuest, command: GrantRole) -> Outcome[int]:
    athlete = find_athlete_by_username(app, command.username)
    if athlete is None:
        raise UnknownAthlete(f"no athlete is called {command.username!r}", field="username")
    athlete.grant_role(command.role)
    return Outcome(athlete.athlete_no, save(app, athlete))


def load_athlete(app: RunQuest, athlete_no: int) -> Athlete:
    try:
        return app.repository.get(entity_id("athlete", athlete_no))
    except AggregateNotFoundError:
        raise UnknownAthlete("user not found") from None


def find_athlete_by_username(app: RunQuest, username: str) -> Athlete | None:
    try:
        claim = app.repository.get(claim_id("username", username))
    except AggregateNotFoundError:
        return None
    return app.repository.get(claim.owner_id)


def check_credentials(app: RunQuest, username: str, password: str) -> Athlete | None:
    """The athlete whose password this is, or None; reads the event store, appends nothing."""
    athlete = find_athlete_by_username(app, username)
    encoded = athlete.password_hash if athlete else UNKNOWN_USER_HASH
    if verify_password(password, encoded) and athlete is not None:
        return athlete
    return None


class AlreadyTaken(errors.Conflict):
    pass


class UnknownAthlete(errors.NotFound):
    pass
