"""Writes for notices: create them (after the concern's transaction commits), send their
e-mails by each person's choice, mark them read, and change the choice.

E-mails carry a title and a link only. Titles are written by the calling app and never hold
confidential content (the concerns app writes neutral titles for anything sealed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from workings.accounts import header
from workings.core import clock
from workings.core.email import email_subject
from workings.core.exceptions import NotFound, ValidationFailed
from workings.notifications.models import EmailState, Mode, Notification, Preference
from workings.projects.permissions import project_policy

DIGEST_EVERY = dt.timedelta(hours=20)


def mode_for(*, user_id: int, project_id: int | None) -> str:
    if project_id is None:
        return Mode.EVERY
    pref = Preference.objects.filter(user_id=user_id, project_id=project_id).first()
    return pref.mode if pref else Mode.EVERY


def _send(address: str, subject: str, body: str) -> None:
    # The bodies are templates (notifications/email/), which add the preferences footer.
    send_mail(
        subject=email_subject(subject, prefix=""),
        message=body,
        from_email=None,
        recipient_list=[address],
    )


def notify(
    *,
    user_ids: Iterable[int],
    project: Any,
    kind: str,
    title: str,
    url: str = "",
    due_on: dt.date | None = None,
    due_to_me: bool = False,
    key: str = "",
    coarse_time: bool = False,
) -> list[Notification]:
    """Create one notice per person (once per key) and e-mail it if their choice says so.

    coarse_time: keep only the day, and leave the e-mail for the daily digest, so that the
    moment an anonymous concern was sent cannot be read from a notice or an e-mail."""
    moment = clock.now()
    if coarse_time:
        moment = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    created = []
    for user_id in sorted(set(user_ids)):
        if key and Notification.objects.filter(user_id=user_id, key=key).exists():
            continue
        mode = mode_for(user_id=user_id, project_id=project.pk if project else None)
        if mode == Mode.DUE and not due_to_me:
            state = EmailState.SKIPPED
        elif mode == Mode.DIGEST or coarse_time:
            state = EmailState.PENDING
        else:
            state = EmailState.SENT
        try:
            with transaction.atomic():
                notice = Notification.objects.create(
                    user_id=user_id,
                    project=project,
                    kind=kind,
                    title=title[:300],
                    url=url,
                    due_on=due_on,
                    due_to_me=due_to_me,
                    key=key,
                    created_at=moment,
                    email_state=state,
                )
        except IntegrityError:
            continue  # another run made it first
        if state == EmailState.SENT:
            _email_one(notice)
        created.append(notice)
    header.bump(n.user_id for n in created)  # their count of new notices changed
    return created


def _email_one(notice: Notification) -> None:
    user = notice.user
    link = f"{settings.SITE_URL}{notice.url}" if notice.url else settings.SITE_URL
    body = render_to_string(
        "notifications/email/notice_body.txt",
        {
            "title": notice.title,
            "due_on": notice.due_on,
            "link": link,
            "site_url": settings.SITE_URL,
        },
    )
    _send(user.email, email_subject(notice.title), body)


def digests_send() -> int:
    """One e-mail per person and project with every notice waiting for the digest, at most
    once a day. Returns how many e-mails were sent."""
    today = clock.today()
    waiting = (
        Notification.objects.filter(email_state=EmailState.PENDING)
        .select_related("user", "project")
        .order_by("user_id", "project_id", "id")
    )
    groups: dict[tuple[int, int | None], list[Notification]] = {}
    for notice in waiting:
        groups.setdefault((notice.user_id, notice.project_id), []).append(notice)
    sent = 0
    for (user_id, project_id), notices in groups.items():
        with transaction.atomic():
            pref = None
            if project_id is not None:
                pref, _created = Preference.objects.select_for_update().get_or_create(
                    user_id=user_id, project_id=project_id
                )
                if pref.last_digest_on == today:
                    continue
            project = notices[0].project
            mail = {
                "notices": notices,
                "project_title": project.title if project else "",
                "site_url": settings.SITE_URL,
            }
            _send(
                notices[0].user.email,
                email_subject(
                    render_to_string("notifications/email/digest_subject.txt", mail).strip()
                ),
                render_to_string("notifications/email/digest_body.txt", mail),
            )
            Notification.objects.filter(pk__in=[n.pk for n in notices]).update(
                email_state=EmailState.SENT
            )
            if pref is not None:
                pref.last_digest_on = today
                pref.save(update_fields=["last_digest_on"])
            sent += 1
    return sent


@transaction.atomic
def notification_mark_read(*, actor: Any, notification_id: int | None = None) -> int:
    """Mark one notice (or, with no id, all of them) as read."""
    notices = Notification.objects.filter(user=actor, read_at__isnull=True)
    if notification_id is not None:
        notices = notices.filter(pk=notification_id)
        if not Notification.objects.filter(user=actor, pk=notification_id).exists():
            raise NotFound(_("We could not find that notice."))
    marked = notices.update(read_at=clock.now())
    if marked:
        header.bump([actor.pk])
    return marked


@transaction.atomic
def preference_set(*, actor: Any, project: Any, mode: str) -> Preference:
    if not project_policy.is_member(actor, project):
        raise NotFound(_("We could not find that project."))
    if mode not in Mode.values:
        raise ValidationFailed(
            _("Choose every notice, a daily digest, or only what is due to you."), field="mode"
        )
    pref, _created = Preference.objects.select_for_update().get_or_create(
        user=actor, project=project
    )
    pref.mode = mode
    pref.save(update_fields=["mode"])
    return pref
