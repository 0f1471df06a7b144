import pytest

from runquest.geo import RouteError, geodesic_length_m, parse_route


def line(*coordinates):
    return {"type": "LineString", "coordinates": [list(c) for c in coordinates]}


def test_a_route_across_the_antimeridian_is_measured_the_short_way():
    route = parse_route(line((179.9995, -16.8), (-179.9995, -16.8)))
    assert route.length_meters == pytest.approx(106.6, abs=0.1)


def test_length_is_geodesic_on_wgs84():
    # One degree of longitude on the equator is 111,319.49 m on the WGS84 spheroid.
    assert geodesic_length_m([[0, 0], [1, 0]]) == pytest.approx(111_319.49, abs=0.01)


def test_a_feature_with_coord_times_gives_start_and_duration():
    feature = {
        "type": "Feature",
        "geometry": line((10, 50), (10.01, 50)),
        "properties": {"coordTimes": ["2024-05-01T10:00:00Z", "2024-05-01T10:05:30Z"]},
    }
    route = parse_route(feature)
    assert route.duration_seconds == 330
    assert route.start_time.isoformat() == "2024-05-01T10:00:00+00:00"


def test_elevation_is_accepted_and_dropped():
    assert parse_route(line((10, 50, 300), (10.01, 50, 310))).coordinates == [[10, 50], [10.01, 50]]


@pytest.mark.parametrize(
    "data, message",
    [
        (line((10, 91), (10, 50)), "latitude"),
        (line((181, 50), (10, 50)), "longitude"),
        (line((10, 50), (10, 50)), "two distinct points"),
        (line((10, 50)), "two distinct points"),
        (line(("10", 50), (11, 50)), "non-numeric"),
        (line((True, 50), (11, 50)), "non-numeric"),
        (line((float("nan"), 50), (11, 50)), "non-numeric"),
        (line((10**400, 50), (11, 50)), "non-numeric"),
        (line((10, 50, float("inf")), (11, 50)), "non-numeric"),
        ({"type": "Point", "coordinates": [10, 50]}, "LineString or Feature"),
        ({"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}, "LineString"),
        ({"type": "LineString", "coordinates": "10,50"}, "coordinates"),
        ([[10, 50], [11, 50]], "GeoJSON"),
        (line((0, 90), (0, -90)), "km apart"),
        (line((10, 20), (-170, -20)), "km apart"),
        ({"type": "Feature", "geometry": line((10, 50), (10.01, 50)), "properties": []}, "properties"),
    ],
)
def test_bad_routes_are_refused_with_a_reason(data, message):
    with pytest.raises(RouteError, match=message):
        parse_route(data)


def test_coord_times_must_match_the_points_and_run_forward():
    geometry = line((10, 50), (10.01, 50))
    with pytest.raises(RouteError, match="one per point"):
        parse_route({"type": "Feature", "geometry": geometry, "properties": {"coordTimes": ["2024-05-01T10:00:00Z"]}})
    backwards = ["2024-05-01T10:05:00Z", "2024-05-01T10:00:00Z"]
    with pytest.raises(RouteError, match="earlier"):
        parse_route({"type": "Feature", "geometry": geometry, "properties": {"coordTimes": backwards}})


@pytest.mark.parametrize("first", ["0001-01-01T00:00:00+01:00", "1800-01-01T00:00:00Z", "not a time", 17])
def test_coord_times_out_of_any_plausible_range_are_refused(first):
    feature = {"type": "Feature", "geometry": line((10, 50), (10.01, 50)),
               "properties": {"coordTimes": [first, "2024-05-01T10:00:00Z"]}}
    with pytest.raises(RouteError, match="coordTimes"):
        parse_route(feature)
