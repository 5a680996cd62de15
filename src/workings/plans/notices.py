"""Who hears of a slipped milestone or a broken tie: the project's leads, its public
contributors and the funder's reviewers (core/notify.py: plans never imports notifications).
The daily slippage run is registered as a reminder provider in apps.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.core.notify import notify
from workings.plans.models import Milestone
from workings.projects.models import Membership
from workings.projects.permissions import project_policy
from workings.projects.roles import Role


def told(project: Any) -> set[int]:
    """The leads, the contributors and the funder's reviewers of the project."""
    members = Membership.objects.filter(
        project=project, role__in=[Role.LEAD, Role.CONTRIBUTOR], left_at__isnull=True
    ).values_list("user_id", flat=True)
    return set(members) | project_policy.reviewer_ids(project)


def slipped(milestone: Milestone, people: set[int], send: Any = notify) -> int:
    made = send(
        user_ids=people,
        project=milestone.project,
        kind="plans.milestone_slipped",
        title=_("A milestone has slipped: “%(title)s” was due on %(day)s and is not done")
        % {"title": milestone.title, "day": date_format(milestone.due_on, "j F Y")},
        url=milestone.get_absolute_url(),
        key=f"plans-milestone:{milestone.pk}:slipped",
    )
    return len(made)


def tie_broken(milestone: Milestone, behind: list[Milestone]) -> None:
    """A research milestone was marked done while an involvement milestone tied to it is not."""
    notify(
        user_ids=told(milestone.project),
        project=milestone.project,
        kind="plans.tie_broken",
        title=_(
            "“%(research)s” was marked done before the involvement tied to it: “%(involvement)s”"
        )
        % {"research": milestone.title, "involvement": behind[0].title},
        url=milestone.get_absolute_url(),
        key=f"plans-milestone:{milestone.pk}:tie-broken",
    )


def slippage_reminders(today: dt.date, send: Any) -> dict[str, int]:
    """The reminder provider: each open milestone past its due day is recorded as slipped
    (once) and the leads, contributors and funder's reviewers are told (once each)."""
    from workings.plans.services import milestone_slip_record

    late = (
        Milestone.objects.filter(
            status__in=["planned", "under_way"], due_on__lt=today, slipped_on__isnull=True
        )
        .select_related("project")
        .order_by("id")
    )
    people: dict[int, set[int]] = {}
    sent = 0
    for milestone in late.iterator():
        if not milestone_slip_record(milestone=milestone, today=today):
            continue
        if milestone.project_id not in people:
            people[milestone.project_id] = told(milestone.project)
        sent += slipped(milestone, people[milestone.project_id], send)
    return {"milestones_slipped": sent}
