"""Right of reply: who added a statement (shown unedited), who declined, who did not answer."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import fact, item, name_of, new
from workings.reports.snapshots import ReplyAnswerSnapshot, ReplyRoundSnapshot


def build(view: Any) -> dict[str, Any]:
    s = new(
        "reply",
        "Right of reply",
        "Before this annex was issued, every current contributor was offered a set number of "
        "days to add a statement. Statements appear exactly as written.",
    )
    rounds = view.read(ReplyRoundSnapshot)
    if not rounds:
        return s
    rid, rf, rseq = rounds[-1]  # the latest round covered by the checkpoint
    answers = {f.user: (f, seq) for _pk, f, seq in view.read(ReplyAnswerSnapshot) if f.round == rid}
    fact(s, "Purpose", rf.purpose)
    fact(s, "Window", f"{rf.opened_on} to {rf.closes_on} (inclusive)")
    invited = list(rf.invited)
    kinds = {u: a.kind for u, (a, _seq) in answers.items()}
    replied = [u for u in invited if kinds.get(u) == "reply"]
    declined = [u for u in invited if kinds.get(u) == "decline"]
    silent = [u for u in invited if u not in answers]
    fact(s, "Offered the right of reply", len(invited))
    fact(s, "Replied", ", ".join(name_of(view, u) for u in replied) or "nobody")
    fact(s, "Declined", ", ".join(name_of(view, u) for u in declined) or "nobody")
    fact(s, "Did not answer", ", ".join(name_of(view, u) for u in silent) or "nobody")
    s["cites"].append(rseq)
    for u in replied:
        f, seq = answers[u]
        item(
            s,
            f"Statement by {name_of(view, u)}",
            f.statement,
            f"Added {f.answered_at[:10]}",
            [seq],
        )
    for u in declined:
        s["cites"].append(answers[u][1])
    return s
