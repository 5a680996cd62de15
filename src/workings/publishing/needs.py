"""What the publishing app asks of people on their home page: the team's requests to
publish one of their entries (core/needs.py). A contributor who left has no project on
their home page; the notice sent with each request reaches them instead."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from workings.core.needs import Need
from workings.publishing.permissions import publishing_policy
from workings.publishing.selectors import open_requests_for


def publishing_needs(user: Any, projects: Sequence[Any], today: dt.date) -> list[Need]:
    by_id = {p.pk: p for p in projects if publishing_policy.can_consent(user, p)}
    if not by_id:
        return []
    return [
        Need(
            title=_("Say whether entry %(seq)s you wrote may be shown on the public page")
            % {"seq": r.seq},
            url=reverse("publishing:consent-request", args=[by_id[r.project_id].slug, r.pk]),
            kind="answer",
            project=by_id[r.project_id],
        )
        for r in open_requests_for(user=user, project_ids=list(by_id))
    ]


def left_project_links(user: Any, project: Any) -> list[tuple[str, str]]:
    """On "Projects you have left": a former contributor still chooses what of their own
    entries is published."""
    if not publishing_policy.can_consent(user, project):
        return []
    return [
        (
            _("Choose what of your own entries is shown on its public page"),
            reverse("publishing:consent", args=[project.slug]),
        )
    ]
