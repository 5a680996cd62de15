"""The e-mails a subscriber gets. Every one after the confirmation carries the RFC 8058
one-click unsubscribe headers: `List-Unsubscribe` with the private HTTPS link and
`List-Unsubscribe-Post: List-Unsubscribe=One-Click`, so a mail program's "unsubscribe"
button ends the subscription with one POST and no page to fill in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from workings.core.email import email_subject
from workings.posts import guards


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def unsubscribe_url(subscription: Any) -> str:
    return absolute(
        reverse("posts:unsubscribe", kwargs={"token": guards.manage_token(subscription)})
    )


def list_headers(subscription: Any) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def confirmation(subscription: Any, what: str) -> EmailMessage:
    context = {
        "what": what,
        "confirm_url": absolute(
            reverse("posts:confirm", kwargs={"token": guards.confirm_token(subscription)})
        ),
    }
    return EmailMessage(
        subject=email_subject(render_to_string("posts/email/confirm_subject.txt", context).strip()),
        body=render_to_string("posts/email/confirm_body.txt", context),
        to=[subscription.email],
    )


def news(subscription: Any, posts: Sequence[Any], what: str) -> EmailMessage:
    context = {
        "what": what,
        "posts": [(p, absolute(p.url)) for p in posts],
        "manage_url": absolute(
            reverse("posts:subscription", kwargs={"token": guards.manage_token(subscription)})
        ),
        "unsubscribe_url": unsubscribe_url(subscription),
    }
    return EmailMessage(
        subject=email_subject(render_to_string("posts/email/news_subject.txt", context).strip()),
        body=render_to_string("posts/email/news_body.txt", context),
        to=[subscription.email],
        headers=list_headers(subscription),
    )
