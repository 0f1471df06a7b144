"""Stored events name their classes by explicit topics, so moving code never orphans them."""

import pytest

from runquest.aggregates.athlete import Athlete
from runquest.aggregates.claim import Claim
from runquest.aggregates.run import Run

AGGREGATES = (Athlete, Claim, Run)


@pytest.mark.parametrize("aggregate", AGGREGATES, ids=lambda a: a.__name__)
def test_every_aggregate_and_event_class_has_an_explicit_runquest_topic(aggregate):
    assert aggregate.TOPIC == f"runquest/{aggregate.__name__}"
    event_classes = {
        value for name, value in vars(aggregate).items()
        if isinstance(value, type) and issubclass(value, aggregate.Event) and name != "Event"
    }
    assert event_classes
    for event_class in event_classes:
        assert event_class.TOPIC == f"runquest/{aggregate.__name__}.{event_class.__name__}"
