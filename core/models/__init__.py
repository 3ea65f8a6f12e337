"""Models every app shares: the centre a row belongs to, and the outbox of e-mails."""

from .centre import Centre, CentreKind
from .mail import MailStatus, OutgoingMail

__all__ = ["Centre", "CentreKind", "MailStatus", "OutgoingMail"]
