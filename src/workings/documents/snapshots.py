"""What the documents app writes into the log: its event types (codes 700-799, each with
its audience) and one typed, versioned snapshot per recorded model. Readers (the annex, the
API, the export) read snapshots through `read()`, never by string keys.

Every document event is for the project's members: drafts, suggestions and dissent notes
are the team's working papers. The text the owners approve reaches the public through the
project's public summary, which the project chooses to publish
(docs/decisions/co-owned-documents.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar

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


class Snapshot:
    """Shared shape: `fields()` is the dict committed in the log; `read()` accepts every
    version of it this code has written (only version 1 so far)."""

    model: ClassVar[str]
    version: ClassVar[int]

    def fields(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload, no-any-return]

    @classmethod
    def read(cls, data: dict[str, Any]) -> Any:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True)
class DocumentSnapshot(Snapshot):
    model: ClassVar[str] = "documents.document"
    version: ClassVar[int] = 1
    project: int
    kind: str
    title: str
    created_by: int


@dataclass(frozen=True)
class VersionSnapshot(Snapshot):
    model: ClassVar[str] = "documents.version"
    version: ClassVar[int] = 1
    document: int
    number: int
    based_on: int | None
    text: str
    note: str
    author: int
    approved: bool


@dataclass(frozen=True)
class ApprovalSnapshot(Snapshot):
    model: ClassVar[str] = "documents.approval"
    version: ClassVar[int] = 1
    of_version: int
    user: int
    kind: str


@dataclass(frozen=True)
class DissentSnapshot(Snapshot):
    model: ClassVar[str] = "documents.dissent"
    version: ClassVar[int] = 1
    of_version: int
    user: int
    text: str


@dataclass(frozen=True)
class SuggestionSnapshot(Snapshot):
    model: ClassVar[str] = "documents.suggestion"
    version: ClassVar[int] = 1
    of_version: int
    author: int
    start: int
    end: int
    original: str
    replacement: str
    status: str
    decided_by: int | None
    made_version: int | None


@dataclass(frozen=True)
class SubmissionSnapshot(Snapshot):
    model: ClassVar[str] = "documents.submission"
    version: ClassVar[int] = 1
    of_version: int
    submitted_on: str
    application: str
    submitted_by: int
