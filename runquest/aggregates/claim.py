"""A claim on a unique value (a username, an email): its id is derived from the value."""

from uuid import UUID

from eventsourcing.domain import event

from runquest.aggregates.base import RunQuestAggregate
from runquest.ids import claim_id


class Claim(RunQuestAggregate):
    """Exists once per value ignoring case, so two writers cannot both take it."""

    TOPIC = "runquest/Claim"

    class Event(RunQuestAggregate.Event):
        pass

    class Made(Event, RunQuestAggregate.Created):
        TOPIC = "runquest/Claim.Made"
        kind: str
        value: str
        owner_id: UUID

    Created = Made

    @staticmethod
    def create_id(kind: str, value: str) -> UUID:
        return claim_id(kind, value)

    @event(Made)
    def __init__(self, kind: str, value: str, owner_id: UUID):
        self.kind = kind
        self.value = value
        self.owner_id = owner_id
