"""The outgoing-mail queue and the periodic jobs' lease rows."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class OutgoingMail(models.Model):
    """One e-mail, as it will be sent (the whole message), written in the transaction that
    decided to send it and delivered by a worker, never inside a request."""

    class State(models.TextChoices):
        WAITING = "waiting", "waiting"
        SENT = "sent", "sent"
        FAILED = "failed", "failed"

    created_at = models.DateTimeField(default=timezone.now)
    sender = models.CharField(max_length=400)
    recipients = models.JSONField(default=list)
    message = models.BinaryField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_try_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "next_try_at"], name="outgoing_mail_waiting")]

    def __str__(self) -> str:
        return f"mail {self.pk} ({self.state})"


class JobLease(models.Model):
    """One row per periodic job. A worker runs the job only after winning the row with one
    conditional UPDATE, so two workers never run the same job at once, nor twice per
    interval."""

    name = models.CharField(max_length=60, primary_key=True)
    next_run_at = models.DateTimeField(default=timezone.now)
    held_until = models.DateTimeField(null=True, blank=True)
    holder = models.CharField(max_length=120, blank=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    runs = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return self.name
