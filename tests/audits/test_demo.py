"""The demo's plan and audit: milestones over three years with one slipped and one tied pair
out of order, the training log, and a signed audit with both sides' self-assessments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.audits import selectors
from workings.audits.models import Audit
from workings.core.demo import build_demo
from workings.events.audit import verify_project
from workings.plans import selectors as plan_selectors
from workings.plans.models import Milestone, Training


def test_the_demo_plan_and_audit(db: Any) -> None:
    ctx = build_demo()
    stride = ctx.projects["stride"]
    milestones = plan_selectors.milestone_list(project=stride)
    kinds = {m.kind for m in milestones}
    assert kinds == {"research", "involvement", "action"}
    assert min(m.due_on for m in milestones).year == 2024
    assert max(m.due_on for m in milestones).year == 2027
    found = plan_selectors.flags(milestones, dt.date(2026, 12, 1))
    slipped = [m.title for m in milestones if m.pk in found.slipped]
    assert slipped == ["Recruitment complete: 300 participants"]
    assert [(r.title, i.title) for r, i in found.ties] == [
        ("Recruitment opens in three stroke units", "Contributors shape the recruitment leaflet")
    ]
    assert Training.objects.filter(project=stride).count() == 6
    audit = Audit.objects.get(project=stride)
    assert audit.status == "signed" and audit.kind == "scheduled"
    totals = selectors.side_totals(audit)
    assert totals.answers == {"contributors": 4, "researchers": 3}
    governance = next(r for r in totals.rows if r.key == "governance")
    assert str(governance.contributors) == "2.0" and str(governance.researchers) == "3.7"
    assert audit.findings.count() == 2
    assert Milestone.objects.filter(project=stride, kind="action", status="done").count() == 1
    assert verify_project(stride).ok
