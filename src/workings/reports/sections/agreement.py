"""The agreement in force."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import new


def build(view: Any) -> dict[str, Any]:
    s = new(
        "agreement",
        "The agreement in force",
        "The involvement agreement everyone signed, how it was amended, and every reservation or refusal.",
    )
    return s
