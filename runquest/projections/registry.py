"""All projectors, by name."""

from runquest.projections.profiles import ProfilesProjector
from runquest.projections.projector import Projector
from runquest.projections.runs import RunsProjector

PROJECTORS: tuple[type[Projector], ...] = (ProfilesProjector, RunsProjector)


def projector_names() -> list[str]:
    return [projector.name for projector in PROJECTORS]


def projectors(names: list[str] | None = None) -> list[Projector]:
    unknown = set(names or ()) - set(projector_names())
    if unknown:
        raise KeyError(f"unknown projection(s): {', '.join(sorted(unknown))}")
    return [cls() for cls in PROJECTORS if not names or cls.name in names]
