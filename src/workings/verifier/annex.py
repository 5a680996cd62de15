"""Offline check of a co-production annex (JSON, or a PDF carrying annex.json inside).

    workings verify-annex FILE --key KEY

Checks, with nothing but the file and the log's verifier key: the checkpoint's signature;
that every cited entry's leaf is in the tree the checkpoint describes (inclusion proof);
that every content shown matches the commitment in its leaf; and that every entry a section
cites is in the annex. Each failure is reported in plain English, saying where it is; the
command line (``cli``) prints them and exits 1, or 0 when the annex is genuine. Pure Python:
no Django.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workings.ledger.canonical import canonical_json
from workings.ledger.checkpoint import CheckpointError, NoteError, parse_checkpoint, verify_note
from workings.ledger.entry import LeafError, check_content, decode_leaf
from workings.ledger.hashing import leaf_hash
from workings.ledger.merkle import verify_inclusion

__all__ = ["SCHEMAS", "AnnexReport", "load_annex", "signature_body", "verify_annex"]

SCHEMAS = ("workings-annex/1",)
SIGNED_HEAD = ("title", "project", "audience", "audience_label")


def _digest(obj: Any) -> str:
    return base64.b64encode(hashlib.sha256(canonical_json(obj)).digest()).decode("ascii")


def signature_body(doc: dict[str, Any]) -> str:
    """The text the log key signs for an annex: its schema, log, size and audience, then one
    digest for the heading fields and one per section, so an edit to any sentence of any
    section is caught and located. Its first line is never a log origin, so the note cannot
    be mistaken for a checkpoint."""
    cp = doc["checkpoint"]
    lines = [
        str(doc["schema"]),
        str(cp["origin"]),
        str(cp["size"]),
        str(doc["audience"]),
        "head " + _digest({k: doc.get(k) for k in SIGNED_HEAD}),
    ]
    for sec in doc["sections"]:
        lines.append(f"section {sec['id']} {_digest(sec)}")
    return "\n".join(lines) + "\n"


@dataclass
class AnnexReport:
    failures: list[str] = field(default_factory=list)
    entries_checked: int = 0
    contents_checked: int = 0
    size: int | None = None

    @property
    def ok(self) -> bool:
        return not self.failures

    def fail(self, where: str, what: str) -> None:
        self.failures.append(f"{where}: {what}")

    def summary(self) -> str:
        if self.ok:
            return (
                f"OK: the annex is genuine. Checkpoint of {self.size} entries signed by the key "
                f"you trust; {self.entries_checked} cited entries proven in the log, "
                f"{self.contents_checked} contents match their commitments."
            )
        lines = [f"FAILED: {len(self.failures)} problem(s) found."]
        lines += [f"  - {f}" for f in self.failures]
        return "\n".join(lines)


def _b64(value: Any) -> bytes | None:
    if not isinstance(value, str):
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None


def verify_annex(doc: Any, verifier_key: str) -> AnnexReport:
    """Check a parsed annex against the trusted key. Never raises on bad data."""
    report = AnnexReport()
    if not isinstance(doc, dict):
        report.fail("file", "this is not an annex (expected a JSON object)")
        return report
    if doc.get("schema") not in SCHEMAS:
        report.fail("file", f"unknown schema {doc.get('schema')!r}; expected {SCHEMAS[0]}")
        return report
    cp_doc = doc.get("checkpoint")
    note = cp_doc.get("note") if isinstance(cp_doc, dict) else None
    if not isinstance(note, str):
        report.fail("checkpoint", "the annex has no signed checkpoint note")
        return report
    try:
        text = verify_note(note, [verifier_key])
        cp = parse_checkpoint(text)
    except NoteError as exc:
        reason = str(exc)
        if reason == "no signature from a known key":
            reason = "it is not signed by the key you trust (signed by another key?)"
        report.fail("checkpoint", f"the signature does not verify: {reason}")
        return report
    except CheckpointError as exc:
        report.fail("checkpoint", str(exc))
        return report
    report.size = cp.size
    claimed_size = cp_doc.get("size") if isinstance(cp_doc, dict) else None
    if claimed_size != cp.size:
        report.fail(
            "checkpoint", f"the annex says size {claimed_size} but the signed note says {cp.size}"
        )
    entries = doc.get("entries")
    if not isinstance(entries, list):
        report.fail("entries", "the annex has no list of cited entries")
        return report
    seen: set[int] = set()
    for i, raw in enumerate(entries):
        _check_entry(raw, i, cp.origin, cp.size, cp.root, report, seen)
    sections = doc.get("sections")
    if not isinstance(sections, list):
        report.fail("sections", "the annex has no sections")
        return report
    _check_signature(doc, verifier_key, report)
    for sec in sections:
        name = sec.get("id", "?") if isinstance(sec, dict) else "?"
        cites = sec.get("cites", []) if isinstance(sec, dict) else []
        items = sec.get("items", []) if isinstance(sec, dict) else []
        all_cites = list(cites) if isinstance(cites, list) else []
        for it in items if isinstance(items, list) else []:
            if isinstance(it, dict) and isinstance(it.get("cites"), list):
                all_cites += it["cites"]
        for seq in sorted({c for c in all_cites if isinstance(c, int)}):
            if seq not in seen:
                report.fail(
                    f"section {name!r}, entry {seq}",
                    "the section cites an entry that the annex does not include and prove",
                )
    return report


def _check_signature(doc: dict[str, Any], verifier_key: str, report: AnnexReport) -> None:
    """The sections and heading must be exactly what the log key signed."""
    sig = doc.get("signature")
    note = sig.get("note") if isinstance(sig, dict) else None
    if not isinstance(note, str):
        report.fail(
            "signature", "the annex's text is not signed, so edits to it cannot be ruled out"
        )
        return
    try:
        signed = verify_note(note, [verifier_key]).split("\n")
        mine = signature_body(doc).split("\n")
    except NoteError as exc:
        report.fail("signature", f"the signature over the annex's text does not verify: {exc}")
        return
    except (KeyError, TypeError, ValueError) as exc:
        report.fail("sections", f"the sections are malformed ({exc})")
        return
    if signed[:4] != mine[:4]:
        report.fail(
            "signature",
            "the signed text is for another log, checkpoint or audience "
            f"({' / '.join(signed[1:4])}), not this annex's ({' / '.join(mine[1:4])})",
        )
        return
    signed_lines = {line.rsplit(" ", 1)[0]: line for line in signed[4:] if line}
    mine_lines = {line.rsplit(" ", 1)[0]: line for line in mine[4:] if line}
    for key in sorted(set(signed_lines) | set(mine_lines), key=lambda k: (k != "head", k)):
        where = "title and audience" if key == "head" else f"section {key.split(' ', 1)[1]!r}"
        if key not in mine_lines:
            report.fail(where, "this section was signed but has been removed from the annex")
        elif key not in signed_lines:
            report.fail(where, "this section was added after the annex was signed")
        elif signed_lines[key] != mine_lines[key]:
            report.fail(where, "its text was changed after the annex was made and signed")


def _check_entry(
    raw: Any, i: int, origin: str, size: int, root: bytes, report: AnnexReport, seen: set[int]
) -> None:
    if not isinstance(raw, dict) or not isinstance(raw.get("seq"), int):
        report.fail(f"entry #{i} in the list", "malformed entry (no sequence number)")
        return
    seq: int = raw["seq"]
    where = f"entry {seq}"
    leaf = _b64(raw.get("leaf"))
    if leaf is None:
        report.fail(where, "the leaf is missing or not base64")
        return
    try:
        header = decode_leaf(leaf)
    except LeafError as exc:
        report.fail(where, f"the leaf is not a valid ledger header ({exc})")
        return
    if header.seq != seq or header.origin != origin:
        report.fail(
            where,
            f"the leaf belongs to entry {header.seq} of {header.origin!r}, not entry {seq} "
            f"of {origin!r} (an entry was swapped?)",
        )
        return
    proof_raw = raw.get("proof")
    proof = [_b64(p) for p in proof_raw] if isinstance(proof_raw, list) else None
    if proof is None or any(p is None for p in proof):
        report.fail(where, "the inclusion proof is missing or not base64")
        return
    if not verify_inclusion(leaf_hash(leaf), seq, size, [p for p in proof if p], root):
        report.fail(
            where,
            f"the inclusion proof does not show this entry in the checkpoint's log of {size} "
            "entries (the entry or its proof was changed, or the proof is incomplete)",
        )
        return
    report.entries_checked += 1
    seen.add(seq)
    content = raw.get("content")
    if content is None:
        return  # erased, or not shown to this audience: the leaf alone is proven
    salt = _b64(raw.get("salt"))
    if salt is None or not check_content(header, content, salt):
        report.fail(
            where,
            f"the content shown ({header.type}) does not match what the log committed to "
            "(it was edited)",
        )
        return
    report.contents_checked += 1


def load_annex(path: str) -> Any:
    """The annex JSON from a .json file, or from the annex.json attached to a PDF."""
    data = Path(path).read_bytes()
    if data[:5] == b"%PDF-":
        return json.loads(_pdf_attachment(data))
    return json.loads(data)


def _pdf_attachment(data: bytes) -> bytes:
    try:
        import pypdf  # light enough, and only needed for PDFs
    except ImportError as exc:  # pragma: no cover
        raise ValueError("reading a PDF annex needs the pypdf package") from exc
    reader = pypdf.PdfReader(io.BytesIO(data))
    found = reader.attachments.get("annex.json")
    if not found:
        raise ValueError("the PDF does not carry an annex.json attachment")
    return bytes(found[0])
