"""Verification events (codes 650-699, never reused) and the snapshot each recorded model
writes.

Audiences (docs/decisions/verification-audiences.md):
- a request, its claims and who was asked are the project's business (MEMBERS);
- each person's answers are SEALED: only the funder's reviewers read them, and an answer
  given anonymously to the funder carries no person at all;
- the result of a closed request is PUBLIC and holds counts only (and, where at least three
  people answered, the disputed claims with the comments their authors allowed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

REQUEST_CREATED = register(
    650,
    "verification.created",
    "A funder reviewer drafted a verification request",
    Audience.MEMBERS,
)
CLAIMS_EDITED = register(
    651,
    "verification.claims_edited",
    "The claims of a verification request were edited",
    Audience.MEMBERS,
)
REQUEST_SENT = register(
    652,
    "verification.sent",
    "A verification request was sent to the contributors",
    Audience.MEMBERS,
)
ANSWERED = register(
    653, "verification.answered", "Someone answered a verification request", Audience.SEALED
)
REMINDED = register(
    654, "verification.reminded", "People who had not answered were reminded", Audience.MEMBERS
)
CLOSED = register(
    655, "verification.closed", "A verification request closed: its counts", Audience.PUBLIC
)


@dataclass(frozen=True)
class RequestSnapshot(Snapshot):
    model: ClassVar[str] = "verification.verificationrequest"
    project: int = 0
    title: str = ""
    source: str = ""
    source_version: int | None = None
    deadline: str = ""
    status: str = ""
    created_by: int = 0
    sent_on: str | None = None
    closed_on: str | None = None


@dataclass(frozen=True)
class ClaimSnapshot(Snapshot):
    model: ClassVar[str] = "verification.claim"
    request: int = 0
    number: int = 0
    text: str = ""
    removed: bool = False


@dataclass(frozen=True)
class RecipientSnapshot(Snapshot):
    model: ClassVar[str] = "verification.recipient"
    request: int = 0
    person: int = 0
    former: bool = False


@dataclass(frozen=True)
class ResponseSnapshot(Snapshot):
    """One person's answers. ``person`` is None when they answered anonymously to the
    funder: nothing in the row or the entry then says who it was."""

    model: ClassVar[str] = "verification.response"
    request: int = 0
    person: int | None = None


@dataclass(frozen=True)
class AnswerSnapshot(Snapshot):
    model: ClassVar[str] = "verification.answer"
    response: int = 0
    claim: int = 0
    choice: str = ""
    comment: str = ""
    comment_in_annex: bool = False


@dataclass(frozen=True)
class ResultSnapshot(Snapshot):
    """The counts of a closed request. ``shown`` is False when fewer than three people
    answered: then ``counts`` and ``disputed`` are empty ("too few answers to show")."""

    model: ClassVar[str] = "verification.result"
    request: int = 0
    asked: int = 0
    answered: int = 0
    shown: bool = False
    counts: list[dict[str, Any]] = field(default_factory=list)
    disputed: list[dict[str, Any]] = field(default_factory=list)
