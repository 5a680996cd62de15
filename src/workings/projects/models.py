from __future__ import annotations

import hashlib
import hmac
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workings.events.recorded import WHEN_WRITTEN, RecordedModel
from workings.projects.roles import Credit, Role
from workings.projects.snapshots import InvitationSnapshot, MembershipSnapshot, ProjectSnapshot


class Project(RecordedModel):
    slug = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField("plain-English summary", max_length=5000)
    funder_name = models.CharField(max_length=200, blank=True)
    funder_reference = models.CharField(max_length=100, blank=True)
    start_date = models.DateField()
    end_date = models.DateField()
    involvement_budget = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    currency = models.CharField(max_length=3, default="GBP")
    is_published = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    unrecorded_fields: ClassVar[dict[str, str]] = {"created_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.slug])

    @property
    def log_origin(self) -> str:
        # Stable for the life of the log: slugs never change once a project exists.
        return f"{settings.WORKINGS_LOG_NAME}/{self.slug}"

    def snapshot(self) -> dict[str, Any]:
        return ProjectSnapshot(
            slug=self.slug,
            title=self.title,
            summary=self.summary,
            funder_name=self.funder_name,
            funder_reference=self.funder_reference,
            start_date=self.start_date.isoformat(),
            end_date=self.end_date.isoformat(),
            involvement_budget=str(self.involvement_budget),
            currency=self.currency,
            is_published=self.is_published,
        ).fields()


class Membership(RecordedModel):
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    display_name = models.CharField("display name in this project", max_length=80, blank=True)
    credit = models.CharField(max_length=20, choices=Credit.choices, default=Credit.NAME)
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    left_reason = models.TextField(blank=True, max_length=2000)
    # A reason for leaving is the team's to read unless the person chose to publish it.
    left_reason_public = models.BooleanField(default=False)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    unrecorded_fields: ClassVar[dict[str, str]] = {"joined_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["project_id", "joined_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="one_membership_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.left_at is None

    @property
    def label(self) -> str:
        """The name to show for this member, honouring their credit preference."""
        if self.credit == Credit.ANONYMOUS:
            return "A member who chose to stay anonymous"
        if self.display_name:
            return self.display_name
        if self.credit == Credit.PSEUDONYM:
            return "A member"  # a pseudonym not yet chosen: never fall back to their name
        return self.user.display_name or "A member"

    @property
    def public_left_reason(self) -> str:
        """What anyone may read of why they left: nothing, unless they chose to publish it."""
        return self.left_reason if self.left_reason_public else ""

    @property
    def private_left_reason_digest(self) -> str:
        """A private reason is committed to the log only as an HMAC keyed with the site
        secret: a change to it behind the software's back still fails verification, and
        nobody without the secret can test guesses against it."""
        if self.left_reason_public or not self.left_reason:
            return ""
        key = f"membership-left-reason:{settings.SECRET_KEY}".encode()
        return hmac.new(key, self.left_reason.encode(), hashlib.sha256).hexdigest()

    def snapshot(self) -> dict[str, Any]:
        return MembershipSnapshot(
            project=self.project_id,
            user=self.user_id,
            role=self.role,
            display_name=self.display_name,
            credit=self.credit,
            left_at=self.left_at.isoformat() if self.left_at else None,
            # A private reason stays out of the log (which the public reads) altogether.
            left_reason=self.public_left_reason,
            left_reason_public=self.left_reason_public,
            left_reason_digest=self.private_left_reason_digest,
            removed_by=self.removed_by_id,
        ).fields()

    def personal_fields(self) -> frozenset[str]:
        # A leaving reason is the person's own unless they chose to publish it; an
        # anonymous member's name is not shown.
        fields = set() if self.left_reason_public else {"left_reason"}
        if self.credit == Credit.ANONYMOUS:
            fields.add("display_name")
        return frozenset(fields)


class Invitation(RecordedModel):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="invitations")
    email = models.CharField(max_length=254)
    role = models.CharField(max_length=20, choices=Role.choices)
    message = models.TextField(blank=True, max_length=2000)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "token_hash": "the hash of the secret link sent by e-mail, kept out of the log",
        "created_at": WHEN_WRITTEN,
    }

    class Meta:
        ordering = ["-created_at", "id"]

    def __str__(self) -> str:
        return f"Invitation for {self.email} to {self.project}"

    def snapshot(self) -> dict[str, Any]:
        return InvitationSnapshot(
            project=self.project_id,
            email=self.email,
            role=self.role,
            message=self.message,
            invited_by=self.invited_by_id,
            status=self.status,
            answered_at=self.answered_at.isoformat() if self.answered_at else None,
        ).fields()

    def personal_fields(self) -> frozenset[str]:
        # The address (and the invitation's words, which often name the person).
        return frozenset({"email", "message"})
