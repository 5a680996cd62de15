"""What concerns ask of each person, for the home page (core/needs.py): concerns at a stage
they must act on, and a response to a concern they raised. Titles never carry what a sealed
concern says. One query whatever the number of projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from workings.concerns.models import Concern, Mode, Status
from workings.concerns.permissions import concern_policy
from workings.core.needs import Need


def _what(concern: Concern) -> str:
    if concern.mode == Mode.OPEN:
        return _("the concern “%(subject)s”") % {"subject": concern.subject}
    if concern.mode == Mode.ANONYMOUS:
        return _("an anonymous concern")
    return _("a confidential concern")


def concern_needs(user: Any, projects: Sequence[Any], today: dt.date) -> list[Need]:
    by_id = {p.pk: p for p in projects}
    concerns = Concern.objects.filter(project_id__in=list(by_id)).exclude(status=Status.CLOSED)
    needs = []
    for concern in concerns.order_by("raised_on", "id"):
        concern.project = by_id[concern.project_id]
        if not concern_policy.can_view(user, concern):
            continue
        url = reverse("concerns:detail", args=[concern.project.slug, concern.pk])
        if concern.status == Status.AWAITING and concern_policy.must_act(user, concern):
            due = concern.stage_due_on
            late = due < today
            needs.append(
                Need(
                    title=_("Respond to %(what)s") % {"what": _what(concern)},
                    url=url,
                    kind="overdue" if late else "concern",
                    project=concern.project,
                    due=due,
                    overdue=late,
                )
            )
        elif concern.status == Status.RESPONDED and concern_policy.is_raiser(user, concern):
            needs.append(
                Need(
                    title=_("There is a response to %(what)s you raised")
                    % {"what": _what(concern)},
                    url=url,
                    kind="reply",
                    project=concern.project,
                )
            )
    return needs
