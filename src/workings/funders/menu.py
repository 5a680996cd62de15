"""The funder's links in the site's main menu (core/nav.py): "Portfolio" for anyone holding
a post in a funder organisation, "Concerns for you" for its reviewers. One query per page,
kept on the user for the request."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workings.core.nav import register_site_link
from workings.funders.models import READER_KINDS, Appointment


def _posts(user: Any) -> list[tuple[str, str]]:
    if "_workings_menu_posts" not in user.__dict__:
        user.__dict__["_workings_menu_posts"] = list(
            Appointment.objects.filter(user=user, ended_at__isnull=True)
            .order_by("organisation__name", "organisation_id")
            .values_list("organisation__slug", "kind")
        )
    return list(user.__dict__["_workings_menu_posts"])


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
