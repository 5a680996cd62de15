"""Contributors' own accounts."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import new


def build(view: Any) -> dict[str, Any]:
    s = new(
        "accounts",
        "Contributors' own accounts",
        "Written by contributors in their own words. Shown in full and unedited.",
    )
    return s
