"""Marshmallow fields for RunQuest payloads."""

from datetime import timezone

import marshmallow as ma

from runquest.geo import RouteError, parse_route


class RouteField(ma.fields.Field):
    """A GeoJSON LineString, or a Feature with `properties.coordTimes`, loaded as a `Route`."""

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            return parse_route(value)
        except RouteError as error:
            raise ma.ValidationError(str(error)) from None

    def _serialize(self, value, attr, obj, **kwargs):
        return value


class UtcDateTime(ma.fields.AwareDateTime):
    """ISO 8601 in; a time without an offset is taken as UTC; always stored in UTC."""

    def __init__(self, **kwargs):
        super().__init__(default_timezone=timezone.utc, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).astimezone(timezone.utc)


class StrictBoolean(ma.fields.Boolean):
    """Only JSON `true` or `false`: "no" or 0 are errors, not silent guesses."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise ma.ValidationError("must be true or false")
        return value
