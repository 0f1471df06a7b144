"""Running a command handler: the cause of its events, retries on version conflicts."""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from eventsourcing.persistence import IntegrityError

from runquest import errors
from runquest.aggregates.base import Cause, caused_by
from runquest.event_store import RunQuest

T = TypeVar("T")

# Measured with 80 parallel runs of one athlete: 10 attempts from 5 ms to 200 ms lost 6.
MAX_ATTEMPTS = 12
FIRST_BACKOFF_S = 0.01
MAX_BACKOFF_S = 0.5


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a handler hands back to the API, and the position of its last event."""

    value: T
    position: int | None


class ConcurrentWriters(errors.Conflict):
    pass


def save(app: RunQuest, *aggregates: Any) -> int | None:
    """Save aggregates atomically; the notification position of the last event, if any."""
    recordings = app.save(*aggregates)
    return recordings[-1].notification.id if recordings else None


def execute(handler: Callable[[RunQuest, Any], Outcome[T]], app: RunQuest, command: Any, cause: Cause) -> Outcome[T]:
    """Run `handler(app, command)`, retrying with jittered back-off when another writer won.

    A handler decides from freshly loaded aggregates on every attempt, so a retry
    either succeeds on the new state or is refused by the rules (409/422).
    """
    with caused_by(cause):
        for attempt in range(MAX_ATTEMPTS):
            try:
                return handler(app, command)
            except IntegrityError:
                if attempt == MAX_ATTEMPTS - 1:
                    break
                backoff = min(MAX_BACKOFF_S, FIRST_BACKOFF_S * 2**attempt)
                time.sleep(random.uniform(0, backoff))
    raise ConcurrentWriters("too many concurrent changes to the same data; try again")
