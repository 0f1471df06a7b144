"""Accounts: register, obtain, refresh and verify tokens."""

import marshmallow as ma
from flask.views import MethodView
from flask_jwt_extended import create_access_token, create_refresh_token, decode_token
from jwt import PyJWTError
from flask_jwt_extended.exceptions import JWTExtendedException

from runquest.api.blueprint import Blueprint
from runquest.api.runtime import run_command, runtime
from runquest.api.consistency import wait_for
from runquest.api.errors import error_response
from runquest.api.fields import EmailAddress, Text, Username
from runquest.api.identity import token_claims
from runquest.commands.accounts import RegisterAthlete, check_credentials, load_athlete, register_athlete

blp = Blueprint("auth", __name__, url_prefix="/api", description="Accounts and tokens")

MIN_PASSWORD_LENGTH = 8


class RegisterSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    username = Username(required=True)
    email = EmailAddress(required=True, validate=ma.validate.Length(max=254))
    password = Text(required=True, load_only=True, validate=ma.validate.Length(MIN_PASSWORD_LENGTH, 256))

    @ma.validates_schema
    def check_password(self, data, **kwargs):
        password = data.get("password", "")
        if password.isdigit():
            raise ma.ValidationError("the password is entirely numeric", "password")
        if data.get("username") and password.casefold() == data["username"].casefold():
            raise ma.ValidationError("the password is the username", "password")


class RegisteredSchema(ma.Schema):
    detail = ma.fields.String()
    id = ma.fields.Integer()
    username = ma.fields.String()


class CredentialsSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    username = Text(required=True, validate=ma.validate.Length(1, 150))
    password = Text(required=True, load_only=True, validate=ma.validate.Length(1, 256))


class TokenPairSchema(ma.Schema):
    access = ma.fields.String()
    refresh = ma.fields.String()


class RefreshSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    refresh = Text(required=True, validate=ma.validate.Length(1, 4096))


class VerifySchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    token = Text(required=True, validate=ma.validate.Length(1, 4096))


@blp.route("/register/")
class Register(MethodView):
    @blp.arguments(RegisterSchema)
    @blp.response(201, RegisteredSchema)
    def post(self, data):
        """Create an account"""
        outcome = run_command(register_athlete, RegisterAthlete(**data))
        wait_for(outcome.position, ["profiles"])
        registration = outcome.value
        return {"detail": "user registered", "id": registration.athlete_no, "username": registration.username}


@blp.route("/token/")
class Token(MethodView):
    @blp.arguments(CredentialsSchema)
    @blp.response(200, TokenPairSchema)
    def post(self, data):
        """Obtain an access and a refresh token"""
        athlete = check_credentials(runtime().store, data["username"], data["password"])
        if athlete is None:
            return error_response(401, "no active account found with the given credentials")
        return tokens_for(athlete)


@blp.route("/token/refresh/")
class TokenRefresh(MethodView):
    @blp.arguments(RefreshSchema)
    @blp.response(200, TokenPairSchema)
    def post(self, data):
        """Exchange a refresh token for a new access token"""
        claims = _decode(data["refresh"])
        if claims is None or claims.get("type") != "refresh":
            return error_response(401, "token is invalid or expired", {"refresh": ["not a valid refresh token"]})
        athlete = load_athlete(runtime().store, int(claims["sub"]))
        return {"access": create_access_token(str(athlete.athlete_no), additional_claims=token_claims(athlete))}


@blp.route("/token/verify/")
class TokenVerify(MethodView):
    @blp.arguments(VerifySchema)
    @blp.response(200, ma.Schema)
    def post(self, data):
        """Check that a token is valid"""
        if _decode(data["token"]) is None:
            return error_response(401, "token is invalid or expired", {"token": ["not a valid token"]})
        return {}


def tokens_for(athlete) -> dict:
    identity = str(athlete.athlete_no)
    claims = token_claims(athlete)
    return {
        "access": create_access_token(identity, additional_claims=claims),
        "refresh": create_refresh_token(identity, additional_claims=claims),
    }


def _decode(token: str) -> dict | None:
    try:
        return decode_token(token)
    except (PyJWTError, JWTExtendedException, ValueError):
        return None
