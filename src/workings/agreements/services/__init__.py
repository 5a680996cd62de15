"""Writes for agreements: drafting and proposing (drafting.py), comments, answers and coming
into force (signing.py). Each is one transaction: check who is asking, validate
everything, then write the rows and append the event (events.services.append_event)."""

from __future__ import annotations

from workings.agreements.services.drafting import (
    DraftConflict,
    draft_save,
    draft_start,
    version_propose,
)
from workings.agreements.services.signing import (
    COMMENT_MAX,
    WORDS_MAX,
    comment_create,
    signature_create,
)

__all__ = [
    "COMMENT_MAX",
    "DraftConflict",
    "WORDS_MAX",
    "comment_create",
    "draft_save",
    "draft_start",
    "signature_create",
    "version_propose",
]
