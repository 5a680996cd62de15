"""Who hears about each step of a concern, and the neutral words they are told.

Titles never carry what a sealed concern says, and nothing reaches the team about a
sealed concern until a reviewer has involved them with a summary the raiser approved.
Notices are created after the concern's transaction commits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.urls import reverse

from workings.accounts.models import User
from workings.concerns.models import Concern, Mode
from workings.concerns.permissions import HANDLER_ROLES
from workings.concerns.procedure import SITE, site_reviewer_emails
from workings.core.notify import notify
from workings.projects.models import Membership
from workings.projects.permissions import project_policy
from workings.projects.roles import Role

TEAM = (Role.LEAD, Role.RESEARCHER)


def members(concern: Concern, roles: tuple[str, ...]) -> set[int]:
    """The ids of the concern's project's current members who hold one of ``roles``."""
    return set(
        Membership.objects.filter(
            project_id=concern.project_id, role__in=roles, left_at__isnull=True
        ).values_list("user_id", flat=True)
    )


def reviewers(concern: Concern) -> set[int]:
    if concern.route == SITE:
        emails = site_reviewer_emails()
        return (
            set(User.objects.filter(email__in=emails).values_list("pk", flat=True))
            if emails
            else set()
        )
    return project_policy.reviewer_ids(concern.project)


def handlers(concern: Concern) -> set[int]:
    """The people who must act at the current stage (ConcernPolicy.must_act asks the same
    of one person)."""
    roles = HANDLER_ROLES.get(concern.handler_role)
    return reviewers(concern) if roles is None else members(concern, tuple(roles))


def audience(concern: Concern) -> set[int]:
    """Everyone who may see the concern (open: all members; sealed: raiser and reviewers,
    plus the team once involved)."""
    if concern.mode == Mode.OPEN:
        people = members(concern, tuple(Role.values)) | project_policy.reviewer_ids(concern.project)
    else:
        people = reviewers(concern)
        if concern.team_involved:
            people |= members(concern, TEAM)
    if concern.raised_by_id:
        people.add(concern.raised_by_id)
    return people


def url(concern: Concern) -> str:
    return reverse("concerns:detail", args=[concern.project.slug, concern.pk])


def label(concern: Concern) -> str:
    if concern.mode == Mode.OPEN:
        return f"the concern “{concern.subject}” in {concern.project.title}"
    if concern.mode == Mode.ANONYMOUS:
        return f"an anonymous concern in {concern.project.title}"
    return f"a {concern.get_mode_display().lower()} concern in {concern.project.title}"


def later(
    concern: Concern,
    user_ids: set[int],
    *,
    kind: str,
    title: str,
    exclude: int | None = None,
    due_on: dt.date | None = None,
    due_to: set[int] | None = None,
    key: str = "",
) -> None:
    """Queue a notice for after commit. due_to: who among them it is due to."""
    ids = {u for u in user_ids if u != exclude}
    due_ids = (due_to or set()) & ids
    coarse = concern.mode == Mode.ANONYMOUS
    project, link = concern.project, url(concern)

    def send() -> None:
        common: dict[str, Any] = {
            "project": project,
            "kind": kind,
            "title": title,
            "url": link,
            "due_on": due_on,
            "coarse_time": coarse,
        }
        if due_ids:
            notify(user_ids=due_ids, due_to_me=True, key=f"{key}:due" if key else "", **common)
        if ids - due_ids:
            notify(user_ids=ids - due_ids, key=key, **common)

    transaction.on_commit(send)
