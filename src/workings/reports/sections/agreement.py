"""The agreement in force, its amendment history, and every reservation or refusal."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import day, fact, item, member_name, new, optional, table

STATUS = {
    "draft": "Draft",
    "proposed": "Proposed for signing",
    "in_force": "In force",
    "superseded": "Was in force; replaced",
    "replaced": "Replaced before coming into force",
}
ANSWERS = {
    "agree": "Agreed",
    "agree_with_reservations": "Agreed with reservations",
    "do_not_agree": "Did not agree",
}


def build(view: Any) -> dict[str, Any]:
    s = new(
        "agreement",
        "The agreement in force",
        "The involvement agreement everyone signed, how it was amended, and every "
        "reservation or refusal, in the words of the person who gave it.",
    )
    versions = view.rows("agreements.agreementversion")
    if not versions:
        return s
    sections_mod = optional("workings.agreements.sections", "SECTION_TITLES")
    titles = sections_mod.SECTION_TITLES if sections_mod else {}
    in_force = [(pk, f, seq) for pk, f, seq in versions if f.get("status") == "in_force"]
    table(
        s,
        "Amendment history",
        ["Version", "Status", "Entry"],
        [
            [f.get("number"), STATUS.get(f.get("status"), f.get("status")), f"#{seq}"]
            for _pk, f, seq in sorted(versions, key=lambda r: r[1].get("number", 0))
        ],
    )
    s["cites"] += [seq for _pk, _f, seq in versions]
    if in_force:
        pk, f, seq = in_force[-1]
        fact(s, "Version in force", f.get("number"))
        content = f.get("content") or {}
        for key, text in (content.get("sections") or {}).items():
            if text:
                item(s, titles.get(key, key.replace("_", " ").capitalize()), text, "", [seq])
    else:
        fact(s, "Version in force", "None yet: no version has been signed by every party.")
    numbers = {pk: f.get("number") for pk, f, _ in versions}
    for _pk, f, seq in view.rows("agreements.agreementsignature"):
        answer = f.get("answer")
        if answer == "agree":
            s["cites"].append(seq)
            continue
        item(
            s,
            f"{ANSWERS.get(answer, answer)}: {member_name(view, f.get('membership'))}, "
            f"version {numbers.get(f.get('version'), '?')}",
            f.get("words") or "No words were given.",
            f"Answered {day(f.get('signed_at'))}" if f.get("signed_at") else "",
            [seq],
        )
    return s
