"""Your profile: statistics, progression and privacy settings."""

import marshmallow as ma
from flask.views import MethodView
from flask_jwt_extended import jwt_required

from runquest.api.blueprint import Blueprint
from runquest.api.fields import StrictBoolean
from runquest.api.runtime import run_command, runtime
from runquest.api.consistency import wait_for
from runquest.api.identity import BEARER, current_athlete
from runquest.commands.accounts import ChangePrivacy, UnknownAthlete, change_privacy
from runquest.api.users import PublicUserSchema
from runquest.queries.profiles import get_profile, new_profile, owner_view

blp = Blueprint("profile", __name__, url_prefix="/api", description="Profiles")


class StatisticsSchema(ma.Schema):
    total_runs = ma.fields.Integer()
    total_distance_km = ma.fields.Float()
    total_duration_hours = ma.fields.Float()
    total_xp_earned = ma.fields.Integer()
    completed_challenges_count = ma.fields.Integer()
    achievements_count = ma.fields.Integer()


class ProfileSchema(ma.Schema):
    id = ma.fields.Integer()
    user_id = ma.fields.Integer()
    username = ma.fields.String()
    email = ma.fields.String()
    avatar = ma.fields.String(allow_none=True)
    level = ma.fields.Integer()
    experience_points = ma.fields.Integer()
    next_level_xp = ma.fields.Integer()
    is_public = ma.fields.Boolean()
    show_runs = ma.fields.Boolean()
    show_achievements = ma.fields.Boolean()
    show_challenges = ma.fields.Boolean()
    show_statistics = ma.fields.Boolean()
    statistics = ma.fields.Nested(StatisticsSchema)
    recent_activity_items = ma.fields.List(ma.fields.Dict())
    friends_list = ma.fields.List(ma.fields.Nested(PublicUserSchema))


class PrivacySchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    is_public = StrictBoolean()
    show_runs = StrictBoolean()
    show_achievements = StrictBoolean()
    show_challenges = StrictBoolean()
    show_statistics = StrictBoolean()


@blp.route("/profile/")
class Profile(MethodView):
    decorators = [jwt_required()]

    @blp.doc(security=BEARER)
    @blp.response(200, ProfileSchema)
    def get(self):
        """Your profile, statistics and settings"""
        return owner_view(_own_profile())

    @blp.doc(security=BEARER)
    @blp.arguments(PrivacySchema)
    @blp.response(200, ProfileSchema)
    def patch(self, changes):
        """Change your privacy settings"""
        return _change(changes)

    @blp.doc(security=BEARER)
    @blp.arguments(PrivacySchema)
    @blp.response(200, ProfileSchema)
    def put(self, changes):
        """Change your privacy settings"""
        return _change(changes)


def _change(changes: dict) -> dict:
    outcome = run_command(change_privacy, ChangePrivacy(athlete_no=current_athlete().no, changes=changes))
    wait_for(outcome.position, ["profiles"])
    athlete = outcome.value
    # The decided settings and progression, even if the read model has not caught up yet.
    profile = get_profile(runtime().reader, athlete.athlete_no) or new_profile(athlete)
    profile.update(athlete.privacy, experience_points=athlete.experience_points, level=athlete.level)
    return owner_view(profile)


def _own_profile() -> dict:
    profile = get_profile(runtime().reader, current_athlete().no)
    if profile is None:
        raise UnknownAthlete("your profile is not there yet; try again in a moment")
    return profile
