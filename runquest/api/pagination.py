"""limit/offset pages: `{count, next, previous, results}` with absolute links."""

from urllib.parse import urlencode

import marshmallow as ma
from flask import request

from runquest.api.fields import WholeNumber

DEFAULT_LIMIT = 10
MAX_LIMIT = 100


class PageArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    limit = WholeNumber(load_default=DEFAULT_LIMIT, validate=ma.validate.Range(1, MAX_LIMIT))
    offset = WholeNumber(load_default=0, validate=ma.validate.Range(0, 10**9))


class PageSchema(ma.Schema):
    count = ma.fields.Integer()
    next = ma.fields.String(allow_none=True)
    previous = ma.fields.String(allow_none=True)


def page(count: int, results, limit: int, offset: int) -> dict:
    return {
        "count": count,
        "next": _link(limit, offset + limit) if offset + limit < count else None,
        "previous": _link(limit, max(0, offset - limit)) if offset > 0 else None,
        "results": results,
    }


def _link(limit: int, offset: int) -> str:
    args = [(key, value) for key, value in request.args.items(multi=True) if key not in ("limit", "offset")]
    args.append(("limit", str(limit)))
    if offset:
        args.append(("offset", str(offset)))
    return f"{request.base_url}?{urlencode(args)}"
