"""The digest: e-mails subscribers the posts published since their last e-mail.

Run by the worker (a django-tasks task, enqueued by `workings send-reminders` through the
reminder hook), in batches: subscribers are read `BATCH` at a time in id order (keyset
pagination, so memory does not grow with their number), each batch's e-mails go out over
one mail connection, and each subscriber's high-water mark (`sent_up_to`) moves only after
their e-mail is sent, so a crash sends nothing twice and loses nothing. "Immediately" means
at the worker's next run; "weekly" at most once every seven days.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.mail import get_connection
from django_tasks import task

from workings.core import clock
from workings.posts import mail, selectors
from workings.posts.models import Frequency, Subscription, SubscriptionState

BATCH = 500
WEEK = dt.timedelta(days=7)


def _due(subscription: Subscription, now: dt.datetime) -> bool:
    if subscription.frequency == Frequency.IMMEDIATELY:
        return True
    last = subscription.sent_up_to or subscription.confirmed_at
    return last is None or now - last >= WEEK


def send_batch(after_id: int, now: dt.datetime, batch: int = BATCH) -> tuple[int, int | None]:
    """(e-mails sent, the last id read, or None when there are no more)."""
    rows = list(
        Subscription.objects.filter(state=SubscriptionState.CONFIRMED, pk__gt=after_id)
        .select_related("project")
        .order_by("pk")[:batch]
    )
    if not rows:
        return 0, None
    sent = 0
    with get_connection() as connection:
        for subscription in rows:
            if not _due(subscription, now):
                continue
            posts = selectors.news_for(subscription, now)
            if not posts:
                continue
            message = mail.news(subscription, posts, selectors.describe(subscription))
            message.connection = connection
            message.send()
            Subscription.objects.filter(pk=subscription.pk).update(
                sent_up_to=max(p.publish_at for p in posts)
            )
            sent += 1
    return sent, rows[-1].pk


def send_digests(batch: int = BATCH) -> int:
    now = clock.now()
    total, after = 0, 0
    while True:
        sent, last = send_batch(after, now, batch)
        if last is None:
            return total
        total, after = total + sent, last


@task()
def send_digests_task() -> int:
    return send_digests()


def digest_reminder(today: Any, notify: Any) -> dict[str, int]:
    """The reminder hook: hand the digest to the worker (in tests it runs at once)."""
    send_digests_task.enqueue()
    return {"post_digests_queued": 1}
