"""Verification requests: what contributors, current and former, said of the claims made
about their involvement. Read from the closed requests' public entries (verification/
snapshots.py): counts only, and only where at least three people answered; the disputed
claims with the comments their authors allowed to be shown. Never who said what."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import day, fact, item, new


def build(view: Any) -> dict[str, Any]:
    from workings.verification.snapshots import RequestSnapshot, ResultSnapshot

    s = new(
        "verification",
        "Claims checked with contributors",
        "The funder asked every current and former contributor whether the claims made about "
        "their involvement were right. Each answered privately; only totals are shown, and "
        "only where at least three people answered.",
    )
    results = view.read(ResultSnapshot)
    if not results:
        return s
    disputed_total = 0
    for _pk, result, seq in results:
        found = view.latest(RequestSnapshot, result.request)
        request = found[0] if found else RequestSnapshot()
        title = request.title or "A verification request"
        meta = f"Closed on {day(request.closed_on)}; {result.answered} of {result.asked} answered"
        if not result.shown:
            item(s, title, "Too few answers to show.", meta, [seq])
            continue
        lines = []
        for row in result.counts:
            lines.append(
                f"Claim {row.get('claim')}: {row.get('confirm', 0)} yes, "
                f"{row.get('partly', 0)} partly, {row.get('dispute', 0)} no, "
                f"{row.get('unsure', 0)} don't know."
            )
        for d in result.disputed:
            disputed_total += 1
            lines.append(f"Disputed: “{d.get('text', '')}” ({d.get('dispute', 0)} said no).")
            lines += [f"A contributor wrote: “{c}”" for c in d.get("comments", [])]
        item(s, title, "\n".join(lines), meta, [seq])
    fact(s, "Disputed claims", disputed_total)
    return s
