"""GeoJSON routes: parsing, validation and geodesic lengths on the WGS84 spheroid."""

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property

from pyproj import Geod

WGS84 = Geod(ellps="WGS84")
MAX_ROUTE_POINTS = 50_000  # 14 hours at one point a second
# Longitude, latitude or elevation in metres: anything larger (or NaN) is not a coordinate.
MAX_ABS_COORDINATE = 1e7
NUMBER_TYPES = (int, float)  # exact types: a JSON true is a bool, not a coordinate
# Consecutive points further apart are a GPS glitch, not a run; it also keeps every edge far
# from antipodal, which PostGIS geography cannot store.
MAX_SEGMENT_M = 100_000
# Times a route may carry: GPS devices with a lost clock report 1900-ish dates.
EARLIEST_TIME = datetime(1900, 1, 1, tzinfo=timezone.utc)
LATEST_TIME = datetime(2200, 1, 1, tzinfo=timezone.utc)


class GeoJSONText(str):
    """GeoJSON already written as text: JSON encoders embed it as it is, without re-parsing."""


class RouteError(ValueError):
    """The route is not an acceptable GeoJSON LineString."""


@dataclass(frozen=True)
class Route:
    """A run's path as `[lon, lat]` pairs, with per-point times when the client sent them."""

    coordinates: list[list[float]]
    times: list[datetime] | None = None
    segment_lengths: list[float] | None = None  # metres, when the parser measured them

    @cached_property
    def length_meters(self) -> float:
        return float(sum(self.segment_lengths or segment_lengths_m(self.coordinates)))

    @property
    def duration_seconds(self) -> int | None:
        if not self.times:
            return None
        return int(round((self.times[-1] - self.times[0]).total_seconds()))

    @property
    def start_time(self) -> datetime | None:
        return self.times[0] if self.times else None

    def as_geojson(self) -> dict:
        return {"type": "LineString", "coordinates": self.coordinates}

    @cached_property
    def geojson_text(self) -> GeoJSONText:
        """The LineString as GeoJSON text: written once, then stored, inserted and answered as is."""
        return GeoJSONText(json.dumps(self.as_geojson(), separators=(",", ":")))


def geodesic_length_m(coordinates: list[list[float]]) -> float:
    """Length in metres along the WGS84 spheroid; segments across the antimeridian are short."""
    return float(sum(segment_lengths_m(coordinates)))


def segment_lengths_m(coordinates: list[list[float]]) -> list[float]:
    lons = [point[0] for point in coordinates]
    lats = [point[1] for point in coordinates]
    return WGS84.line_lengths(lons, lats)


def parse_route(data: object) -> Route:
    """A Route from a GeoJSON LineString, or a Feature whose `properties.coordTimes` times it."""
    if not isinstance(data, dict):
        raise RouteError("must be a GeoJSON LineString or Feature object")
    kind = data.get("type")
    times = None
    if kind == "Feature":
        properties = data.get("properties")
        properties = {} if properties is None else properties
        if not isinstance(properties, dict):
            raise RouteError("Feature properties must be an object")
        geometry = data.get("geometry")
        if not isinstance(geometry, dict):
            raise RouteError("Feature geometry must be a GeoJSON LineString")
        coordinates, lengths = _parse_line_string(geometry)
        if properties.get("coordTimes") is not None:
            times = _parse_times(properties["coordTimes"], len(coordinates))
    elif kind == "LineString":
        coordinates, lengths = _parse_line_string(data)
    else:
        raise RouteError(f"GeoJSON type must be LineString or Feature, not {kind!r}")
    return Route(coordinates=coordinates, times=times, segment_lengths=lengths)


def _parse_line_string(geometry: dict) -> tuple[list[list[float]], list[float]]:
    if geometry.get("type") != "LineString":
        raise RouteError(f"geometry type must be LineString, not {geometry.get('type')!r}")
    raw = geometry.get("coordinates")
    if not isinstance(raw, list):
        raise RouteError("coordinates must be an array of [longitude, latitude] positions")
    if len(raw) > MAX_ROUTE_POINTS:
        raise RouteError(f"a route has at most {MAX_ROUTE_POINTS} points, this one has {len(raw)}")
    coordinates = []
    append = coordinates.append
    for index, position in enumerate(raw):
        # The hot path of every upload: exact types, and range comparisons that NaN and
        # infinities fail too; anything else goes to the slow path that says what is wrong.
        if type(position) is list and 2 <= len(position) <= 3:
            lon, lat = position[0], position[1]
            if (
                type(lon) in NUMBER_TYPES
                and type(lat) in NUMBER_TYPES
                and -180.0 <= lon <= 180.0
                and -90.0 <= lat <= 90.0
                and (len(position) == 2 or _is_coordinate(position[2]))
            ):
                append([float(lon), float(lat)])
                continue
        _explain_bad_position(position, index)
    if len({(lon, lat) for lon, lat in coordinates}) < 2:
        raise RouteError("a route needs at least two distinct points")
    lengths = segment_lengths_m(coordinates)
    longest = max(range(len(lengths)), key=lengths.__getitem__)
    if lengths[longest] > MAX_SEGMENT_M:
        raise RouteError(
            f"positions {longest} and {longest + 1} are {lengths[longest] / 1000:.0f} km apart; "
            f"consecutive points may be at most {MAX_SEGMENT_M // 1000} km apart"
        )
    return coordinates, lengths


def _brief(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_coordinate(value: object) -> bool:
    return type(value) in NUMBER_TYPES and -MAX_ABS_COORDINATE < value < MAX_ABS_COORDINATE


def _explain_bad_position(position: object, index: int) -> None:
    if type(position) is not list or not 2 <= len(position) <= 3:
        raise RouteError(f"position {index} must be [longitude, latitude] or [lon, lat, elevation]")
    for value in position:
        if not _is_coordinate(value):
            raise RouteError(f"position {index} has a non-numeric coordinate: {_brief(value)}")
    lon, lat = position[0], position[1]
    if not -180.0 <= lon <= 180.0:
        raise RouteError(f"position {index}: longitude {lon} is outside [-180, 180]")
    raise RouteError(f"position {index}: latitude {lat} is outside [-90, 90]")


def _parse_times(raw: object, count: int) -> list[datetime]:
    if not isinstance(raw, list) or len(raw) != count:
        raise RouteError(f"coordTimes must be a list of {count} ISO 8601 times, one per point")
    times = []
    for index, value in enumerate(raw):
        try:
            moment = as_utc(datetime.fromisoformat(value))
        except (TypeError, ValueError, OverflowError):
            raise RouteError(f"coordTimes[{index}] is not an ISO 8601 time: {_brief(value)}") from None
        if not EARLIEST_TIME <= moment < LATEST_TIME:
            raise RouteError(f"coordTimes[{index}] is outside the years 1900 to 2199: {_brief(value)}")
        times.append(moment)
        if index and times[index] < times[index - 1]:
            raise RouteError(f"coordTimes[{index}] is earlier than the time before it")
    return times


def as_utc(moment: datetime) -> datetime:
    """Aware UTC time; a naive time is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)
