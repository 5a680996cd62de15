"""Publishing events (codes 1000-1049, never reused) and the snapshot each recorded model
writes (docs/decisions/snapshot-contract.md).

Audiences: which types the team publishes is public (the public may know what it is not
shown). A contributor's consent choices, and the team's requests for consent to one entry,
are the project's members' business (MEMBERS): a withdrawal or a refusal must not itself
become public news. Comment moderation is public: a published
comment's words, and a hidden comment's tombstone (its reason category, never its words:
a hidden comment's name and text go in the member-only part).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

TYPES_CHOSEN = register(
    1000,
    "publishing.types_chosen",
    "The team chose which kinds of entry are public",
    Audience.PUBLIC,
)
CONSENT_SET = register(
    1001,
    "publishing.consent_set",
    "A contributor chose whether a kind of their entries is published",
    Audience.MEMBERS,
)
ENTRY_CONSENT_SET = register(
    1002,
    "publishing.entry_consent_set",
    "A contributor chose whether one of their entries is published",
    Audience.MEMBERS,
)
CONSENT_REQUESTED = register(
    1003,
    "publishing.consent_requested",
    "The team asked a contributor whether one of their entries may be published",
    Audience.MEMBERS,
)
MODERATOR_SET = register(
    1010, "publishing.moderator_set", "A comment moderator was named or stood down", Audience.PUBLIC
)
COMMENT_PUBLISHED = register(
    1020, "publishing.comment_published", "A comment from the public was published", Audience.PUBLIC
)
COMMENT_HIDDEN = register(
    1021, "publishing.comment_hidden", "A comment from the public was hidden", Audience.PUBLIC
)
COMMENT_APPEALED = register(
    1022,
    "publishing.comment_appealed",
    "Someone appealed against hiding their comment",
    Audience.MEMBERS,
)


@dataclass(frozen=True)
class PublicationSnapshot(Snapshot):
    model: ClassVar[str] = "publishing.publication"
    project: int = 0
    # The event types the team keeps off the public page, space-separated, sorted.
    withheld_types: str = ""


@dataclass(frozen=True)
class ConsentSnapshot(Snapshot):
    model: ClassVar[str] = "publishing.consent"
    project: int = 0
    user: int = 0
    type: str = ""
    seq: int = -1  # -1: the default for the type; else the one entry it is about
    publish: bool = False


@dataclass(frozen=True)
class ConsentRequestSnapshot(Snapshot):
    model: ClassVar[str] = "publishing.consentrequest"
    project: int = 0
    seq: int = 0  # the entry the team asks about
    author: int = 0  # who wrote it, and answers
    requested_by: int = 0
    note: str = ""
    status: str = ""
    publish: bool | None = None  # the answer, once given


@dataclass(frozen=True)
class ModeratorSnapshot(Snapshot):
    model: ClassVar[str] = "publishing.moderator"
    project: int = 0
    user: int = 0
    active: bool = False


@dataclass(frozen=True)
class CommentSnapshot(Snapshot):
    model: ClassVar[str] = "publishing.comment"
    project: int | None = None
    target_kind: str = ""
    target_id: int = 0
    name: str = ""
    body: str = ""
    status: str = ""
    category: str = ""
    appeal: str = ""
    appeal_status: str = ""
