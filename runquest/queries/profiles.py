"""Profile queries and the privacy rule that decides what others may see."""

from sqlalchemy import Engine, select

from runquest import rules
from runquest.projections.tables import profiles

PUBLIC_FIELDS = ("id", "username", "level", "experience_points", "is_public", "show_runs", "show_achievements")


def get_profile(engine: Engine, athlete_no: int) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(select(profiles).where(profiles.c.id == athlete_no)).mappings().first()
    return dict(row) if row else None


def new_profile(athlete) -> dict:
    """The profile of an athlete the read model has not seen yet: nothing recorded."""
    return {
        "id": athlete.athlete_no,
        "username": athlete.username,
        "email": athlete.email,
        "total_runs": 0,
        "total_distance_meters": 0.0,
        "total_duration_seconds": 0,
    }


def may_see(viewer_no: int, profile: dict, flag: str | None = None) -> bool:
    """Owners see everything; others see a public profile's parts its flags open."""
    if viewer_no == profile["id"]:
        return True
    return profile["is_public"] and (flag is None or profile[flag])


def owner_view(profile: dict) -> dict:
    return {
        "id": profile["id"],
        "user_id": profile["id"],
        "username": profile["username"],
        "email": profile["email"],
        "avatar": None,
        "level": profile["level"],
        "experience_points": profile["experience_points"],
        "next_level_xp": rules.next_level_xp(profile["level"]),
        "is_public": profile["is_public"],
        "show_runs": profile["show_runs"],
        "show_achievements": profile["show_achievements"],
        "show_challenges": profile["show_challenges"],
        "show_statistics": profile["show_statistics"],
        "statistics": statistics(profile),
        # Filled by the activity-feed and friends read models when they arrive.
        "recent_activity_items": [],
        "friends_list": [],
    }


def statistics(profile: dict) -> dict:
    return {
        "total_runs": profile["total_runs"],
        "total_distance_km": round(profile["total_distance_meters"] / 1000, 3),
        "total_duration_hours": round(profile["total_duration_seconds"] / 3600, 3),
        "total_xp_earned": profile["experience_points"],
        "completed_challenges_count": 0,
        "achievements_count": 0,
    }


def public_view(viewer_no: int, profile: dict) -> dict:
    view = {field: profile[field] for field in PUBLIC_FIELDS}
    if not may_see(viewer_no, profile, "show_statistics"):
        view["level"] = None
        view["experience_points"] = None
    return view
