"""Configuration classes, read from `RUNQUEST_*` environment variables."""

import os
import secrets
from pathlib import Path

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/runquest"


def _flag(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in ("1", "true", "yes", "on")


class Config:
    DATABASE_URL = os.environ.get("RUNQUEST_DATABASE_URL", DEFAULT_DATABASE_URL)
    # "threads": projectors run inside this process (elected per projection across processes);
    # "inline": a command runs the projections itself before answering (tests, one-shot tools);
    # "off": another process (`runquest projections run`) keeps the read models.
    PROJECTORS = os.environ.get("RUNQUEST_PROJECTORS", "threads")
    READ_YOUR_WRITES_TIMEOUT_S = float(os.environ.get("RUNQUEST_READ_YOUR_WRITES_TIMEOUT_S", "2"))
    POOL_SIZE = int(os.environ.get("RUNQUEST_POOL_SIZE", "5"))
    CORS_ORIGINS = os.environ.get("RUNQUEST_CORS_ORIGINS", "*")
    JWT_SECRET_KEY = os.environ.get("RUNQUEST_JWT_SECRET")
    JWT_ACCESS_TOKEN_MINUTES = int(os.environ.get("RUNQUEST_ACCESS_TOKEN_MINUTES", "60"))
    JWT_REFRESH_TOKEN_DAYS = int(os.environ.get("RUNQUEST_REFRESH_TOKEN_DAYS", "7"))
    MAX_CONTENT_LENGTH = int(os.environ.get("RUNQUEST_MAX_REQUEST_BYTES", str(16 * 1024 * 1024)))
    TESTING = False
    DEBUG = False


class TestConfig(Config):
    TESTING = True
    PROJECTORS = "inline"
    JWT_SECRET_KEY = "test-secret-not-for-production-" + "x" * 16


def jwt_secret(instance_path: str) -> str:
    """The secret from the environment, or one generated once into the instance folder."""
    path = Path(instance_path) / "jwt-secret"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    return path.read_text().strip()
