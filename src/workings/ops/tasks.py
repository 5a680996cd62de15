"""The worker's tasks (django-tasks, database queue)."""

from __future__ import annotations

from django_tasks import task

from workings.ops.mail import deliver_one


@task()
def deliver_mail(mail_id: int) -> bool:
    """Deliver one queued e-mail (a no-op if another worker or the sweep already did)."""
    return bool(deliver_one(mail_id))
