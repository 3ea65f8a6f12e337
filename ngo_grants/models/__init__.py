"""NGO open calls: organisations, calls (pages) and the offers written to them."""

from ngo_grants.deadlines import deadline_problem

from .agreements import Agreement, BudgetUpdate, Report, ReportKind, ReportReminder
from .calls import (
    Aggregation,
    AssignmentMode,
    CallDocument,
    CallIndexPage,
    CallPage,
    CallProgress,
    CallState,
    Criterion,
    PublicTask,
    RequiredAttachment,
    TaskForm,
)
from .committee import (
    Committee,
    CommitteeMember,
    ConflictGround,
    Declaration,
    MemberKind,
    NoNgoException,
)
from .offers import Attachment, Offer, OfferCounter, OfferVersion
from .organisations import (
    Invitation,
    LegalForm,
    MemberRole,
    Membership,
    Organisation,
    Representative,
    Verification,
)
from .results import Decision, Grant, ReasonsRequest
from .review import (
    Annulment,
    AnnulmentGround,
    CorrectionRequest,
    FormalAnswer,
    FormalCheck,
    FormalDecision,
    FormalOutcome,
)
from .scoring import Assignment, CriterionScore, Recommendation, Score
from .small_grants import GrantPlan, SmallGrant, SmallGrantComment, SmallGrantStatus

__all__ = [
    "Agreement",
    "BudgetUpdate",
    "Report",
    "ReportKind",
    "ReportReminder",
    "Decision",
    "Grant",
    "ReasonsRequest",
    "Aggregation",
    "Assignment",
    "AssignmentMode",
    "CriterionScore",
    "Recommendation",
    "Score",
    "GrantPlan",
    "SmallGrant",
    "SmallGrantComment",
    "SmallGrantStatus",
    "Committee",
    "CommitteeMember",
    "ConflictGround",
    "Declaration",
    "MemberKind",
    "NoNgoException",
    "Annulment",
    "AnnulmentGround",
    "Attachment",
    "CallDocument",
    "CallIndexPage",
    "CallPage",
    "CallProgress",
    "CallState",
    "CorrectionRequest",
    "Criterion",
    "FormalAnswer",
    "FormalCheck",
    "FormalDecision",
    "FormalOutcome",
    "Invitation",
    "LegalForm",
    "MemberRole",
    "Membership",
    "Offer",
    "OfferCounter",
    "OfferVersion",
    "Organisation",
    "PublicTask",
    "Representative",
    "RequiredAttachment",
    "TaskForm",
    "Verification",
    "deadline_problem",
]
