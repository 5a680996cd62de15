"""The funder's links in the site's main menu (core/nav.py): "Portfolio" for anyone holding
a post in a funder organisation, "Concerns for you" for its reviewers. No query on most
pages: the posts are kept per process under the person's header stamp."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workings.accounts import header
from workings.core.nav import register_site_link
from workings.funders.models import READER_KINDS, Appointment


def _posts(user: Any) -> list[tuple[str, str]]:
    def current() -> list[tuple[str, str]]:
        return list(
            Appointment.objects.filter(user=user, ended_at__isnull=True)
            .order_by("organisation__name", "organisation_id")
            .values_list("organisation__slug", "kind")
        )

    # Kept under the person's header stamp, which funders/services.py raises whenever a
    # post is given or ended (accounts/header.py).
    return list(header.remember(user, "funder_posts", current))


def portfolio_url(user: Any) -> str | None:
    slugs = list(dict.fromkeys(slug for slug, _kind in _posts(user)))
    if not slugs:
        return None
    if len(slugs) == 1:
        return reverse("funders:portfolio", args=[slugs[0]])
    return reverse("funders:list")


def inbox_url(user: Any) -> str | None:
    if any(kind in READER_KINDS for _slug, kind in _posts(user)):
        return reverse("concerns:inbox")
    return None


def register() -> None:
    register_site_link(_("Portfolio"), portfolio_url, 10)
    register_site_link(_("Concerns for you"), inbox_url, 20)
