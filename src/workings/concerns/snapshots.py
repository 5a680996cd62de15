"""Concern events: codes 400-479, never reused. Sealed concerns' events are appended with
sealed=True, so their visible header says only "sealed" and the day. An open concern's
events are for the project's members only: the public record counts closed concerns and
never shows a raiser.

This module is the app's snapshot contract (docs/decisions/snapshot-contract.md): its
event types with their audiences, and a declared snapshot per recorded model, which the
models write through and every reader reads through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

CONCERN_RAISED = register(400, "concern.raised", "A concern was raised", Audience.MEMBERS)
CONCERN_REPLIED = register(
    401, "concern.replied", "A reply was added to a concern", Audience.MEMBERS
)
CONCERN_ESCALATED = register(
    402, "concern.escalated", "A concern moved to its next stage", Audience.MEMBERS
)
CONCERN_TEAM_ASKED = register(
    403, "concern.team_asked", "The team was asked to respond", Audience.MEMBERS
)
CONCERN_SUMMARY_PROPOSED = register(
    404, "concern.summary_proposed", "A summary for the team was proposed", Audience.MEMBERS
)
CONCERN_SUMMARY_ANSWERED = register(
    405, "concern.summary_answered", "The raiser answered the proposed summary", Audience.MEMBERS
)
CONCERN_CLOSED = register(406, "concern.closed", "A concern was closed", Audience.MEMBERS)
CONCERN_RAISER_PROTECTED = register(
    407,
    "concern.raiser_protected",
    "A change to a concern raiser's membership was flagged",
    Audience.MEMBERS,
)


@dataclass(frozen=True)
class ConcernSnapshot(Snapshot):
    """A concern, its procedure, stage and outcome (sealed unless raised openly)."""

    model: ClassVar[str] = "concerns.concern"
    schema_version: ClassVar[int] = 1

    project: int | None = None
    mode: str = ""
    subject: str = ""
    what_happened: str = ""
    outcome_wanted: str = ""
    link: str | None = None  # "kind:id"
    raised_by: int | None = None
    raised_on: str = ""  # ISO date
    stages: list[dict[str, Any]] = field(default_factory=list)
    procedure_is_default: bool = True
    procedure_version_id: int | None = None
    route: str = "team"
    stage_index: int = 0
    stage_started_on: str = ""  # ISO date
    status: str = ""
    outcome: str = ""
    outcome_reasons: str = ""
    closed_on: str | None = None  # ISO date
    summary_state: str = ""
    summary_text: str = ""
    team_involved: bool = False
    independent_person: str = ""
    handler_role: str = "lead"
    highest_stage_reached: int = 0


@dataclass(frozen=True)
class ReplySnapshot(Snapshot):
    """A reply on a concern."""

    model: ClassVar[str] = "concerns.reply"
    schema_version: ClassVar[int] = 1

    concern: int | None = None
    author: int | None = None
    by_raiser: bool = False
    author_role: str = ""
    kind: str = ""
    audience: str = ""
    body: str = ""
    stage_index: int = 0
