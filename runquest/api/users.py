"""Other athletes, as their privacy settings show them."""

import marshmallow as ma
from flask.views import MethodView
from flask_jwt_extended import jwt_required

from runquest.api.blueprint import Blueprint
from runquest.api.identity import BEARER, current_athlete
from runquest.api.runtime import runtime
from runquest.commands.accounts import UnknownAthlete
from runquest.queries.profiles import get_profile, public_view

blp = Blueprint("users", __name__, url_prefix="/api/users", description="Other athletes")


class PublicUserSchema(ma.Schema):
    id = ma.fields.Integer()
    username = ma.fields.String()
    level = ma.fields.Integer(allow_none=True)
    experience_points = ma.fields.Integer(allow_none=True)
    is_public = ma.fields.Boolean()
    show_runs = ma.fields.Boolean()
    show_achievements = ma.fields.Boolean()


@blp.route("/<integer:user_id>/")
class UserById(MethodView):
    decorators = [jwt_required()]

    @blp.doc(security=BEARER)
    @blp.response(200, PublicUserSchema)
    def get(self, user_id):
        """Another athlete, as their privacy settings show them"""
        profile = get_profile(runtime().reader, user_id)
        if profile is None:
            raise UnknownAthlete("user not found")
        return public_view(current_athlete().no, profile)
