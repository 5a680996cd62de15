"""Contributors' own accounts, in full and unedited."""

from __future__ import annotations

from typing import Any

from workings.record.snapshots import ItemSnapshot
from workings.reports.sections import item, member_name, new


def build(view: Any) -> dict[str, Any]:
    s = new(
        "accounts",
        "Contributors' own accounts",
        "Written by contributors in their own words, which no one else can edit. Shown in full "
        "as last written.",
    )
    for _pk, f, seq in view.read(ItemSnapshot):
        if f.kind != "account":
            continue
        item(
            s,
            f.title or "Own account",
            f.body,
            f"By {member_name(view, f.author_membership)}, {f.occurred_on}",
            [seq],
        )
    return s
