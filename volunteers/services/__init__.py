"""Operations on volunteers' data: state transitions and changes that touch several rows.

Views and admin screens call these; they never flip a state or write a consent themselves. One
module per area, reached through it, so a reader sees where an operation lives:
`from volunteers import services; services.applications.accept(application, user)`.
"""

from volunteers.services import (
    access_log,
    applications,
    clearances,
    decisions,
    documents,
    hours,
    hours_flags,
    matches,
    matching,
    own_data,
    profile,
    transfer,
)

__all__ = [
    "access_log",
    "applications",
    "clearances",
    "decisions",
    "documents",
    "hours",
    "hours_flags",
    "matches",
    "matching",
    "own_data",
    "profile",
    "transfer",
]
