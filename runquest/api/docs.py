"""Swagger UI and ReDoc assets served from local files (no CDN), and the old doc paths."""

from pathlib import Path

import swagger_ui_bundle
from flask import Flask, redirect, send_from_directory

STATIC = Path(__file__).parent / "static"
SWAGGER_UI_DIR = Path(swagger_ui_bundle.swagger_ui_path)


def register(app: Flask) -> None:
    @app.get("/api/static/swagger-ui/<path:filename>")
    def swagger_ui_asset(filename):
        return send_from_directory(SWAGGER_UI_DIR, filename)

    @app.get("/api/static/redoc/<path:filename>")
    def redoc_asset(filename):
        return send_from_directory(STATIC / "redoc", filename)

    @app.get("/swagger/")
    def old_swagger():
        return redirect("/api/docs/", code=301)

    @app.get("/redoc/")
    def old_redoc():
        return redirect("/api/redoc/", code=301)
