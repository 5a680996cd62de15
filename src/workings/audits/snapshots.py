"""Audit events (codes 1450-1499, never reused) and the snapshot each recorded model writes.

Audiences: an audit's figures, findings and signature are for the project's members and the
funder's reviewers (MEMBERS); the annex for the team and the funder carries them. One
person's self-assessment is SEALED: the log commits to it, the funder's reviewers read it,
and the pages show only each side's totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

AUDIT_OPENED = register(1450, "audits.audit_opened", "An audit was opened", Audience.MEMBERS)
AUDIT_SIGNED = register(1451, "audits.audit_signed", "An audit was signed", Audience.MEMBERS)
SELF_ASSESSED = register(
    1460, "audits.self_assessed", "A self-assessment was given", Audience.SEALED
)
FINDING_ADDED = register(
    1470, "audits.finding_added", "An audit finding and its action were added", Audience.MEMBERS
)


@dataclass(frozen=True)
class AuditSnapshot(Snapshot):
    model: ClassVar[str] = "audits.audit"
    project: int = 0
    number: int = 0
    kind: str = ""
    requested_by: int | None = None
    opened_on: str = ""
    figures: list[Any] = field(default_factory=list)
    status: str = ""
    signed_by: int | None = None
    signed_on: str | None = None
    statement: str = ""


@dataclass(frozen=True)
class SelfAssessmentSnapshot(Snapshot):
    model: ClassVar[str] = "audits.selfassessment"
    audit: int = 0
    side: str = ""
    membership: int = 0
    anonymous: bool = False
    ratings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FindingSnapshot(Snapshot):
    model: ClassVar[str] = "audits.finding"
    audit: int = 0
    standard: str = ""
    text: str = ""
    action: int = 0
    written_by: int = 0
