from __future__ import annotations

from typing import Any

from workings.agreements import demo as agreements_demo
from workings.concerns import demo
from workings.concerns.models import Concern
from workings.core.demo import DemoContext
from workings.events.models import Entry
from workings.funders import demo as funders_demo
from workings.projects import demo as projects_demo


def test_demo_concerns(db: Any, capsys: Any) -> None:
    ctx = DemoContext()
    projects_demo.build(ctx)
    funders_demo.build(ctx)
    agreements_demo.build(ctx)
    demo.build(ctx)
    stride = ctx.projects["stride"]
    by_mode = {c.mode: c for c in Concern.objects.filter(project=stride)}
    assert by_mode["open"].outcome == "resolved" and by_mode["open"].highest_stage_reached == 0
    assert by_mode["confidential"].handler_role == "funder"
    assert by_mode["confidential"].highest_stage_reached == 1
    assert by_mode["anonymous"].is_open and by_mode["anonymous"].raised_by is None
    assert Entry.objects.filter(log__project=stride, sealed=True).count() >= 4
    assert "-" not in capsys.readouterr().out  # no receipt code printed
