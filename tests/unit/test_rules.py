from runquest.rules import level_for, next_level_xp, run_xp


def test_run_xp_is_a_point_per_ten_metres_and_per_whole_minute():
    assert run_xp(9021.6, 2833) == 902 + 47


def test_run_xp_without_a_duration_counts_distance_only():
    assert run_xp(1234.0, None) == 123


def test_levels_start_at_one_and_rise_every_thousand_points():
    assert [level_for(xp) for xp in (0, 999, 1000, 2500)] == [1, 1, 2, 3]


def test_the_next_level_is_reached_at_level_times_a_thousand():
    assert next_level_xp(3) == 3000
