"""Plans events (codes 1400-1449, never reused) and the snapshot each recorded model writes.

Audiences: milestones, their evidence, the training log and the steering meetings' minutes
(drafts, contributors' comments on them, final versions) are the project's working plan,
read by its members and the funder's reviewers (MEMBERS). Who was trained in what names a
person, so it is never public; the annex counts entries, never names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

MILESTONE_ADDED = register(
    1400, "plans.milestone_added", "A milestone was planned", Audience.MEMBERS
)
MILESTONE_CHANGED = register(
    1401, "plans.milestone_changed", "A milestone was changed", Audience.MEMBERS
)
MILESTONE_PROGRESS = register(
    1402, "plans.milestone_progress", "A milestone's progress was updated", Audience.MEMBERS
)
MILESTONE_SLIPPED = register(
    1403, "plans.milestone_slipped", "A milestone went past its due day", Audience.MEMBERS
)
EVIDENCE_ADDED = register(
    1410, "plans.evidence_added", "Evidence was added to a milestone", Audience.MEMBERS
)
TRAINING_LOGGED = register(
    1420, "plans.training_logged", "Training or support was logged", Audience.MEMBERS
)
MINUTES_DRAFTED = register(
    1430, "plans.minutes_drafted", "Draft minutes were shared for comments", Audience.MEMBERS
)
MINUTES_COMMENTED = register(
    1431, "plans.minutes_commented", "A contributor commented on draft minutes", Audience.MEMBERS
)
MINUTES_FINALISED = register(
    1432, "plans.minutes_finalised", "Minutes were made final", Audience.MEMBERS
)


@dataclass(frozen=True)
class MilestoneSnapshot(Snapshot):
    model: ClassVar[str] = "plans.milestone"
    project: int = 0
    kind: str = ""
    title: str = ""
    description: str = ""
    due_on: str = ""
    owner: int = 0
    status: str = ""
    progress: int = 0
    tied_to: int | None = None
    done_on: str | None = None
    slipped_on: str | None = None


@dataclass(frozen=True)
class EvidenceSnapshot(Snapshot):
    model: ClassVar[str] = "plans.evidence"
    milestone: int = 0
    kind: str = ""
    ref: int | None = None
    path: str = ""
    note: str = ""
    added_by: int = 0


@dataclass(frozen=True)
class TrainingSnapshot(Snapshot):
    model: ClassVar[str] = "plans.training"
    project: int = 0
    person: int = 0
    kind: str = ""
    what: str = ""
    given_on: str = ""
    given_by: str = ""
    hours: str | None = None
    recorded_by: int = 0


@dataclass(frozen=True)
class MinutesSnapshot(Snapshot):
    model: ClassVar[str] = "plans.minutes"
    project: int = 0
    title: str = ""
    met_on: str = ""
    meeting: int | None = None
    draft: str = ""
    comments_until: str = ""
    written_by: int = 0
    status: str = ""
    final: str = ""
    change_note: str = ""
    finalised_on: str | None = None


@dataclass(frozen=True)
class MinutesCommentSnapshot(Snapshot):
    model: ClassVar[str] = "plans.minutescomment"
    minutes: int = 0
    author: int = 0
    body: str = ""
