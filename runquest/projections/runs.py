"""Runs read model: one row per run, its route as a PostGIS geography."""

import json

from sqlalchemy import Connection, delete, func, update

from runquest.aggregates.run import Run
from runquest.projections.projector import Projector, handles
from runquest.projections.tables import runs


class RunsProjector(Projector):
    name = "runs"
    tables = (runs,)

    @handles(Run.Recorded)
    def recorded(self, conn: Connection, event: Run.Recorded) -> None:
        route = None
        if event.route:
            geojson = json.dumps({"type": "LineString", "coordinates": event.route})
            route = func.ST_GeomFromGeoJSON(geojson)
        conn.execute(
            runs.insert().values(
                id=event.run_no,
                run_id=event.originator_id,
                user_id=event.athlete_no,
                route=route,
                coord_times=event.coord_times,
                start_time=event.start_time,
                duration_seconds=event.duration_seconds,
                calories=event.calories,
                distance_meters=event.distance_meters,
                xp_earned=event.xp_earned,
                recorded_at=event.timestamp,
            )
        )

    @handles(Run.Amended)
    def amended(self, conn: Connection, event: Run.Amended) -> None:
        conn.execute(
            update(runs)
            .where(runs.c.run_id == event.originator_id)
            .values(
                start_time=event.start_time,
                duration_seconds=event.duration_seconds,
                calories=event.calories,
                xp_earned=event.xp_earned,
            )
        )

    @handles(Run.Deleted)
    def deleted(self, conn: Connection, event: Run.Deleted) -> None:
        conn.execute(delete(runs).where(runs.c.run_id == event.originator_id))
