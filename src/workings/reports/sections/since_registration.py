"""Since registration: what was planned when the annex was registered, against what has
been delivered since."""

from __future__ import annotations

from typing import Any

from workings.agreements.snapshots import AgreementVersionSnapshot
from workings.events.snapshots import snapshot_type
from workings.reports.sections import fact, item, new
from workings.reports.snapshots import RegistrationSnapshot


def _plain(etype: str) -> str:
    """The event's plain-English summary ("Feedback given"), not its code."""
    from workings.events import types

    try:
        return types.get(etype).summary
    except ValueError:
        return etype


def _milestones(view: Any) -> list[tuple[str, str, int]]:
    """(name, status, seq) of each milestone, once an app declares milestone snapshots
    (with a `title` and a `status`); nothing before."""
    kind = snapshot_type("plans.milestone")
    if kind is None:
        return []
    return [
        (str(getattr(m, "title", "") or "Milestone"), str(getattr(m, "status", "")), seq)
        for _p, m, seq in view.read(kind)
    ]


def build(view: Any) -> dict[str, Any]:
    s = new(
        "since_registration",
        "Since registration",
        "What was planned when an earlier annex was registered (the agreement and milestones "
        "then), against what the record shows has happened since.",
    )
    regs = [
        (pk, f, seq)
        for pk, f, seq in view.read(RegistrationSnapshot)
        if f.audience == view.audience and not f.withdrawn_at
    ]
    if not regs:
        s["empty"] = "No earlier annex has been registered for this audience."
        return s
    _pk, f, seq = regs[-1]
    at = f.checkpoint_size
    fact(s, "Registered", f"{f.registered_at[:10]} (permanent link id {f.uuid})")
    fact(s, "Record size then", at)
    fact(s, "Entries recorded since", max(view.size - at, 0))
    s["cites"].append(seq)
    planned = [
        (f"Version {v.number}", v.status, vseq)
        for _p, v, vseq in view.read(AgreementVersionSnapshot)
    ] + _milestones(view)
    planned_then = [(name, status, ps) for name, status, ps in planned if ps < at]
    for name, status, ps in planned_then:
        item(s, f"Planned: {name}", f"Now: {status or 'no status recorded'}", "", [ps])
    if not planned_then:
        fact(s, "Agreement and milestones at registration", "Nothing recorded yet.")
    since: dict[str, int] = {}
    for e in view.entries:
        if e.seq >= at:
            since[e.type] = since.get(e.type, 0) + 1
    for etype, n in sorted(since.items()):
        fact(s, f"Delivered since: {_plain(etype)}", n)
    return s
