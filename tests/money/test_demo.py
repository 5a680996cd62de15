from __future__ import annotations

from typing import Any

from workings.agreements import demo as agreements_demo
from workings.core.demo import DemoContext
from workings.funders import demo as funders_demo
from workings.money import demo
from workings.money.models import BudgetLine, Claim, Offer
from workings.projects import demo as projects_demo
from workings.record import demo as record_demo


def test_the_demo_has_a_three_year_budget_paid_and_late_claims_and_a_waived_offer(db: Any) -> None:
    ctx = DemoContext()
    for module in (projects_demo, funders_demo, agreements_demo, record_demo, demo):
        module.build(ctx)
    stride = ctx.projects["stride"]
    assert sorted(
        set(BudgetLine.objects.filter(project=stride).values_list("year", flat=True))
    ) == [
        2024,
        2025,
        2026,
    ]
    paid = Claim.objects.filter(project=stride, status="paid")
    assert paid.count() == 2
    assert [c.paid_on > c.due_on for c in paid.order_by("paid_on")] == [False, True]
    assert Offer.objects.filter(project=stride, status="waived").count() == 1
    assert Claim.objects.filter(project=stride, expenses__receipt_type="application/pdf").exists()
