"""The engine's inputs, frozen so a plan can never change what it was computed from."""

import datetime
from dataclasses import dataclass, field

WEEKDAYS = range(7)
PARTS_OF_DAY = ("morning", "afternoon", "evening")
# A part of the day offers about this many hours of help; the overlap's hours come from it.
HOURS_PER_SLOT = 3

Slot = tuple[int, str]


def slot_bit(slot: Slot) -> int:
    """One bit per (weekday, part of day), so an overlap is a single `&`."""
    weekday, part = slot
    return 1 << (weekday * len(PARTS_OF_DAY) + PARTS_OF_DAY.index(part))


def slots_mask(slots) -> int:
    mask = 0
    for slot in slots:
        mask |= slot_bit(slot)
    return mask


def mask_slots(mask: int) -> list[Slot]:
    return [(weekday, part) for weekday in WEEKDAYS for part in PARTS_OF_DAY if mask & slot_bit((weekday, part))]


@dataclass(frozen=True)
class Volunteer:
    """A volunteer in the matching pool, with what is left of their capacity.

    `capacity` is their maximum number of concurrent matches minus the active and proposed
    ones across all centres, so the engine never needs to know about other centres.
    """

    id: int
    age: int
    districts: frozenset[str]
    slots: frozenset[Slot]
    capacity: int
    skills: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    disability_experience: frozenset[str] = frozenset()
    gender: str | None = None
    has_licence: bool = False
    has_car: bool = False
    clearance_valid_until: datetime.date | None = None


@dataclass(frozen=True)
class Need:
    """One open need of a household, with its requirements.

    A need with a child involved requires every child-protection check to be valid on
    `start`; `minimum_age` is the centre's setting (18 for one-to-one help by default).
    """

    id: int
    household_id: int
    district: str
    slots: frozenset[Slot]
    hours_per_week: int
    start: datetime.date
    category: str = ""
    skills: frozenset[str] = frozenset()
    child_involved: bool = False
    preferred_gender: str | None = None
    language: str | None = None
    disability: str | None = None
    needs_licence: bool = False
    needs_car: bool = False
    minimum_age: int = 18


@dataclass(frozen=True)
class History:
    """An earlier, ended match: who helped which household and whether it went well."""

    volunteer_id: int
    household_id: int
    good_outcome: bool = field(default=True)
