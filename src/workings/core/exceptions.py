"""One hierarchy for domain errors: services raise these, views and the API turn them
into plain-English messages."""

from __future__ import annotations


class WorkingsError(Exception):
    """Base class. The message is shown to the person, so write it in plain English."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationFailed(WorkingsError):
    """Input that breaks a rule; nothing was written."""


class NotAllowed(WorkingsError):
    """The person may not do this."""


class NotFound(WorkingsError):
    """Missing, or not visible to this person (the two are never told apart)."""


class Conflict(WorkingsError):
    """Someone else changed the same thing first."""
