"""Volunteering: the shared vocabulary, volunteer profiles, open tasks and applications."""

from .applications import Application, ApplicationStatus
from .profile import (
    Availability,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    Consent,
    ConsentKind,
    DayPart,
    VolunteerProfile,
    Weekday,
)
from .tasks import TaskCategory, TaskIndexPage, TaskKind, TaskPage
from .vocabulary import District, Skill

__all__ = [
    "Application",
    "ApplicationStatus",
    "Availability",
    "Clearance",
    "ClearanceKind",
    "ClearanceResult",
    "Consent",
    "ConsentKind",
    "DayPart",
    "District",
    "Skill",
    "TaskCategory",
    "TaskIndexPage",
    "TaskKind",
    "TaskPage",
    "VolunteerProfile",
    "Weekday",
]
