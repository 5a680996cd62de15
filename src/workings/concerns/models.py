"""Concerns: raised openly, confidentially or anonymously; they follow the stages of the
agreement's disagreement procedure (frozen on the concern when it is raised).

Nothing here is edited in place once written, except the concern's own progress fields
(stage, status, outcome), and every such change is a ledger event whose content holds the
row's snapshot. Anonymous concerns keep no account, no address and times only to the day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workings.concerns.snapshots import ConcernSnapshot, ReplySnapshot
from workings.events.recorded import WHEN_WRITTEN, RecordedModel


class Mode(models.TextChoices):
    OPEN = "open", _("Open")
    CONFIDENTIAL = "confidential", _("Confidential")
    ANONYMOUS = "anonymous", _("Anonymous")


SEALED_MODES = frozenset({Mode.CONFIDENTIAL, Mode.ANONYMOUS})


class Status(models.TextChoices):
    AWAITING = "awaiting", _("Waiting for a response")
    RESPONDED = "responded", _("Answered at this stage")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    RESOLVED = "resolved", _("Resolved")
    RESOLVED_WITH_CHANGES = "resolved_with_changes", _("Resolved with changes")
    NOT_UPHELD = "not_upheld", _("Not upheld")
    UNRESOLVED = "unresolved", _("Unresolved")


class LinkKind(models.TextChoices):
    FEEDBACK = "feedback", _("Feedback")
    DECISION = "decision", _("Decision")
    DISAGREEMENT = "disagreement", _("Disagreement")
    MEETING = "meeting", _("Meeting")


class SummaryState(models.TextChoices):
    NONE = "", _("No summary yet")
    PROPOSED = "proposed", _("Waiting for the raiser's approval")
    APPROVED = "approved", _("Approved by the raiser")
    DECLINED = "declined", _("Declined by the raiser")


class Concern(RecordedModel):
    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="concerns"
    )
    mode = models.CharField(max_length=20, choices=Mode.choices)
    subject = models.CharField(max_length=200)
    what_happened = models.TextField(max_length=10000)
    outcome_wanted = models.TextField(max_length=5000)
    link_kind = models.CharField(max_length=20, choices=LinkKind.choices, blank=True)
    link_id = models.BigIntegerField(null=True, blank=True)
    # None for anonymous concerns, always.
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="concerns_raised",
    )
    # Argon2id of the receipt code (anonymous only); never in a snapshot or the log.
    receipt_hash = models.CharField(max_length=200, blank=True, db_index=True)
    raised_on = models.DateField()
    raised_at = models.DateTimeField()  # midnight UTC for anonymous concerns
    # The procedure as it stood when the concern was raised (stages skipped for sealed ones).
    stages = models.JSONField()
    procedure_is_default = models.BooleanField(default=True)
    procedure_version_id = models.BigIntegerField(null=True, blank=True)
    independent_person = models.CharField(max_length=200, blank=True)
    route = models.CharField(max_length=20, default="team")  # team | reviewers | site
    stage_index = models.PositiveSmallIntegerField(default=0)
    # The current stage's handler_role, kept beside the stages so lists can filter on it.
    handler_role = models.CharField(max_length=20, default="lead")
    stage_started_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AWAITING)
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    outcome_reasons = models.TextField(blank=True, max_length=5000)
    closed_on = models.DateField(null=True, blank=True)
    highest_stage_reached = models.PositiveSmallIntegerField(default=0)
    # Sealed concerns only: what the team may see once the raiser approves it.
    summary_state = models.CharField(
        max_length=20, choices=SummaryState.choices, blank=True, default=""
    )
    summary_text = models.TextField(blank=True, max_length=3000)
    team_involved = models.BooleanField(default=False)

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "receipt_hash": "the hash of an anonymous raiser's receipt code, kept out of the log",
        "raised_at": WHEN_WRITTEN + " (raised_on holds the day)",
    }
    snapshot_keys: ClassVar[dict[str, str]] = {"link_kind": "link", "link_id": "link"}

    class Meta:
        ordering = ["raised_on", "id"]
        indexes = [models.Index(fields=["project", "status"])]

    def __str__(self) -> str:
        return f"Concern {self.pk} in {self.project_id}"

    @property
    def is_sealed(self) -> bool:
        return self.mode in SEALED_MODES

    @property
    def is_open(self) -> bool:
        return self.status != Status.CLOSED

    @property
    def stage(self) -> dict[str, Any]:
        return self.stages[self.stage_index]

    @property
    def stage_due_on(self) -> dt.date:
        return self.stage_started_on + dt.timedelta(days=int(self.stage["response_days"]))

    @property
    def has_next_stage(self) -> bool:
        return self.stage_index + 1 < len(self.stages)

    def snapshot(self) -> dict[str, Any]:
        return ConcernSnapshot(
            project=self.project_id,
            mode=self.mode,
            subject=self.subject,
            what_happened=self.what_happened,
            outcome_wanted=self.outcome_wanted,
            link=(
                f"{self.link_kind}:{self.link_id}"
                if self.link_kind or self.link_id is not None
                else None
            ),
            raised_by=self.raised_by_id,
            raised_on=self.raised_on.isoformat(),
            stages=self.stages,
            procedure_is_default=self.procedure_is_default,
            procedure_version_id=self.procedure_version_id,
            route=self.route,
            stage_index=self.stage_index,
            stage_started_on=self.stage_started_on.isoformat(),
            status=self.status,
            outcome=self.outcome,
            outcome_reasons=self.outcome_reasons,
            closed_on=self.closed_on.isoformat() if self.closed_on else None,
            summary_state=self.summary_state,
            summary_text=self.summary_text,
            team_involved=self.team_involved,
            independent_person=self.independent_person,
            handler_role=self.handler_role,
            highest_stage_reached=self.highest_stage_reached,
        ).fields()


class Reply(RecordedModel):
    """One message on a concern. Never edited; attributed (the anonymous raiser as such)."""

    class Audience(models.TextChoices):
        ALL = "all", _("Everyone who can see the concern")
        REVIEWERS = "reviewers", _("The raiser and the reviewers only")

    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply")
        TEAM_REQUEST = "team_request", _("Request for the team's response")
        CLOSING = "closing", _("Closing note")

    concern = models.ForeignKey(Concern, on_delete=models.PROTECT, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    by_raiser = models.BooleanField(default=False)
    author_role = models.CharField(max_length=20, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.REPLY)
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.ALL)
    body = models.TextField(max_length=10000)
    stage_index = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField()  # midnight UTC on anonymous concerns

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["concern_id", "id"]

    def __str__(self) -> str:
        return f"Reply {self.pk} on concern {self.concern_id}"

    def snapshot(self) -> dict[str, Any]:
        return ReplySnapshot(
            concern=self.concern_id,
            author=self.author_id,
            by_raiser=self.by_raiser,
            author_role=self.author_role,
            kind=self.kind,
            audience=self.audience,
            body=self.body,
            stage_index=self.stage_index,
        ).fields()


class AnonymousWindow(models.Model):
    """How many times something was done with a project's anonymous link in one fixed window
    of time (concerns sent, wrong receipt codes). No address, no session, no code: only the
    project, what was counted, the window's start and the count. The count is moved by one
    UPDATE ... SET count = count + 1 WHERE count < limit, so parallel requests cannot pass the
    limit (see concerns/limits.py and docs/decisions/concerns-anonymity.md)."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="+")
    purpose = models.CharField(max_length=20)
    starts_at = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)
    # Only while guessing is being slowed: when the last slowed check was let through.
    last_slow_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "purpose", "starts_at"], name="one_anonymous_window"
            )
        ]

    def __str__(self) -> str:
        return f"{self.purpose} from {self.starts_at:%Y-%m-%d %H:%M}: {self.count}"
