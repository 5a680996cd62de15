"""Co-owned documents: each document's approval history, its dissent notes in full, and
whether the text submitted with an application was the text its owners approved. Read from
the log through the documents' declared snapshots (documents/snapshots.py)."""

from __future__ import annotations

from typing import Any

from workings.reports.sections import day, item, name_of, new

KINDS = {
    "summary": "Plain-English summary",
    "involvement": "Public involvement section",
    "lay_results": "Lay summary of results",
    "other": "Other document",
}

AS = {"owner": "owner", "cosign": "lead co-signature"}


def build(view: Any) -> dict[str, Any]:
    from workings.documents.snapshots import (
        ApprovalSnapshot,
        DissentSnapshot,
        DocumentSnapshot,
        SubmissionSnapshot,
        VersionSnapshot,
    )

    s = new(
        "documents",
        "Co-owned documents",
        "The documents contributors own (such as the plain-English summary and the "
        "involvement section): who approved each version and when, every dissent note in "
        "full, and whether what was submitted with an application is what the owners approved.",
    )
    documents = view.rows("documents.document")
    if not documents:
        return s
    when = {e.seq: e.recorded_at for e in view.entries}
    versions: dict[int, list[tuple[int, Any, int]]] = {}
    by_version: dict[int, tuple[int, Any]] = {}
    for pk, fields, seq in view.rows("documents.version"):
        snap = VersionSnapshot.read(fields)
        versions.setdefault(snap.document, []).append((pk, snap, seq))
        by_version[pk] = (snap.document, snap)
    approvals: dict[int, list[tuple[Any, int]]] = {}
    for _, fields, seq in view.rows("documents.approval"):
        a = ApprovalSnapshot.read(fields)
        approvals.setdefault(a.of_version, []).append((a, seq))
    dissents: dict[int, list[tuple[Any, int]]] = {}
    for _, fields, seq in view.rows("documents.dissent"):
        d = DissentSnapshot.read(fields)
        dissents.setdefault(d.of_version, []).append((d, seq))
    submissions: dict[int, list[tuple[Any, int]]] = {}
    for _, fields, seq in view.rows("documents.submission"):
        sub = SubmissionSnapshot.read(fields)
        submissions.setdefault(sub.of_version, []).append((sub, seq))

    for doc_pk, fields, doc_seq in documents:
        doc = DocumentSnapshot.read(fields)
        lines: list[str] = []
        cites = [doc_seq]
        rows = sorted(versions.get(doc_pk, []), key=lambda r: r[1].number)
        latest = rows[-1][1].number if rows else 0
        for vpk, v, vseq in rows:
            cites.append(vseq)
            said = [
                f"{name_of(view, a.user)} ({AS.get(a.kind, 'owner')}) on {day(when.get(aseq))}"
                for a, aseq in approvals.get(vpk, [])
            ]
            cites += [aseq for _, aseq in approvals.get(vpk, [])]
            state = "approved" if v.approved else ("waiting" if v.number == latest else "replaced")
            lines.append(
                f"Version {v.number} ({state}): "
                + ("approved by " + "; ".join(said) if said else "no approvals")
                + "."
            )
            for d, dseq in dissents.get(vpk, []):
                cites.append(dseq)
                lines.append(f"Dissent note by {name_of(view, d.user)} on version {v.number}:")
                lines.append(d.text)
            for sub, sseq in submissions.get(vpk, []):
                cites.append(sseq)
                same = "is" if v.approved else "is NOT"
                lines.append(
                    f"Version {v.number} was submitted with “{sub.application}” on "
                    f"{sub.submitted_on}: the text submitted {same} the text its owners approved."
                )
                if latest > v.number:
                    lines.append(
                        f"Changed since it was submitted: versions {v.number + 1} to {latest}."
                    )
        item(
            s,
            _heading(doc.title, str(KINDS.get(doc.kind, doc.kind))),
            "\n\n".join(lines) if lines else "No version yet.",
            f"{len(rows)} version" if len(rows) == 1 else f"{len(rows)} versions",
            cites,
        )
    return s


def _heading(title: str, kind: str) -> str:
    """The document's title, with its kind only where the title does not already say it."""
    return title if title.strip().lower() == kind.strip().lower() else f"{title} ({kind})"
