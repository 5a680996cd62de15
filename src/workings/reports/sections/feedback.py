"""You said, we did, because: answers, response times, overdue and unanswered items."""

from __future__ import annotations

import datetime as dt
from statistics import median
from typing import Any

from workings.reports.sections import fact, item, member_name, new

OUTCOMES = {
    "adopted": "Adopted",
    "partly_adopted": "Partly adopted",
    "not_adopted": "Not adopted",
    "not_yet_decided": "Not yet decided",
}
MAX_ITEMS = 500


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def build(view: Any) -> dict[str, Any]:
    s = new(
        "feedback",
        "You said, we did, because",
        "Feedback from contributors, what was done with it and why, how long answers took, "
        "what is overdue or unanswered, and whether contributors were satisfied.",
    )
    rows = view.rows("record.feedback")
    if not rows:
        return s
    items = view.state.get("record.item", {})
    # Overdue as of the checkpoint: the time of its last entry, not today.
    as_of = view.entries[-1].recorded_at.date() if view.entries else dt.date.min
    days, unanswered, overdue, satisfied, unsatisfied = [], 0, 0, 0, 0
    for n, (_pk, f, seq) in enumerate(rows):
        it, iseq = items.get(f.get("item"), ({}, seq))
        said_on = _date(it.get("occurred_on"))
        answered = _date(f.get("answered_at"))
        due = _date(it.get("due_on"))
        if answered and said_on:
            days.append((answered - said_on).days)
        elif not answered:
            unanswered += 1
            overdue += bool(due and due < as_of)
        if f.get("satisfied") is True:
            satisfied += 1
        elif f.get("satisfied") is False:
            unsatisfied += 1
        if n >= MAX_ITEMS:
            continue
        parts = [f"You said: {it.get('body') or it.get('title', '')}"]
        if answered:
            parts.append(f"We did: {f.get('what_done', '')}")
            parts.append(f"Because: {f.get('why', '')}")
        else:
            parts.append("Not answered yet" + (f" (was due {due})" if due and due < as_of else ""))
        if f.get("satisfied") is not None:
            parts.append(
                ("Satisfied" if f["satisfied"] else "Not satisfied")
                + (f": {f['satisfaction_why']}" if f.get("satisfaction_why") else "")
            )
        item(
            s,
            it.get("title", "Feedback"),
            "\n\n".join(parts),
            f"From {member_name(view, it.get('author_membership'))}"
            f"{' on behalf of ' + f['on_behalf_of'] if f.get('on_behalf_of') else ''}, "
            f"{it.get('occurred_on', '')}; outcome: "
            f"{OUTCOMES.get(f.get('outcome') or '', 'none yet')}",
            [seq, iseq],
        )
    fact(s, "Feedback items", len(rows))
    fact(s, "Answered", len(days))
    # "7", not the "7.0" statistics.median gives for an even count; "7.5" stays.
    fact(s, "Median days to an answer", f"{median(days):g}" if days else "no answers yet")
    fact(s, "Unanswered", unanswered)
    fact(s, "Unanswered and overdue", overdue)
    fact(s, "Contributors satisfied / not satisfied", f"{satisfied} / {unsatisfied}")
    if len(rows) > MAX_ITEMS:
        fact(s, "Items not listed here (counted above)", len(rows) - MAX_ITEMS)
    return s
