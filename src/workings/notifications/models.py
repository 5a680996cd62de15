"""In-app notices ("what needs me") and each person's per-project choice of e-mails.

A notice holds a title and a link, never a concern's content: the page behind the link
decides what the reader may see.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Mode(models.TextChoices):
    EVERY = "every", _("Every notice, as it happens")
    DIGEST = "digest", _("One daily digest")
    DUE = "due", _("Only what is due to me (deadlines I must meet)")


class EmailState(models.TextChoices):
    PENDING = "pending", _("Waiting for the digest")
    SENT = "sent", _("Sent")
    SKIPPED = "skipped", _("Not e-mailed (your choice)")


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    due_on = models.DateField(null=True, blank=True)
    due_to_me = models.BooleanField(default=False)
    # Deduplicates scheduled reminders, so send-reminders can run as often as you like.
    key = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    email_state = models.CharField(
        max_length=20, choices=EmailState.choices, default=EmailState.PENDING
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~Q(key=""), name="notification_key_once"
            )
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences"
    )
    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="+")
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.EVERY)
    last_digest_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "project"], name="one_preference_per_project")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} / {self.project_id}: {self.mode}"
