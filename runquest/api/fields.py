"""Marshmallow fields for RunQuest payloads."""

import re
import unicodedata
from datetime import timezone

import marshmallow as ma

from runquest.geo import EARLIEST_TIME, LATEST_TIME, RouteError, parse_route


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
        moment = super()._deserialize(value, attr, data, **kwargs)
        try:
            moment = moment.astimezone(timezone.utc)
        except OverflowError:
            raise ma.ValidationError("is outside the years 1900 to 2199") from None
        if not EARLIEST_TIME <= moment < LATEST_TIME:
            raise ma.ValidationError("is outside the years 1900 to 2199")
        return moment


class ValidUnicode:
    """Refuses lone surrogates (valid JSON, invalid text): they could be neither hashed nor stored."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ma.ValidationError("is not valid Unicode text") from None
        return text


class Text(ValidUnicode, ma.fields.String):
    pass


class EmailAddress(ValidUnicode, ma.fields.Email):
    pass


class Username(Text):
    """NFKC-normalised (as Django did), so look-alike forms of one name are one name."""

    PATTERN = re.compile(r"[\w.@+-]{3,150}")

    def _deserialize(self, value, attr, data, **kwargs):
        name = unicodedata.normalize("NFKC", super()._deserialize(value, attr, data, **kwargs))
        if not self.PATTERN.fullmatch(name):
            raise ma.ValidationError("3 to 150 letters, digits and _ . @ + - only")
        return name


class WholeNumber(ma.fields.Integer):
    """An integer whose digits are ASCII: "٣" or "²" is not a number here."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and not (value.isascii() and value.lstrip("-").isdigit()):
            raise ma.ValidationError("Not a valid integer.")
        return super()._deserialize(value, attr, data, **kwargs)


class StrictBoolean(ma.fields.Boolean):
    """Only JSON `true` or `false`: "no" or 0 are errors, not silent guesses."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise ma.ValidationError("must be true or false")
        return value
