"""What people are told when a request is sent or they are reminded. Current contributors
get a notice (and an e-mail if their choice says so); a former contributor, who has no
access to the project any more, gets an e-mail with a one-time link. Sent after commit."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.email import email_subject
from workings.core.notify import notify


def _tell_current(request: Any, recipients: list[Any], *, reminder: bool) -> None:
    users = [r.user_id for r in recipients if not r.former]
    if not users:
        return
    title = (
        _("Reminder: please check the claims about your involvement in “%(title)s” by %(day)s")
        if reminder
        else _(
            "The funder asks you to check claims about your involvement in “%(title)s” by %(day)s"
        )
    ) % {"title": request.project.title, "day": date_format(request.deadline, "j F")}
    key = f"verification:{request.pk}:" + (f"reminder:{clock.today()}" if reminder else "sent")
    notify(
        user_ids=users,
        project=request.project,
        kind="verification.asked",
        title=title,
        url=reverse("verification:answer", args=[request.project.slug, request.pk]),
        due_on=request.deadline,
        due_to_me=True,
        key=key,
    )


def _mail_former(
    request: Any, recipients: list[Any], tokens: dict[int, str], *, reminder: bool
) -> None:
    for recipient in recipients:
        raw = tokens.get(recipient.user_id)
        if not recipient.former or not raw:
            continue
        mail = {
            "title": request.project.title,
            "deadline": date_format(request.deadline, "j F Y"),
            "link": f"{settings.SITE_URL}{reverse('verification:link', args=[raw])}",
            "reminder": reminder,
        }
        address = recipient.user.email
        transaction.on_commit(
            lambda mail=mail, address=address: send_mail(
                subject=email_subject(
                    render_to_string("verification/email/link_subject.txt", mail).strip()
                ),
                message=render_to_string("verification/email/link_body.txt", mail),
                from_email=None,
                recipient_list=[address],
            )
        )


def on_sent(request: Any, recipients: list[Any], tokens: dict[int, str]) -> None:
    _tell_current(request, recipients, reminder=False)
    _mail_former(request, recipients, tokens, reminder=False)


def on_reminded(request: Any, recipients: list[Any], tokens: dict[int, str]) -> None:
    _tell_current(request, recipients, reminder=True)
    _mail_former(request, recipients, tokens, reminder=True)
