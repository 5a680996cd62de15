"""What the working record asks of each person, for the home page (core/needs.py):
feedback to answer, their own feedback gone overdue, answers waiting for their verdict, and
decisions recorded in the research areas they gave feedback on that still lack their view.
Four queries whatever the number of projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from workings.core.needs import Need
from workings.record.models import DecisionView, Item, Kind
from workings.record.models.feedback import Outcome
from workings.record.permissions import record_policy

RECENT_DECISIONS = dt.timedelta(days=60)


def _url(item: Item, project: Any) -> str:
    return reverse("record:item", kwargs={"slug": project.slug, "pk": item.pk})


def record_needs(user: Any, projects: Sequence[Any], today: dt.date) -> list[Need]:
    by_id = {p.pk: p for p in projects}
    answerers = [p.pk for p in projects if record_policy.can(user, "respond", p)]
    speakers = [p.pk for p in projects if record_policy.speaks_for_contributors(user, p)]
    needs: list[Need] = []
    feedback = Item.objects.filter(kind=Kind.FEEDBACK).only(
        "pk", "project_id", "title", "due_on", "is_open"
    )
    if answerers:
        for item in feedback.filter(project_id__in=answerers, is_open=True).order_by("due_on"):
            project = by_id[item.project_id]
            late = item.is_overdue(today)
            needs.append(
                Need(
                    title=_("Answer the feedback “%(title)s”") % {"title": item.title},
                    url=_url(item, project),
                    kind="overdue" if late else "answer",
                    project=project,
                    due=item.due_on,
                    overdue=late,
                )
            )
    if speakers:
        mine = feedback.filter(project_id__in=speakers, author=user)
        waiting = mine.filter(
            Q(is_open=True, due_on__lt=today)
            | Q(feedback__answered_at__isnull=False, feedback__satisfaction_at__isnull=True)
            & ~Q(feedback__outcome=Outcome.NOT_YET_DECIDED)
        )
        for item in waiting.order_by("due_on"):
            project = by_id[item.project_id]
            if item.is_open and item.is_overdue(today):
                title = _("Your feedback “%(title)s” has not had its answer in time") % {
                    "title": item.title
                }
                needs.append(
                    Need(title, _url(item, project), "overdue", project, item.due_on, True)
                )
            elif not item.is_open:
                title = _(
                    "Your feedback “%(title)s” was answered: say if the answer satisfies you"
                ) % {"title": item.title}
                needs.append(Need(title, _url(item, project), "reply", project))
        areas = set(mine.exclude(area="").values_list("project_id", "area"))
        if areas:
            area_q = Q(pk__in=[])
            for project_id, area in areas:
                area_q |= Q(project_id=project_id, area=area)
            viewed = DecisionView.objects.filter(
                decision__item=OuterRef("pk"), membership__user=user
            )
            decisions = (
                Item.objects.filter(area_q, kind=Kind.DECISION)
                .filter(occurred_on__gte=today - RECENT_DECISIONS)
                .exclude(Exists(viewed))
                .only("pk", "project_id", "title", "occurred_on")
                .order_by("-occurred_on")
            )
            for item in decisions:
                project = by_id[item.project_id]
                title = _(
                    "A decision was recorded on something you gave feedback on: “%(title)s”"
                ) % {"title": item.title}
                needs.append(Need(title, _url(item, project), "decision", project))
    return needs
