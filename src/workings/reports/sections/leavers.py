"""People who left, with their reasons where they chose to share them."""

from __future__ import annotations

from typing import Any

from workings.projects.snapshots import MembershipSnapshot
from workings.reports.sections import day, item, new, people_names


def build(view: Any) -> dict[str, Any]:
    s = new(
        "leavers",
        "People who left",
        "Leaving is a right, and it is recorded. A reason appears only if the person gave "
        "one, and never in the public annex.",
    )
    names = people_names(view)
    roles = MembershipSnapshot.labels("role")
    for _pk, f, seq in view.read(MembershipSnapshot):
        if not f.left_at:
            continue
        how = "was removed by a lead" if f.removed_by is not None else "left"
        reason = f.left_reason.strip()
        item(
            s,
            f"{names.get(f.user, 'A member')} ({roles.get(f.role, '')})",
            reason if reason else "No reason was shared.",
            f"{how.capitalize()} on {day(f.left_at)}",
            [seq],
        )
    return s
