"""You said, we did, because: answers, response times, overdue and unanswered items."""

from __future__ import annotations

import datetime as dt
from statistics import median
from typing import Any

from workings.record.snapshots import FeedbackSnapshot, ItemSnapshot
from workings.reports.sections import fact, item, member_name, new

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
    rows = view.read(FeedbackSnapshot)
    if not rows:
        return s
    outcomes = FeedbackSnapshot.labels("outcome")
    # Overdue as of the checkpoint: the time of its last entry, not today.
    as_of = view.entries[-1].recorded_at.date() if view.entries else dt.date.min
    days, unanswered, overdue, satisfied, unsatisfied = [], 0, 0, 0, 0
    for n, (_pk, f, seq) in enumerate(rows):
        found = view.latest(ItemSnapshot, f.item)
        it, iseq = found if found else (None, seq)
        said_on = _date(it.occurred_on if it else None)
        answered = _date(f.answered_at)
        due = _date(it.due_on if it else None)
        if answered and said_on:
            days.append((answered - said_on).days)
        elif not answered:
            unanswered += 1
            overdue += bool(due and due < as_of)
        if f.satisfied is True:
            satisfied += 1
        elif f.satisfied is False:
            unsatisfied += 1
        if n >= MAX_ITEMS:
            continue
        parts = [f"You said: {(it.body or it.title) if it else ''}"]
        if answered:
            parts.append(f"We did: {f.what_done}")
            parts.append(f"Because: {f.why}")
        else:
            parts.append("Not answered yet" + (f" (was due {due})" if due and due < as_of else ""))
        if f.satisfied is not None:
            parts.append(
                ("Satisfied" if f.satisfied else "Not satisfied")
                + (f": {f.satisfaction_why}" if f.satisfaction_why else "")
            )
        item(
            s,
            it.title if it else "Feedback",
            "\n\n".join(parts),
            f"From {member_name(view, it.author_membership if it else None)}"
            f"{' on behalf of ' + f.on_behalf_of if f.on_behalf_of else ''}, "
            f"{it.occurred_on if it else ''}; outcome: "
            f"{outcomes.get(f.outcome or '', 'none yet')}",
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
