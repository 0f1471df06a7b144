"""Who is calling: JWT set-up, the current athlete, and integer path ids."""

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from flask import Flask
from flask_jwt_extended import JWTManager, get_jwt, get_jwt_identity
from werkzeug.exceptions import NotFound, Unauthorized
from werkzeug.routing import BaseConverter

from runquest.api.errors import error_response
from runquest.config import jwt_secret

SECURITY_SCHEMES = {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
BEARER = [{"bearerAuth": []}]
MAX_WIRE_ID = 2**31 - 1

VERIFIED_TOKENS_CACHED = 4096


class RememberingJWTManager(JWTManager):
    """Remembers tokens it has verified (bounded, until they expire).

    A client sends the same access token with every request, and verifying one costs
    four PyJWT decodes; the claims of a token that verified once do not change.
    """

    def __init__(self) -> None:
        super().__init__()
        self._verified: OrderedDict[tuple, dict] = OrderedDict()
        self._lock = threading.Lock()

    def _decode_jwt_from_config(self, encoded_token: str, csrf_value=None, allow_expired: bool = False) -> dict:
        key = (encoded_token, csrf_value)
        with self._lock:
            claims = self._verified.get(key)
            if claims is not None:
                self._verified.move_to_end(key)
        if claims is not None and claims.get("exp", 0) > time.time():
            return dict(claims)
        claims = super()._decode_jwt_from_config(encoded_token, csrf_value, allow_expired)
        if not allow_expired:
            with self._lock:
                self._verified[key] = claims
                if len(self._verified) > VERIFIED_TOKENS_CACHED:
                    self._verified.popitem(last=False)
        return dict(claims)


jwt = RememberingJWTManager()


@dataclass(frozen=True)
class CurrentAthlete:
    no: int
    id: UUID
    role: str


def current_athlete() -> CurrentAthlete:
    claims = get_jwt()
    try:
        return CurrentAthlete(no=int(get_jwt_identity()), id=UUID(claims["aid"]), role=claims.get("role", "user"))
    except (KeyError, TypeError, ValueError):
        raise Unauthorized("invalid token: it does not name an athlete") from None


def token_claims(athlete) -> dict:
    return {"aid": str(athlete.id), "role": athlete.role, "username": athlete.username}


def init_jwt(app: Flask, deployment_id: str) -> None:
    config = app.config
    # A token names the deployment that issued it: another database's tokens are not valid here.
    config["JWT_ENCODE_AUDIENCE"] = config["JWT_DECODE_AUDIENCE"] = f"runquest:{deployment_id}"
    if not config.get("JWT_SECRET_KEY"):
        config["JWT_SECRET_KEY"] = jwt_secret(app.instance_path)
    config["JWT_ACCESS_TOKEN_EXPIRES"] = timedelta(minutes=config["JWT_ACCESS_TOKEN_MINUTES"])
    config["JWT_REFRESH_TOKEN_EXPIRES"] = timedelta(days=config["JWT_REFRESH_TOKEN_DAYS"])
    config["JWT_TOKEN_LOCATION"] = ["headers"]
    jwt.init_app(app)


@jwt.unauthorized_loader
def _missing_token(reason: str):
    return error_response(401, f"authentication required: {reason}", headers={"WWW-Authenticate": "Bearer"})


@jwt.invalid_token_loader
def _invalid_token(reason: str):
    return error_response(401, f"invalid token: {reason}", headers={"WWW-Authenticate": "Bearer"})


@jwt.expired_token_loader
def _expired_token(_header, _payload):
    return error_response(401, "token has expired", headers={"WWW-Authenticate": "Bearer"})


@jwt.needs_fresh_token_loader
def _stale_token(_header, _payload):
    return error_response(401, "a fresh token is required")


class IdConverter(BaseConverter):
    """`<id:run_id>`: any path segment; a non-integer answers 404 saying so, never 500."""

    regex = r"[^/]+"

    def to_python(self, value: str) -> int:
        if (
            len(value) > len(str(MAX_WIRE_ID))
            or not (value.isascii() and value.isdigit())
            or value != str(int(value))
            or not 0 < int(value) <= MAX_WIRE_ID
        ):
            raise NotFound(f"{value!r} is not a valid id: ids are positive integers")
        return int(value)

    def to_url(self, value) -> str:
        return str(value)

