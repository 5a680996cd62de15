"""Writes for publishing: one function, one transaction, one log entry (none for a comment
still held: the log records what a moderator decided, not every arrival)."""

from workings.publishing.services.comments import (
    appeal_decide,
    comment_appeal,
    comment_hide,
    comment_publish,
    comment_submit,
)
from workings.publishing.services.consent import (
    consent_set,
    entry_consent_set,
    moderator_set,
    publication_choose,
)
from workings.publishing.services.requests import consent_request, consent_request_answer

__all__ = [
    "appeal_decide",
    "comment_appeal",
    "comment_hide",
    "comment_publish",
    "comment_submit",
    "consent_request",
    "consent_request_answer",
    "consent_set",
    "entry_consent_set",
    "moderator_set",
    "publication_choose",
]
