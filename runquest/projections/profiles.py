"""Profiles read model: account, privacy flags, progression and running statistics."""

from sqlalchemy import Connection, update

from runquest.aggregates.athlete import Athlete
from runquest.aggregates.run import Run
from runquest.projections.projector import Projector, handles
from runquest.projections.tables import profiles


class ProfilesProjector(Projector):
    name = "profiles"
    tables = (profiles,)

    @handles(Athlete.Registered)
    def registered(self, conn: Connection, event: Athlete.Registered) -> None:
        conn.execute(
            profiles.insert().values(
                id=event.athlete_no,
                athlete_id=event.originator_id,
                username=event.username,
                email=event.email,
                role="user",
                level=1,
                experience_points=0,
                is_public=True,
                show_runs=True,
                show_achievements=True,
                show_challenges=True,
                show_statistics=True,
                total_runs=0,
                total_distance_meters=0.0,
                total_duration_seconds=0,
                registered_at=event.timestamp,
            )
        )

    @handles(Athlete.PrivacyChanged)
    def privacy_changed(self, conn: Connection, event: Athlete.PrivacyChanged) -> None:
        self._update(conn, event, **event.settings)

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
        conn.execute(
            update(profiles)
            .where(profiles.c.id == event.athlete_no)
            .values(
                total_runs=profiles.c.total_runs + 1,
                total_distance_meters=profiles.c.total_distance_meters + event.distance_meters,
                total_duration_seconds=profiles.c.total_duration_seconds + (event.duration_seconds or 0),
            )
        )

    @handles(Run.Amended)
    def run_amended(self, conn: Connection, event: Run.Amended) -> None:
        change = (event.duration_seconds or 0) - (event.previous_duration_seconds or 0)
        conn.execute(
            update(profiles)
            .where(profiles.c.id == event.athlete_no)
            .values(total_duration_seconds=profiles.c.total_duration_seconds + change)
        )

    @handles(Run.Deleted)
    def run_deleted(self, conn: Connection, event: Run.Deleted) -> None:
        conn.execute(
            update(profiles)
            .where(profiles.c.id == event.athlete_no)
            .values(
                total_runs=profiles.c.total_runs - 1,
                total_distance_meters=profiles.c.total_distance_meters - event.distance_meters,
                total_duration_seconds=profiles.c.total_duration_seconds - (event.duration_seconds or 0),
            )
        )

    @staticmethod
    def _update(conn: Connection, event, **values) -> None:
        conn.execute(update(profiles).where(profiles.c.athlete_id == event.originator_id).values(**values))
