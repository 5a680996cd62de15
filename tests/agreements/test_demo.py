from __future__ import annotations

from typing import Any

from workings.agreements import demo, selectors
from workings.agreements.models import Answer, VersionStatus
from workings.core.demo import DemoContext
from workings.projects import demo as projects_demo


def test_demo_agreement(db: Any) -> None:
    ctx = DemoContext()
    projects_demo.build(ctx)
    demo.build(ctx)
    stride = ctx.projects["stride"]
    history = list(selectors.amendment_history(stride))
    assert [v.status for v in history] == [VersionStatus.IN_FORCE, VersionStatus.SUPERSEDED]
    first, second = history[1], history[0]
    assert first.in_force_at.year == 2024 and first.in_force_at.month == 10
    assert second.in_force_at.year == 2025
    reservations = [a for a in selectors.answers_for(first) if a.answer == Answer.RESERVATIONS]
    assert [a.membership.label for a in reservations] == ["Dev Patel"]
    assert selectors.comments_for(first)["payment"][0]["replies"]
    assert selectors.payment_terms_for(stride).payment_days == 14
    assert selectors.procedure_for(stride).independent_person.startswith("Ruth Adeyemi")
