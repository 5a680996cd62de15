"""The outgoing-mail queue: nothing is sent inside a request, each message is delivered
once by whichever worker claims it, a failure is retried, a dead worker's claim expires."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from typing import Any

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from workings.ops import mail as queue
from workings.ops.models import OutgoingMail

pytestmark = pytest.mark.django_db

QUEUED = override_settings(
    EMAIL_BACKEND="workings.ops.mail.QueueBackend",
    WORKINGS_MAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)


def _queue_only(monkeypatch: Any) -> None:
    """No delivery task after commit: what a request does on the real site."""
    monkeypatch.setattr(queue, "_enqueue", lambda mail_id: None)


@QUEUED
def test_sending_only_queues_and_the_worker_delivers_once(monkeypatch: Any) -> None:
    _queue_only(monkeypatch)
    send_mail("Your meeting", "See you on Tuesday.", None, ["ann@example.org"])
    row = OutgoingMail.objects.get()
    assert row.state == "waiting" and row.recipients == ["ann@example.org"]
    assert mail.outbox == []  # nothing left the machine
    assert queue.deliver_one() is True
    assert queue.deliver_one() is None  # nothing left to claim
    assert queue.deliver_waiting() == 0
    assert len(mail.outbox) == 1
    raw = mail.outbox[0].message().as_bytes()
    assert b"Subject: Your meeting" in raw and b"See you on Tuesday." in raw
    row.refresh_from_db()
    assert row.state == "sent" and row.sent_at is not None and row.attempts == 1


@QUEUED
def test_a_rolled_back_transaction_queues_nothing(monkeypatch: Any) -> None:
    _queue_only(monkeypatch)
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Never", "Rolled back.", None, ["ann@example.org"])
        raise RuntimeError
    assert OutgoingMail.objects.count() == 0


@QUEUED
def test_the_delivery_task_runs_after_commit(django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Hello", "After commit.", None, ["bob@example.org"])
        assert mail.outbox == []
    # Tests run tasks at once (the immediate backend) once the transaction commits.
    assert [m.subject for m in mail.outbox] == ["Hello"]
    assert OutgoingMail.objects.get().state == "sent"


@QUEUED
def test_a_claimed_message_is_not_sent_by_a_second_worker(monkeypatch: Any) -> None:
    _queue_only(monkeypatch)
    send_mail("Once", "Only once.", None, ["ann@example.org"])
    row = OutgoingMail.objects.get()
    # Another worker claimed it a moment ago and is sending it.
    OutgoingMail.objects.filter(pk=row.pk).update(next_try_at=timezone.now() + dt.timedelta(60))
    assert queue.deliver_one() is None
    assert queue.deliver_one(row.pk) is None
    assert mail.outbox == []


@QUEUED
def test_a_dead_workers_claim_expires_and_the_message_is_sent(monkeypatch: Any) -> None:
    _queue_only(monkeypatch)
    send_mail("Late", "Still arrives.", None, ["ann@example.org"])
    OutgoingMail.objects.update(attempts=1, next_try_at=timezone.now() - dt.timedelta(seconds=1))
    assert queue.deliver_waiting() == 1
    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.get().attempts == 2


@QUEUED
def test_a_failing_mail_server_is_retried_later_then_given_up(monkeypatch: Any) -> None:
    _queue_only(monkeypatch)
    send_mail("Retry", "Try again.", None, ["ann@example.org"])
    with override_settings(WORKINGS_MAIL_BACKEND="tests.ops.test_mail.BrokenBackend"):
        assert queue.deliver_one() is False
    row = OutgoingMail.objects.get()
    assert row.state == "waiting" and "ConnectionRefusedError" in row.last_error
    assert row.next_try_at > timezone.now()
    assert queue.deliver_one() is None  # not before its time
    OutgoingMail.objects.update(next_try_at=timezone.now(), attempts=queue.MAX_ATTEMPTS - 1)
    with override_settings(WORKINGS_MAIL_BACKEND="tests.ops.test_mail.BrokenBackend"):
        assert queue.deliver_one() is False
    assert OutgoingMail.objects.get().state == "failed"
    assert mail.outbox == []


class BrokenBackend:
    def __init__(self, **kwargs: Any) -> None:
        pass

    def send_messages(self, messages: Any) -> int:
        raise ConnectionRefusedError("no mail server")


def test_production_settings_queue_mail() -> None:
    import os
    import subprocess
    import sys

    code = (
        "from django.conf import settings; "
        "print(settings.EMAIL_BACKEND, settings.WORKINGS_MAIL_BACKEND)"
    )
    env = {**os.environ, "WORKINGS_ENV": "production", "SECRET_KEY": "x" * 60}
    env.pop("WORKINGS_MAIL_QUEUE", None)
    env["DJANGO_SETTINGS_MODULE"] = "workings.settings"
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == ["workings.ops.mail.QueueBackend", "workings.core.email.SMTPUTF8EmailBackend"]


@QUEUED
def test_non_ascii_messages_and_addresses_go_through_unchanged(monkeypatch: Any) -> None:
    _queue_only(monkeypatch)
    send_mail("Cyfarfod ŵ – café", "Diolch yn fawr – ŵ ŷ é.", None, ["jöran@example.de"])
    assert queue.deliver_waiting() == 1
    (sent,) = mail.outbox
    assert sent.recipients() == ["jöran@example.de"]
    parsed = email.message_from_bytes(sent.message().as_bytes(), policy=email.policy.default)
    assert parsed["Subject"] == "Cyfarfod ŵ – café"
    assert parsed.get_content().strip() == "Diolch yn fawr – ŵ ŷ é."
