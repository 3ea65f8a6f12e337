"""Volunteering: the shared vocabulary, volunteer profiles, open tasks and applications."""

from .applications import Application, ApplicationNotice, ApplicationStatus
from .beneficiaries import (
    AccessAction,
    Beneficiary,
    BeneficiaryAccess,
    BeneficiaryKind,
    ImmutableRecord,
    Need,
    NeedStatus,
)
from .documents import Agreement
from .hours import HoursEntry, HoursStatus
from .matches import LIVE_STATES, Match, MatchOutcome, MatchStatus
from .notices import CentreVolunteer, Reminder, TaskSchedule
from .profile import (
    Availability,
    Clearance,
    ClearanceKind,
    ClearanceResult,
    Consent,
    ConsentKind,
    DayPart,
    Gender,
    VolunteerProfile,
    Weekday,
)
from .tasks import TaskCategory, TaskIndexPage, TaskKind, TaskPage
from .vocabulary import DisabilityKind, District, Language, Skill

__all__ = [
    "LIVE_STATES",
    "AccessAction",
    "Beneficiary",
    "BeneficiaryAccess",
    "BeneficiaryKind",
    "ImmutableRecord",
    "Match",
    "MatchOutcome",
    "MatchStatus",
    "Need",
    "NeedStatus",
    "Agreement",
    "CentreVolunteer",
    "HoursEntry",
    "HoursStatus",
    "Reminder",
    "TaskSchedule",
    "Application",
    "ApplicationNotice",
    "ApplicationStatus",
    "Availability",
    "Clearance",
    "ClearanceKind",
    "ClearanceResult",
    "Consent",
    "ConsentKind",
    "DayPart",
    "DisabilityKind",
    "District",
    "Gender",
    "Language",
    "Skill",
    "TaskCategory",
    "TaskIndexPage",
    "TaskKind",
    "TaskPage",
    "VolunteerProfile",
    "Weekday",
]
