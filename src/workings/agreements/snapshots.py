"""Agreement events, codes 200-299. Codes are never reused.

This module is the app's snapshot contract (docs/decisions/snapshot-contract.md): its
event types with their audiences, and a declared snapshot per recorded model, which the
models write through and every reader reads through.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _

from workings.agreements import sections
from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

DRAFT_STARTED = register(
    200, "agreement.draft_started", "An agreement draft was started", Audience.PUBLIC
)
DRAFT_SAVED = register(
    201, "agreement.draft_saved", "The agreement draft was saved", Audience.PUBLIC
)
AMENDMENT_STARTED = register(
    202,
    "agreement.amendment_started",
    "An amendment to the agreement in force was started",
    Audience.PUBLIC,
)
VERSION_PROPOSED = register(
    203,
    "agreement.version_proposed",
    "An agreement version was proposed for signing",
    Audience.PUBLIC,
)
COMMENT_ADDED = register(
    204, "agreement.comment_added", "Someone commented on the agreement", Audience.PUBLIC
)
SIGNED = register(205, "agreement.signed", "A party answered the agreement", Audience.PUBLIC)
IN_FORCE = register(
    206, "agreement.in_force", "An agreement version came into force", Audience.PUBLIC
)


@dataclass(frozen=True)
class AgreementVersionSnapshot(Snapshot):
    """One version of the involvement agreement and its content."""

    model: ClassVar[str] = "agreements.agreementversion"
    schema_version: ClassVar[int] = 1

    project: int | None = None
    number: int = 0
    status: str = ""
    based_on: int | None = None
    started_from: str = ""
    content: dict[str, Any] = field(default_factory=dict)
    revision: int = 1
    content_hash: str = ""
    created_by: int | None = None
    updated_by: int | None = None
    proposed_by: int | None = None
    proposed_at: str | None = None  # ISO time
    in_force_at: str | None = None  # ISO time
    ended_at: str | None = None  # ISO time

    def sections(self) -> list[tuple[str, str, str]]:
        """(key, title, text) of each written section, in the agreement's own order, then
        any section this software does not know, as stored. Not the stored order alone:
        PostgreSQL's jsonb does not keep the order keys were written in."""
        written = dict(self.content.get("sections") or {})
        known = [k for k in sections.SECTION_KEYS if k in written]
        keys = known + [k for k in written if k not in sections.SECTION_TITLES]
        return [
            (k, sections.SECTION_TITLES.get(k, k.replace("_", " ").capitalize()), written[k])
            for k in keys
        ]

    @property
    def decision_rights(self) -> dict[str, str]:
        """research area -> the contributor influence this version promises."""
        return dict(self.content.get("decision_rights") or {})

    @property
    def payment(self) -> AgreedPayment | None:
        """The payment terms the version records, if any (as written: the rate as text)."""
        terms = self.content.get("payment") or {}
        if not terms:
            return None
        names = [f.name for f in fields(AgreedPayment)]
        return AgreedPayment(**{k: terms[k] for k in names if k in terms})


@dataclass(frozen=True)
class AgreedPayment:
    """The "payment" part of an agreement version's content."""

    rate: str | None = None
    currency: str | None = None
    rate_kind: str | None = None  # "hourly" | "per_activity"
    payment_days: int | None = None
    expenses_policy: str | None = None


@dataclass(frozen=True)
class AgreementCommentSnapshot(Snapshot):
    """A comment on a section of a draft."""

    model: ClassVar[str] = "agreements.agreementcomment"
    schema_version: ClassVar[int] = 1

    version: int | None = None
    section: str = ""
    parent: int | None = None
    author: int | None = None
    body: str = ""


@dataclass(frozen=True)
class AgreementSignatureSnapshot(Snapshot):
    """A party's answer to a proposed version, in their words."""

    model: ClassVar[str] = "agreements.agreementsignature"
    schema_version: ClassVar[int] = 1

    version: int | None = None
    party: int | None = None
    membership: int | None = None
    answer: str = ""
    words: str = ""
    content_hash: str = ""
    signed_at: str | None = None  # ISO time


# How a report states a version's status and a party's answer. The choices are worded for
# the people signing ("I agree"); a report speaks about them ("Agreed").
STATUS_IN_REPORTS = {
    "draft": _("Draft"),
    "proposed": _("Proposed for signing"),
    "in_force": _("In force"),
    "superseded": _("Was in force; replaced"),
    "replaced": _("Replaced before coming into force"),
}
ANSWER_IN_REPORTS = {
    "agree": _("Agreed"),
    "agree_with_reservations": _("Agreed with reservations"),
    "do_not_agree": _("Did not agree"),
}
RATE_KINDS = sections.RATE_KINDS  # "per hour" / "per activity", as the agreement words them
