"""Disagreements and compromises."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import new


def build(view: Any) -> dict[str, Any]:
    s = new(
        "disagreements",
        "Disagreements and compromises",
        "Each side's position in its own words, and how it ended.",
    )
    return s
