"""Projects and people events, codes 100-199. Codes are never reused.

Invitations name an address that never chose to be public: members only. A reason given
for a change to someone's membership is personal: kept in the member-only part.

This module is the app's snapshot contract (docs/decisions/snapshot-contract.md): its
event types with their audiences, and a declared snapshot per recorded model, which the
models write through and every reader reads through.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from django.utils.translation import gettext_lazy as _

from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

PUBLIC, MEMBERS = Audience.PUBLIC, Audience.MEMBERS

PROJECT_CREATED = register(100, "project.created", "Project started", PUBLIC)
PROJECT_UPDATED = register(101, "project.updated", "Project details changed", PUBLIC)
MEMBER_INVITED = register(
    110, "member.invited", "Someone was invited", MEMBERS, personal=("email",)
)
INVITATION_ACCEPTED = register(
    111, "invitation.accepted", "Invitation accepted", PUBLIC, personal=("display_name",)
)
INVITATION_DECLINED = register(112, "invitation.declined", "Invitation declined", MEMBERS)
INVITATION_WITHDRAWN = register(113, "invitation.withdrawn", "Invitation withdrawn", MEMBERS)
MEMBER_ROLE_CHANGED = register(
    120, "member.role_changed", "A member's role changed", PUBLIC, personal=("reason",)
)
MEMBER_UPDATED = register(
    121, "member.updated", "A member changed how they are named", PUBLIC, personal=("display_name",)
)
MEMBER_LEFT = register(
    122, "member.left", "A member left the project", PUBLIC, personal=("reason",)
)
MEMBER_REMOVED = register(
    123, "member.removed", "A member was removed", PUBLIC, personal=("reason",)
)


@dataclass(frozen=True)
class ProjectSnapshot(Snapshot):
    """A project's public details."""

    model: ClassVar[str] = "projects.project"
    schema_version: ClassVar[int] = 1

    slug: str = ""
    title: str = ""
    summary: str = ""
    funder_name: str = ""
    funder_reference: str = ""
    start_date: str = ""  # ISO date
    end_date: str = ""  # ISO date
    involvement_budget: str = ""  # a decimal, as text
    currency: str = ""
    is_published: bool = False


@dataclass(frozen=True)
class MembershipSnapshot(Snapshot):
    """A person's membership: role, how they are named and credited, leaving."""

    model: ClassVar[str] = "projects.membership"
    schema_version: ClassVar[int] = 1

    project: int | None = None
    user: int | None = None
    role: str = ""
    display_name: str = ""
    credit: str = "name"
    left_at: str | None = None  # ISO time
    left_reason: str = ""  # only a reason the person chose to publish
    left_reason_public: bool = False
    left_reason_digest: str = ""  # HMAC of a private reason
    removed_by: int | None = None


@dataclass(frozen=True)
class InvitationSnapshot(Snapshot):
    """An invitation (members only: it names an address)."""

    model: ClassVar[str] = "projects.invitation"
    schema_version: ClassVar[int] = 1

    project: int | None = None
    email: str = ""
    role: str = ""
    message: str = ""
    invited_by: int | None = None
    status: str = ""
    answered_at: str | None = None  # ISO time


# How a report says someone asked to be credited ("credited by name"). The choices are the
# member's own answer on a form ("My name"), so a report keeps its own wording, here.
CREDIT_IN_REPORTS = {
    "name": _("by name"),
    "pseudonym": _("by pseudonym"),
    "anonymous": _("counted, not named"),
}
