"""The co-production annex as plain data (schema workings-annex/1, see docs/annex-schema.md).

build() reads the ledger up to a checkpoint once, runs every section builder over it, and
lists each entry the sections cite with its leaf, its inclusion proof to the checkpoint and,
where this audience may read it, its content and salt, so the annex verifies offline.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise

from workings.core import clock
from workings.core.i18n import in_record_language
from workings.ledger.checkpoint import sign_note
from workings.reports import ledger_view
from workings.reports.ledger_view import b64
from workings.reports.sections import build_all
from workings.verifier.annex import signature_body

SCHEMA = "workings-annex/1"
TEMPLATE_VERSION = 1
AUDIENCE_LABELS = {
    "public": "the public",
    "team": "the project team and contributors",
    "funder": "the funder's reviewers",
}


def _plain(value: Any) -> Any:
    """Sections may take labels from model choices, which are lazy translations: resolve them
    now (in the record's language), since the signed text is canonical JSON of plain values."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value


@in_record_language()
def build(
    *,
    project: Any,
    audience: str,
    checkpoint_size: int | None = None,
    proofs: bool = True,
    progress: Any = None,
) -> dict[str, Any]:
    from workings.events.keys import signer_key, verifier_key

    if audience not in ledger_view.AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    view = ledger_view.load(project=project, audience=audience, checkpoint_size=checkpoint_size)
    if progress:
        progress(30, "Read the record")
    sections = _plain(build_all(view))
    if progress:
        progress(50, "Built the sections")
    cp = view.checkpoint
    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "template_version": TEMPLATE_VERSION,
        "title": f"Co-production annex: {project.title}",
        "project": {
            "slug": project.slug,
            "title": project.title,
            "funder": project.funder_name,
            "funder_reference": project.funder_reference,
        },
        "audience": audience,
        "audience_label": AUDIENCE_LABELS[audience],
        "generated_at": clock.now().isoformat(),
        "checkpoint": {
            "origin": view.log.origin,
            "size": int(cp.size),
            "root": b64(cp.root),
            "note": cp.note,
        },
        "verifier_key": verifier_key(),
        "sections": sections,
        "entries": [],
    }
    # The log key signs the heading and every section, so an edited sentence is caught.
    doc["signature"] = {"note": sign_note(signature_body(doc), signer_key())}
    cited = sorted(view.cited)
    proof_map = view.proofs(cited) if proofs else {}
    by_seq = {e.seq: e for e in view.entries}
    for seq in cited:
        e = by_seq[seq]
        hidden = seq in view.redacted
        doc["entries"].append(
            {
                "seq": seq,
                "type": e.type,
                "leaf": b64(e.leaf),
                "sealed": e.sealed,
                "erased": e.erased,
                "withheld": e.withheld or (hidden and e.content is not None),
                "content": None if hidden else e.content,
                "salt": None if hidden else b64(e.salt),
                "proof": [b64(h) for h in proof_map.get(seq, [])] if proofs else None,
            }
        )
        if not hidden and e.members_content is not None:
            # The member part's pieces (team and funder annexes only, never an e-mail
            # address): each opens the hash the content carries for it under "members".
            doc["entries"][-1]["members_content"] = e.members_content
    return doc
