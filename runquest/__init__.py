"""RunQuest: the event-sourced backend of a gamified running app."""

import logging

from flask import Flask
from flask_cors import CORS


def create_app(config: object | None = None) -> Flask:
    """The Flask application; builds its event store and projectors (after a server forks)."""
    from runquest.api import init_api
    from runquest.bootstrap import bootstrap
    from runquest.config import Config

    from runquest.api.json_provider import OrjsonProvider

    app = Flask(__name__, instance_relative_config=True)
    app.json = OrjsonProvider(app)
    app.config.from_object(config or Config())
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    origins = app.config["CORS_ORIGINS"]
    CORS(app, resources={r"/api/*": {"origins": origins.split(",") if origins != "*" else "*"}},
         expose_headers=["X-RunQuest-Position", "X-RunQuest-Pending", "X-Request-ID"])
    app.extensions["runquest"] = bootstrap(
        app.config["DATABASE_URL"],
        projector_mode=app.config["PROJECTORS"],
        pool_size=app.config["POOL_SIZE"],
        connect_timeout_s=app.config["DB_CONNECT_TIMEOUT_S"],
    )
    init_api(app)
    return app
