"""Audits of involvement: each audit's figures from the record (mapped to the UK Standards
for Public Involvement), its findings and actions, and who signed it and when. Members and
the funder's annex only: audits are members' entries. One person's self-assessment is
sealed and never shown; the section gives each side's number of answers only."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import fact, item, new, optional, table


def build(view: Any) -> dict[str, Any]:
    s = new(
        "audits",
        "Audits of involvement",
        "Audits look at how involvement went, with figures counted from this record and "
        "mapped to the six UK Standards for Public Involvement. Contributors and the research "
        "team each rated the project privately; the funder's reviewer signed each audit.",
    )
    snapshots = optional("workings.audits.snapshots", "AuditSnapshot", "FindingSnapshot")
    figures = optional("workings.audits.figures", "describe")
    if snapshots is None or figures is None:
        return s
    audits = view.read(snapshots.AuditSnapshot)
    findings = view.read(snapshots.FindingSnapshot)
    if audits:
        fact(s, "Audits", len(audits))
    for pk, audit, seq in audits:
        signed = f"signed on {audit.signed_on}" if audit.signed_on else "not signed yet"
        item(
            s,
            f"Audit {audit.number} ({audit.kind.replace('_', ' ')}), opened {audit.opened_on}",
            audit.statement,
            signed,
            cites=[seq],
        )
        rows = []
        for figure in audit.figures:
            d = figures.describe(figure)
            rows.append([d.label, d.sentence, ", ".join(label for _k, label in d.standards)])
        table(
            s,
            f"Audit {audit.number}: figures from the record",
            ["What", "Figure", "Standards"],
            rows,
        )
        mine = [(f, fseq) for _fpk, f, fseq in findings if f.audit == pk]
        table(
            s,
            f"Audit {audit.number}: findings",
            ["Standard", "Finding"],
            [[f.standard.replace("_", " "), f.text] for f, _fseq in mine],
        )
        s["cites"] += [fseq for _f, fseq in mine]
    return s
