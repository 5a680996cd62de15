"""Who was involved: roles, numbers and how each person wished to be credited."""

from __future__ import annotations

from collections import Counter
from typing import Any

from workings.reports.sections import day, fact, new, people_names, table

ROLE_LABELS = {
    "lead": "Lead",
    "researcher": "Researcher",
    "contributor": "Public contributor",
    "funder": "Funder reviewer",
    "observer": "Observer",
}
CREDIT_LABELS = {
    "name": "by name",
    "pseudonym": "by pseudonym",
    "anonymous": "counted, not named",
}


def build(view: Any) -> dict[str, Any]:
    s = new(
        "people",
        "Who was involved",
        "Everyone who has been a member, with the role they held and how they asked to be "
        "credited. People who chose to stay anonymous are counted, never named.",
    )
    rows = view.rows("projects.membership")
    names = people_names(view)
    by_role: Counter[str] = Counter()
    left: Counter[str] = Counter()
    credits: Counter[str] = Counter()
    listed = []
    for _pk, f, seq in rows:
        role = f.get("role", "")
        by_role[role] += 1
        credits[f.get("credit", "name")] += 1
        if f.get("left_at"):
            left[role] += 1
        if f.get("credit") != "anonymous":
            listed.append(
                [
                    names.get(f.get("user"), "A member"),
                    ROLE_LABELS.get(role, role),
                    CREDIT_LABELS.get(f.get("credit", "name"), ""),
                    f"left {day(f.get('left_at'))}" if f.get("left_at") else "current",
                    f"#{seq}",
                ]
            )
        s["cites"].append(seq)
        # Membership entries carry names and invitation addresses: their content is shown
        # only where everyone named may be named (never for the anonymous, never publicly).
        if view.audience == "public" or f.get("credit") == "anonymous":
            view.redact(*(hs for _f, hs in view.history["projects.membership"][_pk]))
    if not rows:
        return s
    for role, label in ROLE_LABELS.items():
        if by_role[role]:
            extra = f" ({left[role]} left)" if left[role] else ""
            fact(s, label + "s", f"{by_role[role]}{extra}")
    fact(
        s,
        "Credit wishes",
        ", ".join(f"{credits[c]} {CREDIT_LABELS[c]}" for c in CREDIT_LABELS if credits[c]),
    )
    table(s, "People named in this annex", ["Name", "Role", "Credited", "Status", "Entry"], listed)
    return s
