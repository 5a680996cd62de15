"""The portfolio's "Disputed claims" column: one query for all projects, and only what the
closed requests' public counts say (nothing under three answers)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.verification.helpers import answers, sent
from workings.core.portfolio import portfolio_columns
from workings.verification import services

pytestmark = pytest.mark.django_db


def _column() -> Any:
    return next(c for c in portfolio_columns() if c.key == "disputed_claims")


def test_the_column_counts_disputed_claims_of_closed_requests(
    world: Any, django_assert_num_queries: Any
) -> None:
    request, tokens = sent(world)
    people = world.extra["asked"]
    for person in people[:3]:
        services.answer_as_member(
            actor=person, request=request, answers=answers(request, "dispute")
        )
    services.request_close(actor=world.users["funder"], request=request)
    projects = [world.project, world.other_project]
    with django_assert_num_queries(1):
        figures = _column().compute(projects, dt.date.today())
    figure = figures[world.project.pk]
    assert figure.value == 1 and figure.flagged
    assert figure.url == f"/projects/{world.project.slug}/verification/"
    assert world.other_project.pk not in figures


def test_too_few_answers_count_no_disputes(world: Any) -> None:
    request, _ = sent(world)
    services.answer_as_member(
        actor=world.users["contributor"], request=request, answers=answers(request, "dispute")
    )
    services.request_close(actor=world.users["funder"], request=request)
    figure = _column().compute([world.project], dt.date.today())[world.project.pk]
    assert figure.value == 0 and not figure.flagged
