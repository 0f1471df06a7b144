"""Wire ids: integers from PostgreSQL sequences, and the aggregate UUIDs derived from them."""

import unicodedata
from uuid import UUID, uuid5

# Fixed forever: changing it would orphan every stored aggregate.
RUNQUEST_NAMESPACE = UUID("6f1d4c52-8a1e-5b0e-9c57-2a4b7e0d9b11")

ENTITY_KINDS = ("athlete", "run")


def entity_id(kind: str, number: int) -> UUID:
    """The aggregate id of entity `number` of `kind` (stable across rebuilds)."""
    return uuid5(RUNQUEST_NAMESPACE, f"{kind}:{int(number)}")


def claim_id(kind: str, value: str) -> UUID:
    """The id of the claim on a unique value; case and Unicode look-alike forms are ignored."""
    return uuid5(RUNQUEST_NAMESPACE, f"claim:{kind}:{unicodedata.normalize('NFKC', value).casefold()}")


def sequence_name(kind: str) -> str:
    return f"runquest_{kind}_no"
