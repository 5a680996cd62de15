"""Reads of audits: the list, each side's totals against the Standards (never one person's
answers), findings with their actions, and when the next scheduled audit falls due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Max, QuerySet

from workings.audits.models import Audit, AuditStatus, Finding, SelfAssessment, Side
from workings.audits.schedule import next_due
from workings.audits.standards import FEWEST_SHOWN, QUESTIONS, Standard


def audit_list(*, project: Any) -> QuerySet[Audit]:
    return Audit.objects.filter(project=project).order_by("-number")


def open_audit(project: Any) -> Audit | None:
    return Audit.objects.filter(project=project, status=AuditStatus.OPEN).first()


def next_scheduled(project: Any) -> dt.date:
    last = Audit.objects.filter(project=project).aggregate(d=Max("opened_on"))["d"]
    return next_due(project, last)


def has_answered(audit: Audit, membership_id: int | None) -> bool:
    return bool(
        membership_id
        and SelfAssessment.objects.filter(audit=audit, membership_id=membership_id).exists()
    )


@dataclass(frozen=True)
class StandardTotals:
    key: str
    label: str
    question: str
    contributors: Decimal | None  # the side's average, None when too few answered
    researchers: Decimal | None

    @property
    def gap(self) -> Decimal | None:
        if self.contributors is None or self.researchers is None:
            return None
        return self.contributors - self.researchers


@dataclass(frozen=True)
class Totals:
    answers: dict[str, int]  # side -> how many answered
    rows: list[StandardTotals]

    def shown(self, side: str) -> bool:
        return self.answers.get(side, 0) >= FEWEST_SHOWN


def _mean(values: list[int]) -> Decimal:
    return (Decimal(sum(values)) / Decimal(len(values))).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


def side_totals(audit: Audit) -> Totals:
    """Each side's average rating per standard (one query). A side with fewer than three
    answers shows no figure at all: "too few to show"."""
    by_side: dict[str, list[dict[str, int]]] = {Side.CONTRIBUTORS: [], Side.RESEARCHERS: []}
    for side, ratings in SelfAssessment.objects.filter(audit=audit).values_list("side", "ratings"):
        by_side.setdefault(side, []).append(ratings)
    answers = {side: len(rows) for side, rows in by_side.items()}

    def avg(side: str, key: str) -> Decimal | None:
        rows = by_side.get(side, [])
        if len(rows) < FEWEST_SHOWN:
            return None
        return _mean([int(r.get(key, 0)) for r in rows])

    return Totals(
        answers=answers,
        rows=[
            StandardTotals(
                key=s.value,
                label=str(s.label),
                question=str(QUESTIONS[s]),
                contributors=avg(Side.CONTRIBUTORS, s.value),
                researchers=avg(Side.RESEARCHERS, s.value),
            )
            for s in Standard
        ],
    )


def findings_of(audit: Audit) -> QuerySet[Finding]:
    return audit.findings.select_related("action").order_by("id")
