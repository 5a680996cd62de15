"""Decisions and who shaped them."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import new


def build(view: Any) -> dict[str, Any]:
    s = new(
        "decisions",
        "Decisions and who shaped them",
        "For each research area: the contributor influence the agreement promised against what the record shows. Shortfalls are shown, not hidden.",
    )
    return s
