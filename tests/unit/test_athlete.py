import pytest

from runquest.aggregates.athlete import Athlete, UnknownPrivacyFlag, UnknownRole
from runquest.aggregates.base import Cause, caused_by


def new_athlete() -> Athlete:
    return Athlete(athlete_no=7, username="Ada", email="ada@example.org", password_hash="x")


def test_the_athlete_id_is_derived_from_its_number():
    assert new_athlete().id == new_athlete().id
    assert new_athlete().id != Athlete(athlete_no=8, username="b", email="b@x", password_hash="x").id


def test_experience_raises_the_level_at_each_thousand_points():
    athlete = new_athlete()
    athlete.gain_experience(1500, reason="run_recorded", source_id="r1")
    assert (athlete.experience_points, athlete.level) == (1500, 2)
    gained = athlete.pending_events[-1]
    assert (gained.points, gained.level, gained.reason) == (1500, 2, "run_recorded")


def test_revoking_experience_never_lowers_the_level():
    athlete = new_athlete()
    athlete.gain_experience(2100, reason="run_recorded", source_id="r1")
    athlete.revoke_experience(2000, reason="run_deleted", source_id="r1")
    assert (athlete.experience_points, athlete.level) == (100, 3)


def test_experience_never_goes_below_zero():
    athlete = new_athlete()
    athlete.gain_experience(50, reason="run_recorded", source_id="r1")
    athlete.revoke_experience(80, reason="run_deleted", source_id="r1")
    assert athlete.experience_points == 0
    assert athlete.pending_events[-1].points == 50


def test_events_carry_who_caused_them_and_in_which_request():
    with caused_by(Cause(actor_id="athlete-1", request_id="req-9")):
        athlete = new_athlete()
        athlete.change_privacy(show_runs=False)
    assert {(e.actor_id, e.request_id) for e in athlete.pending_events} == {("athlete-1", "req-9")}


def test_privacy_changes_record_the_whole_new_setting():
    athlete = new_athlete()
    athlete.change_privacy(is_public=False)
    assert athlete.pending_events[-1].settings["is_public"] is False
    assert athlete.pending_events[-1].settings["show_runs"] is True


def test_an_unchanged_privacy_setting_records_nothing():
    athlete = new_athlete()
    athlete.collect_events()
    athlete.change_privacy(is_public=True)
    assert athlete.pending_events == []


def test_unknown_privacy_flags_and_roles_are_refused():
    athlete = new_athlete()
    with pytest.raises(UnknownPrivacyFlag):
        athlete.change_privacy(show_everything=True)
    with pytest.raises(UnknownRole):
        athlete.grant_role("superuser")


def test_a_copy_of_an_athlete_shares_no_mutable_state():
    import copy

    athlete = new_athlete()
    clone = copy.deepcopy(athlete)
    clone.change_privacy(show_runs=False)
    assert athlete.privacy["show_runs"] is True
    assert len(clone.pending_events) == len(athlete.pending_events) + 1
