"""Models every app shares: the centre a row belongs to."""

from .centre import Centre, CentreKind

__all__ = ["Centre", "CentreKind"]
