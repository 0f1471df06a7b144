"""The HTTP API: flask-smorest blueprints, one per resource, under /api."""

from flask import Flask
from flask_smorest import Api

from runquest.api import auth, docs, errors, identity, profile, runs, users
from runquest.api.runtime import register_request_ids
from runquest.api.fields import RouteField, StrictBoolean
from runquest.api.consistency import register_position_headers

API_SPEC = {
    "API_TITLE": "RunQuest API",
    "API_VERSION": "1.0",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "docs/",
    "OPENAPI_SWAGGER_UI_URL": "/api/static/swagger-ui/",
    "OPENAPI_REDOC_PATH": "redoc/",
    "OPENAPI_REDOC_URL": "/api/static/redoc/redoc.standalone.js",
}


class RunQuestApi(Api):
    ERROR_SCHEMA = errors.ErrorSchema

    def handle_http_exception(self, error):
        return errors.render_http_exception(error)


def init_api(app: Flask) -> Api:
    for key, value in API_SPEC.items():
        app.config.setdefault(key, value)
    # `/api/runs` and `/api/runs/` are the same resource, and a POST is never redirected.
    app.url_map.strict_slashes = False
    # `/api//runs/` is not found (JSON 404), rather than redirected with an HTML body.
    app.url_map.merge_slashes = False
    api = RunQuestApi(app, spec_kwargs={"components": {"securitySchemes": identity.SECURITY_SCHEMES}})
    app.url_map.converters["integer"] = identity.IdConverter
    api.register_converter(identity.IdConverter, lambda _: {"type": "integer", "minimum": 1})
    api.register_field(RouteField, "object", None)
    api.register_field(StrictBoolean, "boolean", None)
    register_request_ids(app)
    errors.register(app)
    identity.init_jwt(app, app.extensions["runquest"].store.deployment_id())
    register_position_headers(app)
    docs.register(app)
    for blueprint in (auth.blp, profile.blp, users.blp, runs.blp):
        api.register_blueprint(blueprint)
    return api
