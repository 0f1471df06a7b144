"""Reading event streams for auditors: who did what, when and in which request."""

from uuid import UUID

from runquest.event_store import RunQuest
from runquest.ids import ENTITY_KINDS, entity_id

# Secrets are in the history (hashed) but never shown.
REDACTED_FIELDS = ("password_hash",)


def parse_aggregate_ref(ref: str) -> UUID:
    kind, _, number = ref.partition(":")
    if number:
        if kind not in ENTITY_KINDS or not (number.isascii() and number.isdigit()):
            raise ValueError(f"expected KIND:NUMBER with KIND one of {', '.join(ENTITY_KINDS)}")
        return entity_id(kind, int(number))
    try:
        return UUID(ref)
    except ValueError:
        raise ValueError(f"{ref!r} is neither a UUID nor KIND:NUMBER") from None


def describe(event, position: int | None = None) -> dict:
    record = {"position": position} if position is not None else {}
    record |= {
        "topic": type(event).TOPIC,
        "aggregate_id": str(event.originator_id),
        "version": event.originator_version,
        "timestamp": event.timestamp.isoformat(),
    }
    for name, value in vars(event).items():
        if name not in ("originator_id", "originator_version", "timestamp"):
            record[name] = "<redacted>" if name in REDACTED_FIELDS else value
    return record


def aggregate_events(store: RunQuest, aggregate_id: UUID) -> list[dict]:
    return [describe(event) for event in store.events.get(aggregate_id)]


def recent_events(store: RunQuest, limit: int) -> list[dict]:
    """The last `limit` events, oldest first (notification ids have gaps: count rows, not ids)."""
    start = store.nth_last_position(limit)
    if start is None:
        return []
    notifications = store.recorder.select_notifications(start=start, limit=limit)
    return [describe(store.mapper.to_domain_event(n), n.id) for n in notifications]
