"""The base of RunQuest aggregates: every event says who caused it and in which request."""

import copy
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from eventsourcing.domain import Aggregate


@dataclass(frozen=True)
class Cause:
    """Who asked for a change (an athlete's UUID, or `system:<tool>`) and the request it came in."""

    actor_id: str
    request_id: str


SYSTEM_CAUSE = Cause(actor_id="system", request_id="-")
_current_cause: ContextVar[Cause] = ContextVar("runquest_cause", default=SYSTEM_CAUSE)


@contextmanager
def caused_by(cause: Cause):
    token = _current_cause.set(cause)
    try:
        yield cause
    finally:
        _current_cause.reset(token)


class RunQuestAggregate(Aggregate):
    """An aggregate whose events carry `actor_id` and `request_id` from the current cause.

    Subclasses declare `TOPIC`, their own `Event` class and explicitly topiced events,
    so that moving code never orphans stored events.
    """

    class Event(Aggregate.Event):
        actor_id: str
        request_id: str

    class Created(Event, Aggregate.Created):
        pass

    @classmethod
    def _create(cls, event_class: Any, *, id: Any = None, **kwargs: Any) -> Any:  # noqa: A002
        return super()._create(event_class, id=id, **_with_cause(kwargs))

    def trigger_event(self, event_class: Any, **kwargs: Any) -> None:
        super().trigger_event(event_class, **_with_cause(kwargs))

    def __deepcopy__(self, memo: dict) -> "RunQuestAggregate":
        # The repository copies every aggregate it hands out of its cache. Attribute values
        # are immutable (ids, numbers, strings, times) except containers, which are copied.
        clone = object.__new__(type(self))
        clone.__dict__ = {
            name: copy.deepcopy(value, memo) if isinstance(value, (dict, list, set)) else value
            for name, value in self.__dict__.items()
        }
        return clone


def _with_cause(kwargs: dict[str, Any]) -> dict[str, Any]:
    cause = _current_cause.get()
    kwargs.setdefault("actor_id", cause.actor_id)
    kwargs.setdefault("request_id", cause.request_id)
    return kwargs
