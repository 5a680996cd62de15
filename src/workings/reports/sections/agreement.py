"""The agreement in force, its amendment history, and every reservation or refusal."""

from __future__ import annotations

from typing import Any

from workings.agreements.snapshots import (
    ANSWER_IN_REPORTS,
    STATUS_IN_REPORTS,
    AgreementSignatureSnapshot,
    AgreementVersionSnapshot,
)
from workings.reports.sections import day, fact, item, member_name, new, table


def build(view: Any) -> dict[str, Any]:
    s = new(
        "agreement",
        "The agreement in force",
        "The involvement agreement everyone signed, how it was amended, and every "
        "reservation or refusal, in the words of the person who gave it.",
    )
    versions = view.read(AgreementVersionSnapshot)
    if not versions:
        return s
    in_force = [(pk, f, seq) for pk, f, seq in versions if f.status == "in_force"]
    table(
        s,
        "Amendment history",
        ["Version", "Status", "Entry"],
        [
            [f.number, STATUS_IN_REPORTS.get(f.status, f.status), f"#{seq}"]
            for _pk, f, seq in sorted(versions, key=lambda r: r[1].number)
        ],
    )
    s["cites"] += [seq for _pk, _f, seq in versions]
    if in_force:
        pk, f, seq = in_force[-1]
        fact(s, "Version in force", f.number)
        for _key, title, text in f.sections():
            if text:
                item(s, title, text, "", [seq])
    else:
        fact(s, "Version in force", "None yet: no version has been signed by every party.")
    numbers = {pk: f.number for pk, f, _ in versions}
    for _pk, sig, seq in view.read(AgreementSignatureSnapshot):
        answer = sig.answer
        if answer == "agree":
            s["cites"].append(seq)
            continue
        item(
            s,
            f"{ANSWER_IN_REPORTS.get(answer, answer)}: {member_name(view, sig.membership)}, "
            f"version {numbers.get(sig.version, '?')}",
            sig.words or "No words were given.",
            f"Answered {day(sig.signed_at)}" if sig.signed_at else "",
            [seq],
        )
    return s
