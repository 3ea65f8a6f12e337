"""Accounts: people (User) and, per centre, who may do what."""

from .user import User, UserManager

__all__ = ["User", "UserManager"]
