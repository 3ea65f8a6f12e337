"""Accounts: people (User) and, per centre, who may do what."""

from .audit import AuditEntry, AuditKind
from .roles import CentreRole, CentreWorkspace, Role
from .user import User, UserManager

__all__ = ["AuditEntry", "AuditKind", "CentreRole", "CentreWorkspace", "Role", "User", "UserManager"]
