"""Profiles read model: account, privacy flags, progression and running statistics."""

from sqlalchemy import Connection, bindparam, update

from runquest.aggregates.athlete import PRIVACY_FLAGS, Athlete
from runquest.aggregates.run import Run
from runquest.projections.projector import Projector, handles
from runquest.projections.tables import profiles

# Built once: projectors run these for every event.
UPDATE_ATHLETE = update(profiles).where(profiles.c.athlete_id == bindparam("of_athlete"))
ADD_TO_TOTALS = (
    update(profiles)
    .where(profiles.c.id == bindparam("of_athlete_no"))
    .values(
        total_runs=profiles.c.total_runs + bindparam("runs"),
        total_distance_meters=profiles.c.total_distance_meters + bindparam("meters"),
        total_duration_seconds=profiles.c.total_duration_seconds + bindparam("seconds"),
    )
)


class ProfilesProjector(Projector):
    name = "profiles"
    tables = (profiles,)

    @handles(Athlete.Registered)
    def registered(self, conn: Connection, event: Athlete.Registered) -> None:
        conn.execute(
            profiles.insert(),
            {
                "id": event.athlete_no,
                "athlete_id": event.originator_id,
                "username": event.username,
                "email": event.email,
                "role": "user",
                "level": 1,
                "experience_points": 0,
                **{flag: True for flag in PRIVACY_FLAGS},
                "total_runs": 0,
                "total_distance_meters": 0.0,
                "total_duration_seconds": 0,
                "registered_at": event.timestamp,
            },
        )

    @handles(Athlete.PrivacyChanged)
    def privacy_changed(self, conn: Connection, event: Athlete.PrivacyChanged) -> None:
        self._update(conn, event, **{flag: event.settings[flag] for flag in PRIVACY_FLAGS})

    @handles(Athlete.ExperienceGained)
    def experience_gained(self, conn: Connection, event: Athlete.ExperienceGained) -> None:
        self._update(conn, event, experience_points=event.experience_points, level=event.level)

    @handles(Athlete.ExperienceRevoked)
    def experience_revoked(self, conn: Connection, event: Athlete.ExperienceRevoked) -> None:
        self._update(conn, event, experience_points=event.experience_points)

    @handles(Athlete.RoleGranted)
    def role_granted(self, conn: Connection, event: Athlete.RoleGranted) -> None:
        self._update(conn, event, role=event.role)

    @handles(Run.Recorded)
    def run_recorded(self, conn: Connection, event: Run.Recorded) -> None:
        self._add_to_totals(conn, event.athlete_no, 1, event.distance_meters, event.duration_seconds or 0)

    @handles(Run.Amended)
    def run_amended(self, conn: Connection, event: Run.Amended) -> None:
        change = (event.duration_seconds or 0) - (event.previous_duration_seconds or 0)
        self._add_to_totals(conn, event.athlete_no, 0, 0.0, change)

    @handles(Run.Deleted)
    def run_deleted(self, conn: Connection, event: Run.Deleted) -> None:
        self._add_to_totals(conn, event.athlete_no, -1, -event.distance_meters, -(event.duration_seconds or 0))

    @staticmethod
    def _add_to_totals(conn: Connection, athlete_no: int, runs: int, meters: float, seconds: int) -> None:
        conn.execute(ADD_TO_TOTALS, {"of_athlete_no": athlete_no, "runs": runs, "meters": meters, "seconds": seconds})

    @staticmethod
    def _update(conn: Connection, event, **values) -> None:
        conn.execute(UPDATE_ATHLETE, {"of_athlete": event.originator_id, **values})
