"""What the documents app writes into the log: its event types (codes 700-799, each with
its audience) and one typed, versioned snapshot per recorded model. Readers (the annex, the
API, the export) read snapshots through `read()`, never by string keys.

Every document event is for the project's members: drafts, suggestions and dissent notes
are the team's working papers. The text the owners approve reaches the public through the
project's public summary, which the project chooses to publish
(docs/decisions/co-owned-documents.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

DOCUMENT_CREATED = register(
    700, "document.created", "A co-owned document was started", Audience.MEMBERS
)
VERSION_PROPOSED = register(
    701, "document.version_proposed", "A new version of a document was proposed", Audience.MEMBERS
)
SUGGESTION_MADE = register(
    702, "document.suggested", "A change to a document was suggested", Audience.MEMBERS
)
SUGGESTION_ACCEPTED = register(
    703, "document.suggestion_accepted", "An owner accepted a suggestion", Audience.MEMBERS
)
SUGGESTION_REJECTED = register(
    704, "document.suggestion_rejected", "An owner rejected a suggestion", Audience.MEMBERS
)
VERSION_APPROVED = register(
    705, "document.approved", "An owner approved a version of a document", Audience.MEMBERS
)
DISSENT_ADDED = register(
    706, "document.dissent", "An owner added a dissent note to a version", Audience.MEMBERS
)
VERSION_SUBMITTED = register(
    707,
    "document.submitted",
    "A version was submitted with a grant application",
    Audience.MEMBERS,
)


@dataclass(frozen=True)
class DocumentSnapshot(Snapshot):
    model: ClassVar[str] = "documents.document"
    project: int = 0
    kind: str = ""
    title: str = ""
    created_by: int = 0


@dataclass(frozen=True)
class VersionSnapshot(Snapshot):
    model: ClassVar[str] = "documents.version"
    document: int = 0
    number: int = 0
    based_on: int | None = None
    text: str = ""
    note: str = ""
    author: int = 0
    approved: bool = False


@dataclass(frozen=True)
class ApprovalSnapshot(Snapshot):
    model: ClassVar[str] = "documents.approval"
    of_version: int = 0
    user: int = 0
    kind: str = ""


@dataclass(frozen=True)
class DissentSnapshot(Snapshot):
    model: ClassVar[str] = "documents.dissent"
    of_version: int = 0
    user: int = 0
    text: str = ""


@dataclass(frozen=True)
class SuggestionSnapshot(Snapshot):
    model: ClassVar[str] = "documents.suggestion"
    of_version: int = 0
    author: int = 0
    start: int = 0
    end: int = 0
    original: str = ""
    replacement: str = ""
    status: str = ""
    decided_by: int | None = None
    made_version: int | None = None


@dataclass(frozen=True)
class SubmissionSnapshot(Snapshot):
    model: ClassVar[str] = "documents.submission"
    of_version: int = 0
    submitted_on: str = ""
    application: str = ""
    submitted_by: int = 0
