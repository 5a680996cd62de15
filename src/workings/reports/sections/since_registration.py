"""Since registration: what was planned when the annex was registered, against what has
been delivered since."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import fact, item, new


def _plain(etype: str) -> str:
    """The event's plain-English summary ("Feedback given"), not its code."""
    from workings.events import types

    try:
        return types.get(etype).summary
    except ValueError:
        return etype


def build(view: Any) -> dict[str, Any]:
    s = new(
        "since_registration",
        "Since registration",
        "What was planned when an earlier annex was registered (the agreement and milestones "
        "then), against what the record shows has happened since.",
    )
    regs = [
        (pk, f, seq)
        for pk, f, seq in view.rows("reports.registration")
        if f.get("audience") == view.audience and not f.get("withdrawn_at")
    ]
    if not regs:
        s["empty"] = "No earlier annex has been registered for this audience."
        return s
    _pk, f, seq = regs[-1]
    at = int(f.get("checkpoint_size") or 0)
    fact(s, "Registered", f"{str(f.get('registered_at'))[:10]} (permanent link id {f.get('uuid')})")
    fact(s, "Record size then", at)
    fact(s, "Entries recorded since", max(view.size - at, 0))
    s["cites"].append(seq)
    planned = view.rows("agreements.agreementversion") + view.rows("plans.milestone")
    planned_then = [(p, pf, ps) for p, pf, ps in planned if ps < at]
    for _p, pf, ps in planned_then:
        label = pf.get("title") or pf.get("name") or f"Version {pf.get('number', '')}"
        status = pf.get("status") or pf.get("state") or "no status recorded"
        item(s, f"Planned: {label}", f"Now: {status}", "", [ps])
    if not planned_then:
        fact(s, "Agreement and milestones at registration", "Nothing recorded yet.")
    since: dict[str, int] = {}
    for e in view.entries:
        if e.seq >= at:
            since[e.type] = since.get(e.type, 0) + 1
    for etype, n in sorted(since.items()):
        fact(s, f"Delivered since: {_plain(etype)}", n)
    return s
