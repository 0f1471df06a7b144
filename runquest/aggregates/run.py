"""A recorded run: its route, timing and the experience it earned."""

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import event

from runquest import errors, rules
from runquest.aggregates.base import RunQuestAggregate
from runquest.geo import Route
from runquest.ids import entity_id


class Run(RunQuestAggregate):
    TOPIC = "runquest/Run"

    class Event(RunQuestAggregate.Event):
        pass

    class Recorded(Event, RunQuestAggregate.Created):
        TOPIC = "runquest/Run.Recorded"
        run_no: int
        athlete_id: UUID
        athlete_no: int
        # GeoJSON LineString text (RFC 7946): kept as text, so no reader has to parse thousands
        # of numbers that it passes on to PostGIS or a client unchanged.
        route_geojson: str | None
        coord_times: list | None
        start_time: datetime
        duration_seconds: int | None
        calories: int | None
        distance_meters: float
        xp_earned: int

    Created = Recorded

    class Amended(Event):
        TOPIC = "runquest/Run.Amended"
        athlete_no: int
        start_time: datetime
        duration_seconds: int | None
        calories: int | None
        xp_earned: int
        previous_duration_seconds: int | None
        previous_xp_earned: int

    class Deleted(Event):
        TOPIC = "runquest/Run.Deleted"
        athlete_no: int
        distance_meters: float
        duration_seconds: int | None
        xp_earned: int

    @staticmethod
    def create_id(run_no: int) -> UUID:
        return entity_id("run", run_no)

    @classmethod
    def record(
        cls,
        run_no: int,
        athlete_id: UUID,
        athlete_no: int,
        route: Route | None,
        start_time: datetime,
        duration_seconds: int | None,
        calories: int | None,
    ) -> "Run":
        """Record a run; distance comes from the route, duration from its times when it has them."""
        if route is None and duration_seconds is None:
            raise RunNeedsRouteOrDuration("a run needs a route or a duration", field="route_data")
        if route is not None and route.times:
            duration_seconds = route.duration_seconds
        if route is not None and duration_seconds is None:
            # Without a duration no pace can be checked, and a route alone could earn any XP.
            raise RunNeedsRouteOrDuration(
                "a run with a route needs its duration (duration_seconds, or coordTimes in a Feature)",
                field="duration_seconds",
            )
        distance = round(route.length_meters, 2) if route is not None else 0.0
        check_plausible(distance, duration_seconds)
        return cls(
            run_no=run_no,
            athlete_id=athlete_id,
            athlete_no=athlete_no,
            route_geojson=route.geojson_text if route is not None else None,
            coord_times=[t.isoformat() for t in route.times] if route and route.times else None,
            start_time=start_time,
            duration_seconds=duration_seconds,
            calories=calories,
            distance_meters=distance,
            xp_earned=rules.run_xp(distance, duration_seconds),
        )

    @event(Recorded)
    def __init__(
        self,
        run_no: int,
        athlete_id: UUID,
        athlete_no: int,
        route_geojson: str | None,
        coord_times: list | None,
        start_time: datetime,
        duration_seconds: int | None,
        calories: int | None,
        distance_meters: float,
        xp_earned: int,
    ):
        # The route itself lives in the event and the read model; the aggregate
        # keeps only what later decisions need.
        self.run_no = run_no
        self.athlete_id = athlete_id
        self.athlete_no = athlete_no
        self.start_time = start_time
        self.duration_seconds = duration_seconds
        self.calories = calories
        self.distance_meters = distance_meters
        self.xp_earned = xp_earned
        self.timed = coord_times is not None
        self.deleted = False

    def check_owner(self, athlete_id: UUID) -> None:
        if self.deleted:
            raise RunNotFound("run not found")
        if self.athlete_id != athlete_id:
            raise NotRunOwner("only the athlete who recorded a run can change it")

    def amend(self, start_time: datetime, duration_seconds: int | None, calories: int | None) -> None:
        if duration_seconds is None:
            raise RunNeedsRouteOrDuration("a run keeps a duration", field="duration_seconds")
        if self.timed and duration_seconds != self.duration_seconds:
            raise DurationFromRoute("this run's duration comes from its route's times", field="duration_seconds")
        check_plausible(self.distance_meters, duration_seconds)
        changed = (start_time, duration_seconds, calories) != (
            self.start_time,
            self.duration_seconds,
            self.calories,
        )
        if changed:
            self._amended(
                athlete_no=self.athlete_no,
                start_time=start_time,
                duration_seconds=duration_seconds,
                calories=calories,
                xp_earned=rules.run_xp(self.distance_meters, duration_seconds),
                previous_duration_seconds=self.duration_seconds,
                previous_xp_earned=self.xp_earned,
            )

    @event(Amended)
    def _amended(
        self,
        athlete_no: int,
        start_time: datetime,
        duration_seconds: int | None,
        calories: int | None,
        xp_earned: int,
        previous_duration_seconds: int | None,
        previous_xp_earned: int,
    ) -> None:
        self.start_time = start_time
        self.duration_seconds = duration_seconds
        self.calories = calories
        self.xp_earned = xp_earned

    def delete(self) -> None:
        self._deleted(
            athlete_no=self.athlete_no,
            distance_meters=self.distance_meters,
            duration_seconds=self.duration_seconds,
            xp_earned=self.xp_earned,
        )

    @event(Deleted)
    def _deleted(
        self, athlete_no: int, distance_meters: float, duration_seconds: int | None, xp_earned: int
    ) -> None:
        self.deleted = True


def check_plausible(distance_meters: float, duration_seconds: int | None) -> None:
    """Refuse what no runner can do: the limits of rules.py."""
    if duration_seconds is not None and duration_seconds > rules.MAX_RUN_DURATION_S:
        raise ImplausibleRun(
            f"a run lasts at most {rules.MAX_RUN_DURATION_S} seconds", field="duration_seconds"
        )
    if distance_meters > rules.MAX_RUN_DISTANCE_M:
        raise ImplausibleRun(f"a run is at most {rules.MAX_RUN_DISTANCE_M // 1000} km long", field="route_data")
    if duration_seconds is not None and distance_meters > duration_seconds * rules.MAX_RUN_SPEED_MPS:
        raise ImplausibleRun(
            f"{distance_meters:.0f} m in {duration_seconds} s is faster than any human runs",
            field="duration_seconds",
        )


class RunNotFound(errors.NotFound):
    pass


class NotRunOwner(errors.Forbidden):
    pass


class RunNeedsRouteOrDuration(errors.Unacceptable):
    pass


class ImplausibleRun(errors.Unacceptable):
    pass


class DurationFromRoute(errors.Unacceptable):
    pass
