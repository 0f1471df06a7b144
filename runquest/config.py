"""Configuration classes, read from `RUNQUEST_*` environment variables when instantiated."""

import os
import secrets
from pathlib import Path

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/runquest"


def database_url() -> str:
    return os.environ.get("RUNQUEST_DATABASE_URL", DEFAULT_DATABASE_URL)


class Config:
    """Read at instantiation (in the server's worker, after the fork), not at import."""

    TESTING = False
    DEBUG = False

    def __init__(self) -> None:
        env = os.environ.get
        self.DATABASE_URL = database_url()
        # "threads": projectors run inside this process (elected per projection across processes);
        # "inline": a command runs the projections itself before answering (tests, one-shot tools);
        # "off": another process (`runquest projections run`) keeps the read models.
        self.PROJECTORS = env("RUNQUEST_PROJECTORS", "threads")
        self.READ_YOUR_WRITES_TIMEOUT_S = float(env("RUNQUEST_READ_YOUR_WRITES_TIMEOUT_S", "2"))
        self.POOL_SIZE = int(env("RUNQUEST_POOL_SIZE", "5"))
        self.DB_CONNECT_TIMEOUT_S = int(env("RUNQUEST_DB_CONNECT_TIMEOUT_S", "5"))
        self.CORS_ORIGINS = env("RUNQUEST_CORS_ORIGINS", "*")
        self.JWT_SECRET_KEY = env("RUNQUEST_JWT_SECRET")
        self.JWT_ACCESS_TOKEN_MINUTES = int(env("RUNQUEST_ACCESS_TOKEN_MINUTES", "60"))
        self.JWT_REFRESH_TOKEN_DAYS = int(env("RUNQUEST_REFRESH_TOKEN_DAYS", "7"))
        self.MAX_CONTENT_LENGTH = int(env("RUNQUEST_MAX_REQUEST_BYTES", str(16 * 1024 * 1024)))


class TestConfig(Config):
    __test__ = False  # a configuration, not a pytest test class
    TESTING = True

    def __init__(self, database_url: str) -> None:
        super().__init__()
        self.DATABASE_URL = database_url
        self.PROJECTORS = "inline"
        self.JWT_SECRET_KEY = "test-secret-not-for-production-" + "x" * 16


def jwt_secret(instance_path: str) -> str:
    """The secret generated once into the instance folder (when none is in the environment).

    Written whole to a temporary file and linked into place, so that server workers starting
    together all read the one secret that won, never a half-written file.
    """
    path = Path(instance_path) / "jwt-secret"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        draft = path.with_name(f".jwt-secret.{os.getpid()}.{secrets.token_hex(4)}")
        draft.write_text(secrets.token_urlsafe(48))
        draft.chmod(0o600)
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    secret = path.read_text().strip()
    if not secret:
        raise RuntimeError(f"{path} is empty: delete it, or set RUNQUEST_JWT_SECRET")
    return secret
