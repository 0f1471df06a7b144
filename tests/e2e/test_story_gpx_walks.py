"""Two friends share real GPS recordings (GPX, converted by the app to GeoJSON with times)."""

import pytest

from runquest.demo import route_from_gpx
from tests.conftest import FIXTURES


def gpx_feature(name: str) -> dict:
    route = route_from_gpx(FIXTURES / "gpx" / name)
    return {
        "type": "Feature",
        "geometry": route.as_geojson(),
        "properties": {"coordTimes": [moment.isoformat() for moment in route.times]},
    }


def test_a_walk_around_lake_cerknica_is_timed_by_its_points_and_seen_by_a_friend(client, make_athlete):
    walker, friend = make_athlete("walker"), make_athlete("friend")
    feature = gpx_feature("cerknicko-jezero.gpx")
    assert len(feature["geometry"]["coordinates"]) == 296

    created = client.post("/api/runs/", json={"route_data": feature}, headers=walker.headers)
    assert created.status_code == 201, created.json
    run = created.json["properties"]
    assert run["start_time"].startswith("2010-08-05T14:23:59")
    assert run["duration_seconds"] == 2 * 3600 - 10  # 14:23:59 to 16:23:49
    assert run["xp_earned"] == int(run["distance_meters"] / 10) + run["duration_seconds"] // 60

    seen = client.get(f"/api/runs/?user_id={walker.id}", headers=friend.headers).json
    assert seen["results"]["features"][0]["properties"]["distance_meters"] == pytest.approx(run["distance_meters"])
    client.patch("/api/profile/", json={"show_runs": False}, headers=walker.headers)
    assert client.get(f"/api/runs/{created.json['id']}/", headers=friend.headers).status_code == 404


def test_a_drive_partly_by_car_keeps_the_duration_its_points_give(client, athlete):
    created = client.post("/api/runs/", json={"route_data": gpx_feature("around-visnjan-with-car.gpx")},
                          headers=athlete.headers)
    assert created.status_code == 201
    assert created.json["properties"]["distance_meters"] == pytest.approx(2736.0, abs=0.5)
    assert created.json["properties"]["duration_seconds"] == 514
    refused = client.patch(f"/api/runs/{created.json['id']}/", json={"duration_seconds": 100},
                           headers=athlete.headers)
    assert refused.status_code == 422
    assert "duration_seconds" in refused.json["errors"]
