"""What the plan asks of each person, for the home page (core/needs.py): their own
milestones gone past their due day, and draft minutes waiting for their comment (for
contributors, while comments are open and until they have commented). Two queries whatever
the number of projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.core.needs import Need
from workings.plans.models import OPEN_STATUSES, Milestone, Minutes, MinutesComment, MinutesStatus
from workings.plans.permissions import plans_policy


def plans_needs(user: Any, projects: Sequence[Any], today: dt.date) -> list[Need]:
    by_id = {p.pk: p for p in projects}
    readers = [p.pk for p in projects if plans_policy.can_view(user, p)]
    commenters = [p.pk for p in projects if plans_policy.can_comment_minutes(user, p)]
    needs: list[Need] = []
    if readers:
        late = (
            Milestone.objects.filter(
                project_id__in=readers,
                owner__user=user,
                owner__left_at__isnull=True,
                status__in=OPEN_STATUSES,
                due_on__lt=today,
            )
            .only("pk", "project_id", "title", "due_on")
            .order_by("due_on", "id")
        )
        for m in late:
            project = by_id[m.project_id]
            needs.append(
                Need(
                    title=_("Your milestone “%(title)s” is past its due date") % {"title": m.title},
                    url=reverse("plans:milestone", args=[project.slug, m.pk]),
                    kind="overdue",
                    project=project,
                    due=m.due_on,
                    overdue=True,
                )
            )
    if commenters:
        mine = MinutesComment.objects.filter(minutes=OuterRef("pk"), author__user=user)
        drafts = (
            Minutes.objects.filter(
                project_id__in=commenters,
                status=MinutesStatus.DRAFT,
                comments_until__gte=today,
            )
            .exclude(Exists(mine))
            .only("pk", "project_id", "title", "comments_until")
            .order_by("comments_until", "id")
        )
        for minutes in drafts:
            project = by_id[minutes.project_id]
            needs.append(
                Need(
                    title=_("Comment on the draft minutes “%(title)s” by %(day)s")
                    % {
                        "title": minutes.title,
                        "day": date_format(minutes.comments_until, "j F Y"),
                    },
                    url=reverse("plans:minutes", args=[project.slug, minutes.pk]),
                    kind="review",
                    project=project,
                    due=minutes.comments_until,
                )
            )
    return needs
