"""The header's "What needs you" count and the reviewer's link, on every page for a
signed-in person. Lazy: a page that does not show the header pays nothing; one that does
pays one count query (the unread notices) the first time after the count changed, and
none after (accounts/header.py)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from workings.accounts import header
from workings.notifications.models import Notification


def needs_header(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def unread() -> int:
        # Kept under the person's header stamp, raised whenever a notice of theirs is made
        # or read (services.py), so most pages ask no query for it.
        return header.remember(
            user,
            "unread",
            lambda: Notification.objects.filter(user=user, read_at__isnull=True).count(),
        )

    def reviews() -> bool:
        from workings.notifications.home import reviews_concerns

        return reviews_concerns(user)

    return {
        "header_unread": SimpleLazyObject(unread),
        "header_reviews": SimpleLazyObject(reviews),
    }
