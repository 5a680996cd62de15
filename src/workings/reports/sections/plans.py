"""Milestones, budget and payments."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import new


def build(view: Any) -> dict[str, Any]:
    s = new(
        "plans",
        "Milestones, budget and payments",
        "Milestones, the involvement budget, payments to contributors and funder verification results.",
    )
    return s
