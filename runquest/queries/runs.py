"""Run queries: one run, or a filtered, ordered page of an athlete's runs, as GeoJSON."""

from sqlalchemy import Engine, func, select

from runquest.geo import GeoJSONText

from runquest.projections.tables import runs

COLUMNS = (
    runs.c.id,
    runs.c.user_id,
    func.ST_AsGeoJSON(runs.c.route, 15).label("geometry"),
    runs.c.start_time,
    runs.c.distance_meters,
    runs.c.duration_seconds,
    runs.c.calories,
    runs.c.xp_earned,
)
RANGE_FILTERS = {
    "start_time__gte": runs.c.start_time.__ge__,
    "start_time__lte": runs.c.start_time.__le__,
    "distance_meters__gte": runs.c.distance_meters.__ge__,
    "distance_meters__lte": runs.c.distance_meters.__le__,
}


def run_feature(row) -> dict:
    """A run as a GeoJSON Feature, from a read-model row (geometry as GeoJSON text)."""
    geometry = GeoJSONText(row.geometry) if row.geometry else None
    return feature(row.id, row.user_id, geometry, row.start_time, row.distance_meters,
                   row.duration_seconds, row.calories, row.xp_earned)


def feature(run_no, user_id, geometry, start_time, distance_meters, duration_seconds, calories, xp_earned) -> dict:
    return {
        "id": run_no,
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "user": user_id,
            "start_time": start_time,
            "distance_meters": distance_meters,
            "duration_seconds": duration_seconds,
            "calories": calories,
            "xp_earned": xp_earned,
            # Filled by the gamification read models when they arrive.
            "earned_achievements": [],
            "completed_challenges": [],
        },
    }


def get_run(engine: Engine, run_no: int) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(select(*COLUMNS).where(runs.c.id == run_no)).first()
    return run_feature(row) if row else None


def list_runs(engine: Engine, user_id: int, args: dict) -> tuple[int, list[dict]]:
    conditions = [runs.c.user_id == user_id]
    conditions += [compare(args[name]) for name, compare in RANGE_FILTERS.items() if args.get(name) is not None]
    ordering = args["ordering"]
    column = runs.c[ordering.lstrip("-")]
    descending = ordering.startswith("-")
    # The id breaks ties, in the same direction, so pages never overlap or skip.
    order = (column.desc(), runs.c.id.desc()) if descending else (column.asc(), runs.c.id.asc())
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(runs).where(*conditions)).scalar_one()
        rows = conn.execute(
            select(*COLUMNS).where(*conditions).order_by(*order).limit(args["limit"]).offset(args["offset"])
        ).all()
    return count, [run_feature(row) for row in rows]
