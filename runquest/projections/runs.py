"""Runs read model: one row per run, its route as a PostGIS geography."""

from sqlalchemy import Connection, Text, bindparam, delete, func, update

from runquest.aggregates.run import Run
from runquest.projections.projector import Projector, handles
from runquest.projections.tables import runs

# Built once: projectors run these for every event.
INSERT_RUN = runs.insert().values(route=func.ST_GeomFromGeoJSON(bindparam("route_geojson", type_=Text)))
AMEND_RUN = update(runs).where(runs.c.run_id == bindparam("amended_run_id"))
DELETE_RUN = delete(runs).where(runs.c.run_id == bindparam("deleted_run_id"))


class RunsProjector(Projector):
    name = "runs"
    tables = (runs,)

    @handles(Run.Recorded)
    def recorded(self, conn: Connection, event: Run.Recorded) -> None:
        conn.execute(
            INSERT_RUN,
            {
                "route_geojson": event.route_geojson,
                "id": event.run_no,
                "run_id": event.originator_id,
                "user_id": event.athlete_no,
                "coord_times": event.coord_times,
                "start_time": event.start_time,
                "duration_seconds": event.duration_seconds,
                "calories": event.calories,
                "distance_meters": event.distance_meters,
                "xp_earned": event.xp_earned,
                "recorded_at": event.timestamp,
            },
        )

    @handles(Run.Amended)
    def amended(self, conn: Connection, event: Run.Amended) -> None:
        conn.execute(
            AMEND_RUN,
            {
                "amended_run_id": event.originator_id,
                "start_time": event.start_time,
                "duration_seconds": event.duration_seconds,
                "calories": event.calories,
                "xp_earned": event.xp_earned,
            },
        )

    @handles(Run.Deleted)
    def deleted(self, conn: Connection, event: Run.Deleted) -> None:
        conn.execute(DELETE_RUN, {"deleted_run_id": event.originator_id})
