"""Responses encoded by orjson: a run's route is thousands of numbers, and often already text."""

import orjson
from flask.json.provider import JSONProvider

from runquest.geo import GeoJSONText

OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_SUBCLASS


def _default(value):
    if isinstance(value, GeoJSONText):
        return orjson.Fragment(value.encode())  # embedded as written, not parsed and re-encoded
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class OrjsonProvider(JSONProvider):
    def dumps(self, obj, **kwargs) -> str:
        return orjson.dumps(obj, default=_default, option=OPTIONS).decode()

    def loads(self, s, **kwargs):
        return orjson.loads(s)
