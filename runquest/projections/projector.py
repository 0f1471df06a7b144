"""The base of projectors: handlers declared per event class, applied in the caller's transaction."""

from collections.abc import Callable
from typing import Any, ClassVar

from sqlalchemy import Connection, Table


def handles(*event_classes: type) -> Callable:
    """Mark a projector method as the handler of these event classes."""

    def mark(method: Callable) -> Callable:
        method.handled_topics = tuple(cls.TOPIC for cls in event_classes)
        return method

    return mark


class Projector:
    """One read model. Handlers are pure functions of the event: no clock, no randomness."""

    name: ClassVar[str]
    tables: ClassVar[tuple[Table, ...]]
    handlers: ClassVar[dict[str, str]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.handlers = {}
        # Walk the bases too: an overriding method keeps its base's events.
        for klass in reversed(cls.__mro__):
            for attribute, value in vars(klass).items():
                for topic in getattr(value, "handled_topics", ()):
                    cls.handlers[topic] = attribute

    def consumes(self, topic: str) -> bool:
        return topic in self.handlers

    def apply(self, conn: Connection, event: Any) -> None:
        getattr(self, self.handlers[type(event).TOPIC])(conn, event)
