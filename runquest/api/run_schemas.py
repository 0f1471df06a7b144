"""Run payloads: what a client may send, and the GeoJSON Feature it gets back."""

import marshmallow as ma

from runquest import rules
from runquest.api.fields import RouteField, UtcDateTime, WholeNumber
from runquest.api.identity import MAX_WIRE_ID
from runquest.api.pagination import PageArgsSchema, PageSchema

MAX_DURATION_S = rules.MAX_RUN_DURATION_S
MAX_CALORIES = 50_000
ORDERINGS = ("start_time", "distance_meters", "duration_seconds")


class RunCreateSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    route_data = RouteField(allow_none=True, load_default=None, metadata={"description": "GeoJSON LineString or Feature with properties.coordTimes"})
    start_time = UtcDateTime(allow_none=True, load_default=None)
    duration_seconds = ma.fields.Integer(
        strict=True, allow_none=True, load_default=None, validate=ma.validate.Range(0, MAX_DURATION_S)
    )
    calories = ma.fields.Integer(strict=True, allow_none=True, load_default=None, validate=ma.validate.Range(0, MAX_CALORIES))

    @ma.validates_schema
    def check_route_or_duration(self, data, **kwargs):
        if data.get("route_data") is None and data.get("duration_seconds") is None:
            raise ma.ValidationError("a run needs a route or a duration", "route_data")


class RunUpdateSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    start_time = UtcDateTime()
    duration_seconds = ma.fields.Integer(strict=True, allow_none=True, validate=ma.validate.Range(0, MAX_DURATION_S))
    calories = ma.fields.Integer(strict=True, allow_none=True, validate=ma.validate.Range(0, MAX_CALORIES))


class RunPropertiesSchema(ma.Schema):
    user = ma.fields.Integer()
    start_time = ma.fields.AwareDateTime()
    distance_meters = ma.fields.Float()
    duration_seconds = ma.fields.Integer(allow_none=True)
    calories = ma.fields.Integer(allow_none=True)
    xp_earned = ma.fields.Integer()
    earned_achievements = ma.fields.List(ma.fields.Dict())
    completed_challenges = ma.fields.List(ma.fields.Dict())


class RunSchema(ma.Schema):
    id = ma.fields.Integer()
    type = ma.fields.Constant("Feature")
    geometry = ma.fields.Raw(allow_none=True, metadata={"description": "GeoJSON LineString", "type": "object"})
    properties = ma.fields.Nested(RunPropertiesSchema)


class RunCollectionSchema(ma.Schema):
    type = ma.fields.Constant("FeatureCollection")
    features = ma.fields.List(ma.fields.Nested(RunSchema))


class RunPageSchema(PageSchema):
    results = ma.fields.Nested(RunCollectionSchema)


class RunQueryArgsSchema(PageArgsSchema):
    user_id = WholeNumber(validate=ma.validate.Range(1, MAX_WIRE_ID))
    ordering = ma.fields.String(
        load_default="-start_time",
        validate=ma.validate.OneOf([*ORDERINGS, *("-" + name for name in ORDERINGS)]),
    )
    start_time__gte = UtcDateTime()
    start_time__lte = UtcDateTime()
    distance_meters__gte = ma.fields.Float(validate=ma.validate.Range(0, 1e9))
    distance_meters__lte = ma.fields.Float(validate=ma.validate.Range(0, 1e9))
