"""Concerns: how they were raised and how they ended. For confidential and anonymous
concerns only the mode, stages reached, how long they took and the outcome: never their
subject, text or raiser. The team and public annexes never read sealed entries at all."""

from __future__ import annotations

from collections import Counter
from typing import Any

from workings.concerns.snapshots import ConcernSnapshot
from workings.reports.sections import fact, item, new, optional, table

STILL_OPEN = "Still open"  # a concern with no outcome yet


def build(view: Any) -> dict[str, Any]:
    s = new(
        "concerns",
        "Concerns",
        "Concerns raised and how they ended. Confidential and anonymous concerns are shown "
        "only by how they were raised, how far they went, how long they took and their "
        "outcome.",
    )
    modes = ConcernSnapshot.labels("mode")
    outcomes = {**ConcernSnapshot.labels("outcome"), "": STILL_OPEN}
    selectors = optional("workings.concerns.selectors", "closed_concern_counts")
    if selectors is not None:
        closed = selectors.closed_concern_counts(view.project)
        counts = Counter((c["mode"], c["outcome"]) for c in closed)
        table(
            s,
            "Closed concerns (today), by how raised and outcome",
            ["How raised", "Outcome", "Number", "Average days open"],
            [
                [
                    modes.get(mode, mode),
                    outcomes.get(outcome, outcome),
                    n,
                    round(
                        sum(
                            c["days_open"]
                            for c in closed
                            if (c["mode"], c["outcome"]) == (mode, outcome)
                        )
                        / n
                    ),
                ]
                for (mode, outcome), n in sorted(counts.items())
            ],
        )
    if view.audience == "public":
        return s
    rows = view.read(ConcernSnapshot)
    for _pk, f, seq in rows:
        mode = f.mode
        stages = f.stages
        stage_index = f.stage_index
        stage = stages[stage_index]["name"] if stage_index < len(stages) else "?"
        meta = (
            f"{modes.get(mode, mode)}; raised {f.raised_on[:10]}; "
            f"stage: {stage}; status: {f.status}; "
            f"outcome: {outcomes.get(f.outcome or '', f.outcome)}"
        )
        if mode == "open":
            item(s, f.subject or "Concern", f.what_happened, meta, [seq])
        else:
            # Sealed (funder audience only): the entry is proven, its content withheld.
            view.redact(*(hs for _f, hs in view.history["concerns.concern"][_pk]))
            item(s, f"A {modes.get(mode, mode).lower()} concern", "", meta, [seq])
    if rows:
        fact(s, "Concerns in the record", len(rows))
    return s
