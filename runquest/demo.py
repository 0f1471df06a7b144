"""The demo athlete and runs, recorded from the real GPS files in shared/fixtures."""

import json
import os
from pathlib import Path

import gpxpy

from runquest.aggregates.base import Cause
from runquest.commands.accounts import RegisterAthlete, find_athlete_by_username, register_athlete
from runquest.commands.execution import execute
from runquest.commands.runs import RecordRun, record_run
from runquest.event_store import RunQuest
from runquest.geo import Route, parse_route

DEMO_USERNAME = "demo"
DEMO_EMAIL = "demo@runquest.example"
DEMO_PASSWORD = "runquest-demo"
DEMO_CAUSE = Cause(actor_id="system:demo", request_id="demo")
GPX_RUNS = ("gpx/cerknicko-jezero.gpx", "gpx/around-visnjan-with-car.gpx", "gpx/track_with_speed.gpx")
GEOJSON_RUNS = ("geojson/stavanger-run.geojson",)


def fixtures_dir() -> Path:
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures"
    return Path(os.environ.get("RUNQUEST_FIXTURES", default))


def route_from_gpx(path: Path) -> Route:
    with path.open(encoding="utf-8-sig") as handle:
        gpx = gpxpy.parse(handle)
    points = [point for track in gpx.tracks for segment in track.segments for point in segment.points]
    feature = {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[p.longitude, p.latitude] for p in points]},
        "properties": {},
    }
    if all(point.time for point in points):
        feature["properties"]["coordTimes"] = [point.time.isoformat() for point in points]
    return parse_route(feature)


def route_from_geojson(path: Path) -> Route:
    return parse_route(json.loads(path.read_text()))


def demo_routes() -> list[tuple[str, Route]]:
    folder = fixtures_dir()
    routes = [(name, route_from_geojson(folder / name)) for name in GEOJSON_RUNS if (folder / name).exists()]
    routes += [(name, route_from_gpx(folder / name)) for name in GPX_RUNS if (folder / name).exists()]
    return routes


def load_demo(store: RunQuest) -> list[str]:
    """Register the demo athlete and record its runs; idempotent (skips when it exists)."""
    if find_athlete_by_username(store, DEMO_USERNAME) is not None:
        return []
    command = RegisterAthlete(username=DEMO_USERNAME, email=DEMO_EMAIL, password=DEMO_PASSWORD)
    athlete_no = execute(register_athlete, store, command, DEMO_CAUSE).value.athlete_no
    recorded = []
    for name, route in demo_routes():
        run = RecordRun(athlete_no=athlete_no, route=route, start_time=None, duration_seconds=None, calories=None)
        execute(record_run, store, run, DEMO_CAUSE)
        recorded.append(name)
    return recorded
