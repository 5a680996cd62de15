"""You said, we did, because."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import new


def build(view: Any) -> dict[str, Any]:
    s = new(
        "feedback",
        "You said, we did, because",
        "Feedback from contributors, what was done with it and why, how long answers took, what is overdue or unanswered, and whether contributors were satisfied.",
    )
    return s
