"""Who was involved: roles, numbers and how each person wished to be credited."""

from __future__ import annotations

from collections import Counter
from typing import Any

from workings.projects.snapshots import CREDIT_IN_REPORTS, MembershipSnapshot
from workings.reports.sections import day, fact, new, people_names, table


def build(view: Any) -> dict[str, Any]:
    s = new(
        "people",
        "Who was involved",
        "Everyone who has been a member, with the role they held and how they asked to be "
        "credited. People who chose to stay anonymous are counted, never named.",
    )
    rows = view.read(MembershipSnapshot)
    roles = MembershipSnapshot.labels("role")
    names = people_names(view)
    by_role: Counter[str] = Counter()
    left: Counter[str] = Counter()
    credits: Counter[str] = Counter()
    listed = []
    for _pk, f, seq in rows:
        role = f.role
        by_role[role] += 1
        credits[f.credit] += 1
        if f.left_at:
            left[role] += 1
        if f.credit != "anonymous":
            listed.append(
                [
                    names.get(f.user, "A member"),
                    roles.get(role, role),
                    CREDIT_IN_REPORTS.get(f.credit, ""),
                    f"left {day(f.left_at)}" if f.left_at else "current",
                    f"#{seq}",
                ]
            )
        s["cites"].append(seq)
        # Membership entries carry names and invitation addresses: their content is shown
        # only where everyone named may be named (never for the anonymous, never publicly).
        if view.audience == "public" or f.credit == "anonymous":
            view.redact(*(hs for _f, hs in view.history["projects.membership"][_pk]))
    if not rows:
        return s
    for role, label in roles.items():
        if by_role[role]:
            extra = f" ({left[role]} left)" if left[role] else ""
            fact(s, label + "s", f"{by_role[role]}{extra}")
    fact(
        s,
        "Credit wishes",
        ", ".join(f"{credits[c]} {CREDIT_IN_REPORTS[c]}" for c in CREDIT_IN_REPORTS if credits[c]),
    )
    table(s, "People named in this annex", ["Name", "Role", "Credited", "Status", "Entry"], listed)
    return s
