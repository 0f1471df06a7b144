"""The rules of the game that turn activity into experience and levels."""

import math

XP_PER_LEVEL = 1000
METRES_PER_XP = 10
SECONDS_PER_XP = 60


def run_xp(distance_meters: float, duration_seconds: int | None) -> int:
    """XP for a run: one point per 10 m and one per whole minute."""
    return int(distance_meters / METRES_PER_XP) + int((duration_seconds or 0) / SECONDS_PER_XP)


def level_for(experience_points: int) -> int:
    return math.floor(max(experience_points, 0) / XP_PER_LEVEL) + 1


def next_level_xp(level: int) -> int:
    """Experience points at which the next level is reached."""
    return level * XP_PER_LEVEL

# What one run can be: beyond these it is a device glitch or a made-up upload.
MAX_RUN_DURATION_S = 7 * 24 * 3600
MAX_RUN_DISTANCE_M = 500_000
# Faster than any human over any distance (the 100 m record averages 10.4 m/s).
MAX_RUN_SPEED_MPS = 12.5
