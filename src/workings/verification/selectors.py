"""Reads for verification requests, each already filtered to what the reader may see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy

from workings.core.portfolio import Column, Figure
from workings.projects.models import Project
from workings.projects.selectors import credited_names
from workings.verification.models import (
    Answer,
    Claim,
    Response,
    Result,
    Status,
    VerificationRequest,
)
from workings.verification.permissions import verification_policy


def request_list(*, user: Any, project: Project) -> list[VerificationRequest]:
    """Newest first. Drafts only for the funder's reviewers, who prepare them."""
    rows = VerificationRequest.objects.filter(project=project).select_related("result")
    if not verification_policy.can_manage(user, project):
        rows = rows.exclude(status=Status.DRAFT)
    return list(rows.order_by("-id")[:100])


def claims_of(request: VerificationRequest) -> list[Claim]:
    return list(request.claims.filter(removed=False).order_by("number"))


@dataclass(frozen=True)
class Rate:
    asked: int
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.asked) if self.asked else 0


def response_rate(request: VerificationRequest) -> Rate:
    """How many were asked and how many answered: for the funder while the request is
    open (counts only; never who)."""
    return Rate(request.recipients.count(), request.responses.count())


def result_of(request: VerificationRequest) -> Result | None:
    return Result.objects.filter(request=request).first()


@dataclass(frozen=True)
class ResponseView:
    """One person's answers as the funder reads them: named, or "Anonymous"."""

    who: str
    anonymous: bool
    answers: list[Answer]


def responses_for_funder(request: VerificationRequest) -> list[ResponseView]:
    """Every response, named ones first by name, then the anonymous ones. Never in the
    order they came (that order could tell who an anonymous one was)."""
    names = credited_names(project=request.project)
    rows = Response.objects.filter(request=request).prefetch_related("answers__claim")
    named, anonymous = [], []
    for response in rows:
        answers = sorted(response.answers.all(), key=lambda a: a.claim.number)
        if response.person_id is None:
            anonymous.append(ResponseView("", True, answers))
        else:
            named.append(ResponseView(names.get(response.person_id, ""), False, answers))
    named.sort(key=lambda r: r.who.lower())
    anonymous.sort(key=lambda r: [(a.claim.number, a.choice, a.comment) for a in r.answers])
    return named + anonymous


def disputed_by_project(project_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """project id -> (disputed claims in closed requests shown, closed requests). One query."""
    out: dict[int, tuple[int, int]] = {}
    rows = Result.objects.filter(request__project_id__in=list(project_ids)).values_list(
        "request__project_id", "disputed", "shown"
    )
    for project_id, disputed, shown in rows:
        claims, closed = out.get(project_id, (0, 0))
        out[project_id] = (claims + (len(disputed) if shown else 0), closed + 1)
    return out


def _disputed_figures(projects: Sequence[Any], today: dt.date) -> dict[int, Figure]:
    figures = {}
    for project_id, (claims, _closed) in disputed_by_project([p.pk for p in projects]).items():
        slug = next(p.slug for p in projects if p.pk == project_id)
        figures[project_id] = Figure(
            value=claims,
            flagged=claims > 0,
            url=reverse("verification:list", args=[slug]),
            sort=float(claims),
        )
    return figures


def disputed_claims_column() -> Column:
    return Column(
        key="disputed_claims",
        label=gettext_lazy("Disputed claims"),
        compute=_disputed_figures,
        order=60,
    )
