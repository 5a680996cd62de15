"""People who left, with their reasons where they chose to share them."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import day, item, new, people_names
from workings.reports.sections.people import ROLE_LABELS


def build(view: Any) -> dict[str, Any]:
    s = new(
        "leavers",
        "People who left",
        "Leaving is a right, and it is recorded. A reason appears only if the person gave "
        "one, and never in the public annex.",
    )
    names = people_names(view)
    for _pk, f, seq in view.rows("projects.membership"):
        if not f.get("left_at"):
            continue
        removed = f.get("removed_by") is not None
        how = "was removed by a lead" if removed else "left"
        reason = (f.get("left_reason") or "").strip()
        item(
            s,
            f"{names.get(f.get('user'), 'A member')} ({ROLE_LABELS.get(f.get('role'), '')})",
            reason if reason else "No reason was shared.",
            f"{how.capitalize()} on {day(f.get('left_at'))}",
            [seq],
        )
    return s
