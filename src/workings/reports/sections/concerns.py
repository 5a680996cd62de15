"""Concerns."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import new


def build(view: Any) -> dict[str, Any]:
    s = new(
        "concerns",
        "Concerns",
        "Concerns raised and how they ended.",
    )
    return s
