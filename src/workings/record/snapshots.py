"""Event types of the working record (codes 300-399, never reused).

This module is the app's snapshot contract (docs/decisions/snapshot-contract.md): its
event types with their audiences, and a declared snapshot per recorded model, which the
models write through and every reader reads through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from django.utils.translation import gettext_lazy as _

from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

MEETING_RECORDED = register(
    300, "record.meeting_recorded", "A meeting or activity was recorded", Audience.PUBLIC
)
FEEDBACK_GIVEN = register(310, "record.feedback_given", "Feedback was recorded", Audience.PUBLIC)
FEEDBACK_ANSWERED = register(
    311, "record.feedback_answered", "Feedback was answered", Audience.PUBLIC
)
FEEDBACK_SATISFACTION = register(
    312,
    "record.feedback_satisfaction",
    "A contributor said whether an answer satisfied them",
    Audience.PUBLIC,
)
DECISION_RECORDED = register(
    320, "record.decision_recorded", "A decision was recorded", Audience.PUBLIC
)
DECISION_VIEW_GIVEN = register(
    321, "record.decision_view", "A contributor gave their view", Audience.PUBLIC
)
DISAGREEMENT_RECORDED = register(
    330, "record.disagreement_recorded", "A disagreement was recorded", Audience.PUBLIC
)
POSITION_WRITTEN = register(
    331, "record.position_written", "A position was written", Audience.PUBLIC
)
POSITION_EDITED = register(
    332, "record.position_edited", "A position was edited (new version)", Audience.PUBLIC
)
DISAGREEMENT_SETTLED = register(
    333, "record.disagreement_outcome", "A disagreement's outcome", Audience.PUBLIC
)
ACCOUNT_WRITTEN = register(
    340, "record.account_written", "An own account was written", Audience.PUBLIC
)
ACCOUNT_EDITED = register(
    341, "record.account_edited", "An own account was edited (new version)", Audience.PUBLIC
)
CORRECTION_MADE = register(
    350, "record.correction_made", "A correction was recorded", Audience.PUBLIC
)


@dataclass(frozen=True)
class ItemSnapshot(Snapshot):
    """Any item of the working record (the shared part of a meeting, feedback, decision...)."""

    model: ClassVar[str] = "record.item"
    schema_version: ClassVar[int] = 1

    project: int | None = None
    kind: str = ""
    area: str = ""
    occurred_on: str = ""  # ISO date
    author: int | None = None
    author_membership: int | None = None
    title: str = ""
    body: str = ""
    corrects: int | None = None
    about: int | None = None
    is_open: bool = False
    due_on: str | None = None  # ISO date


@dataclass(frozen=True)
class MeetingSnapshot(Snapshot):
    """A meeting or activity."""

    model: ClassVar[str] = "record.meeting"
    schema_version: ClassVar[int] = 1

    item: int | None = None
    activity: str = ""
    hours: str = "0"  # a decimal, as text
    participants: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class AttachmentSnapshot(Snapshot):
    """A file attached to an item, committed by its hash."""

    model: ClassVar[str] = "record.attachment"
    schema_version: ClassVar[int] = 1

    item: int | None = None
    name: str = ""
    content_type: str = ""
    size: int = 0
    sha256: str = ""
    file: str = ""


@dataclass(frozen=True)
class FeedbackSnapshot(Snapshot):
    """ "You said, we did, because": the answer to a feedback item."""

    model: ClassVar[str] = "record.feedback"
    schema_version: ClassVar[int] = 1

    item: int | None = None
    on_behalf_of: str = ""
    outcome: str = ""
    what_done: str = ""
    why: str = ""
    answered_by: int | None = None
    answered_at: str | None = None  # ISO time
    satisfied: bool | None = None
    satisfaction_why: str = ""


@dataclass(frozen=True)
class DecisionSnapshot(Snapshot):
    """A decision and the contributor influence it had."""

    model: ClassVar[str] = "record.decision"
    schema_version: ClassVar[int] = 1

    item: int | None = None
    decided_by: str = ""
    influence: str = ""
    promised: str = ""


@dataclass(frozen=True)
class DecisionViewSnapshot(Snapshot):
    """A contributor's view of a decision, in their words."""

    model: ClassVar[str] = "record.decisionview"
    schema_version: ClassVar[int] = 1

    decision: int | None = None
    membership: int | None = None
    stance: str = ""
    words: str = ""


@dataclass(frozen=True)
class DisagreementSnapshot(Snapshot):
    """A disagreement and how it ended."""

    model: ClassVar[str] = "record.disagreement"
    schema_version: ClassVar[int] = 1

    item: int | None = None
    outcome: str = "open"
    outcome_text: str = ""
    research_team_gave: str = ""
    contributors_gave: str = ""
    what_changed: str = ""
    outcome_by: int | None = None


@dataclass(frozen=True)
class PositionSnapshot(Snapshot):
    """One side's position in a disagreement, as its author last wrote it."""

    model: ClassVar[str] = "record.position"
    schema_version: ClassVar[int] = 1

    disagreement: int | None = None
    author_membership: int | None = None
    side: str = ""
    text: str = ""
    version: int = 1


# How a report states a contributor's view of a decision ("Agrees"); the choices are the
# contributor's own answer on a form ("Agree").
STANCE_IN_REPORTS = {"agree": _("Agrees"), "disagree": _("Disagrees"), "mixed": _("Mixed feelings")}
