"""The athlete: account, privacy settings and progression (experience points and level)."""

from uuid import UUID

from eventsourcing.domain import event

from runquest import errors, rules
from runquest.aggregates.base import RunQuestAggregate
from runquest.ids import entity_id

PRIVACY_FLAGS = ("is_public", "show_runs", "show_achievements", "show_challenges", "show_statistics")
ROLES = ("user", "admin")


class Athlete(RunQuestAggregate):
    TOPIC = "runquest/Athlete"

    class Event(RunQuestAggregate.Event):
        pass

    class Registered(Event, RunQuestAggregate.Created):
        TOPIC = "runquest/Athlete.Registered"
        athlete_no: int
        username: str
        email: str
        password_hash: str

    Created = Registered

    class PrivacyChanged(Event):
        TOPIC = "runquest/Athlete.PrivacyChanged"
        settings: dict

    class ExperienceGained(Event):
        TOPIC = "runquest/Athlete.ExperienceGained"
        points: int
        reason: str
        source_id: str
        experience_points: int
        level: int

    class ExperienceRevoked(Event):
        TOPIC = "runquest/Athlete.ExperienceRevoked"
        points: int
        reason: str
        source_id: str
        experience_points: int

    class RoleGranted(Event):
        TOPIC = "runquest/Athlete.RoleGranted"
        role: str

    @staticmethod
    def create_id(athlete_no: int) -> UUID:
        return entity_id("athlete", athlete_no)

    @event(Registered)
    def __init__(self, athlete_no: int, username: str, email: str, password_hash: str):
        self.athlete_no = athlete_no
        self.username = username
        self.email = email
        self.password_hash = password_hash
        self.role = "user"
        self.privacy = {flag: True for flag in PRIVACY_FLAGS}
        self.experience_points = 0
        self.level = 1

    def change_privacy(self, **changes: bool) -> None:
        unknown = set(changes) - set(PRIVACY_FLAGS)
        if unknown:
            raise UnknownPrivacyFlag(f"unknown privacy flag {sorted(unknown)[0]!r}", field=sorted(unknown)[0])
        settings = {**self.privacy, **changes}
        if settings != self.privacy:
            self._privacy_changed(settings=settings)

    @event(PrivacyChanged)
    def _privacy_changed(self, settings: dict) -> None:
        self.privacy = dict(settings)

    def gain_experience(self, points: int, reason: str, source_id: str) -> None:
        """Add XP; the level follows the total and never goes down."""
        if points <= 0:
            return
        total = self.experience_points + points
        level = max(self.level, rules.level_for(total))
        self._experience_gained(
            points=points, reason=reason, source_id=source_id, experience_points=total, level=level
        )

    @event(ExperienceGained)
    def _experience_gained(
        self, points: int, reason: str, source_id: str, experience_points: int, level: int
    ) -> None:
        self.experience_points = experience_points
        self.level = level

    def revoke_experience(self, points: int, reason: str, source_id: str) -> None:
        """Take XP back (a deleted or corrected run); the level stays where it was."""
        points = min(points, self.experience_points)
        if points <= 0:
            return
        self._experience_revoked(
            points=points,
            reason=reason,
            source_id=source_id,
            experience_points=self.experience_points - points,
        )

    @event(ExperienceRevoked)
    def _experience_revoked(
        self, points: int, reason: str, source_id: str, experience_points: int
    ) -> None:
        self.experience_points = experience_points

    def grant_role(self, role: str) -> None:
        if role not in ROLES:
            raise UnknownRole(f"unknown role {role!r}; roles are {', '.join(ROLES)}", field="role")
        if role != self.role:
            self._role_granted(role=role)

    @event(RoleGranted)
    def _role_granted(self, role: str) -> None:
        self.role = role


class UnknownPrivacyFlag(errors.Unacceptable):
    pass


class UnknownRole(errors.Unacceptable):
    pass
