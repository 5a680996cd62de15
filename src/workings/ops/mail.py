"""E-mail goes through a queue: `QueueBackend` (settings.EMAIL_BACKEND) writes each message
as an OutgoingMail row in the caller's transaction and asks a worker to deliver it once that
transaction commits. The worker sends it with the real backend (WORKINGS_MAIL_BACKEND).

Exactly once, as far as a mail server allows: a worker claims a row with one conditional
UPDATE (state waiting, not claimed in the last WORKINGS_MAIL_CLAIM_SECONDS), sends it,
then marks it sent. Two workers never both win a claim. A worker killed between the mail
server accepting the message and the row being marked sent leaves a claim that expires, and
the message is sent again with the same Message-ID (receiving servers may drop it): that
window is the only way to get a message twice; no crash loses one. See docs/decisions/deployment.md.
"""

from __future__ import annotations

import datetime as dt
import email
import time
from collections.abc import Sequence
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage
from django.db import DatabaseError, connections, transaction
from django.db.models import F
from django.utils import timezone

from workings.ops.models import OutgoingMail

MAX_ATTEMPTS = 8


def claim_for() -> dt.timedelta:
    """How long a claim lasts: a worker that dies while sending is retried after it."""
    return dt.timedelta(seconds=settings.WORKINGS_MAIL_CLAIM_SECONDS)


def _retry_after(attempts: int) -> dt.timedelta:
    return dt.timedelta(minutes=min(2**attempts, 240))


class QueueBackend(BaseEmailBackend):
    """Queues instead of sending: nothing leaves the machine inside a request."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        count = 0
        for message in email_messages:
            recipients = list(message.recipients())
            if not recipients:
                continue
            with transaction.atomic():
                row = OutgoingMail.objects.create(
                    sender=str(message.from_email or settings.DEFAULT_FROM_EMAIL),
                    recipients=recipients,
                    message=message.message().as_bytes(),
                )
                transaction.on_commit(partial(_enqueue, row.pk))
            count += 1
        return count


def _enqueue(mail_id: int) -> None:
    from workings.ops.tasks import deliver_mail

    try:
        deliver_mail.enqueue(mail_id)
    except Exception:  # noqa: BLE001 - the periodic sweep delivers it anyway
        return


class _RawMessage:
    """The stored message, shaped as Django's backends read a message."""

    def __init__(self, raw: bytes) -> None:
        self._raw = raw.replace(b"\r\n", b"\n")
        self._parsed = email.message_from_bytes(self._raw)

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        return self._raw.replace(b"\n", linesep.encode())

    def as_string(self, unixfrom: bool = False, linesep: str = "\n") -> str:
        return self.as_bytes(linesep=linesep).decode("utf-8", "replace")

    def get_charset(self) -> None:
        return None

    def __getitem__(self, name: str) -> Any:
        return self._parsed[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self._parsed.get(name, default)


class StoredMessage(EmailMessage):
    def __init__(self, row: OutgoingMail) -> None:
        super().__init__(from_email=row.sender, to=list(row.recipients))
        self.raw = bytes(row.message)
        self.subject = str(_RawMessage(self.raw).get("Subject", ""))

    def message(self, *args: Any, **kwargs: Any) -> Any:
        return _RawMessage(self.raw)

    def recipients(self) -> list[str]:
        return list(self.to)


def _claim(mail_id: int | None) -> OutgoingMail | None:
    now = timezone.now()
    waiting = OutgoingMail.objects.filter(
        state=OutgoingMail.State.WAITING, next_try_at__lte=now
    ).order_by("id")
    candidates = waiting.filter(pk=mail_id) if mail_id is not None else waiting
    for pk in candidates.values_list("pk", flat=True)[:20]:
        won = waiting.filter(pk=pk).update(
            next_try_at=now + claim_for(), attempts=F("attempts") + 1
        )
        if won:
            return OutgoingMail.objects.get(pk=pk)
    return None


def deliver_one(mail_id: int | None = None) -> bool | None:
    """Claim one waiting message and send it. True sent, False failed (retried later),
    None when there was nothing to claim."""
    row = _claim(mail_id)
    if row is None:
        return None
    try:
        connection = get_connection(settings.WORKINGS_MAIL_BACKEND, fail_silently=False)
        connection.send_messages([StoredMessage(row)])
    except Exception as error:  # noqa: BLE001 - any failure is kept and retried
        state = (
            OutgoingMail.State.FAILED
            if row.attempts >= MAX_ATTEMPTS
            else OutgoingMail.State.WAITING
        )
        OutgoingMail.objects.filter(pk=row.pk).update(
            state=state,
            next_try_at=timezone.now() + _retry_after(row.attempts),
            last_error=f"{type(error).__name__}: {error}"[:300],
        )
        return False
    _mark_sent(row.pk)
    return True


def _mark_sent(mail_id: int) -> None:
    """Record the sending, riding out a database restart: if this were lost, the claim would
    expire and the message go out twice. Tries for about 20 seconds (claims last longer)."""
    for attempt in range(12):
        try:
            OutgoingMail.objects.filter(pk=mail_id).update(
                state=OutgoingMail.State.SENT, sent_at=timezone.now()
            )
            return
        except DatabaseError:
            if attempt == 11:
                raise
            for conn in connections.all():
                conn.close()
            time.sleep(min(0.25 * 2**attempt, 4.0))


def deliver_waiting(limit: int = 500) -> int:
    """Send what is waiting (the periodic sweep). Returns how many were sent."""
    sent = 0
    for _ in range(limit):
        outcome = deliver_one()
        if outcome is None:
            break
        sent += int(outcome)
    return sent
