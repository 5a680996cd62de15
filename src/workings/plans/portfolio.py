"""The funder's portfolio column of the plan: how many milestones have slipped (computed
for every listed project in one query; core/portfolio.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from workings.core.portfolio import Column, Figure, slug_url
from workings.plans.models import OPEN_STATUSES, Milestone


def slipped_counts(projects: Sequence[Any], today: dt.date) -> dict[int, Figure]:
    late = Q(slipped_on__isnull=False) | Q(status__in=OPEN_STATUSES, due_on__lt=today)
    rows = (
        Milestone.objects.filter(project__in=[p.pk for p in projects])
        .values("project_id")
        .annotate(total=Count("id"), slipped=Count("id", filter=late))
    )
    slugs = {p.pk: p.slug for p in projects}
    address = slug_url("plans:home")
    return {
        r["project_id"]: Figure(
            value=r["slipped"],
            flagged=r["slipped"] > 0,
            url=address(slugs[r["project_id"]]),
            sort=float(r["slipped"]),
        )
        for r in rows
    }


SLIPPAGE = Column(
    key="milestones_slipped", label=_("Milestones slipped"), compute=slipped_counts, order=60
)
