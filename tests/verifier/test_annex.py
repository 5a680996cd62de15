"""verify-annex on a genuine annex and on tampered ones (pure: no Django)."""

from __future__ import annotations

import base64
import copy
import io
import json
from pathlib import Path
from typing import Any

from workings.ledger.checkpoint import format_checkpoint, generate_signer, sign_note
from workings.ledger.entry import LeafHeader, content_commitment, encode_leaf
from workings.ledger.hashing import root_hash
from workings.ledger.merkle import inclusion_proof
from workings.verifier.annex import signature_body, verify_annex
from workings.verifier.cli import main

ORIGIN = "workings.test/annex"


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def _annex(n: int = 7, cite: tuple[int, ...] = (1, 3, 6)) -> tuple[dict[str, Any], str, str]:
    signer, verifier = generate_signer("workings.test")
    leaves, bodies = [], []
    for i in range(n):
        content = {"data": {"said": f"entry {i}"}, "snapshots": []}
        salt = bytes([i]) * 32
        header = LeafHeader(
            v=1,
            origin=ORIGIN,
            seq=i,
            type="record.test",
            time="2026-01-01T00:00:00Z",
            actor="user:1",
            content_commitment=content_commitment(salt, content),
        )
        leaves.append(encode_leaf(header))
        bodies.append((content, salt))
    note = sign_note(format_checkpoint(ORIGIN, n, root_hash(leaves)), signer)
    entries = [
        {
            "seq": i,
            "type": "record.test",
            "leaf": _b64(leaves[i]),
            "content": bodies[i][0],
            "salt": _b64(bodies[i][1]),
            "proof": [_b64(p) for p in inclusion_proof(leaves, i)],
        }
        for i in cite
    ]
    doc: dict[str, Any] = {
        "schema": "workings-annex/1",
        "title": "Co-production annex: Test",
        "project": {"slug": "test"},
        "audience": "team",
        "audience_label": "the team",
        "checkpoint": {"origin": ORIGIN, "size": n, "note": note},
        "sections": [
            {"id": "feedback", "cites": [1], "items": [{"body": "We said.", "cites": [3, 6]}]},
            {"id": "leavers", "cites": [], "items": [{"body": "Moved away.", "cites": []}]},
        ],
        "entries": entries,
    }
    doc["signature"] = {"note": sign_note(signature_body(doc), signer)}
    return doc, verifier, signer


def test_genuine_annex_passes() -> None:
    doc, key, _ = _annex()
    report = verify_annex(doc, key)
    assert report.ok, report.summary()
    assert report.entries_checked == 3 and report.contents_checked == 3


def test_content_edited_is_caught_with_where() -> None:
    doc, key, _ = _annex()
    doc["entries"][1]["content"]["data"]["said"] = "something nicer"
    report = verify_annex(doc, key)
    assert not report.ok
    assert report.failures[0].startswith("entry 3:") and "edited" in report.failures[0]


def test_entry_swapped_is_caught() -> None:
    doc, key, _ = _annex()
    a, b = doc["entries"][0], doc["entries"][1]
    a["leaf"], b["leaf"] = b["leaf"], a["leaf"]
    report = verify_annex(doc, key)
    assert [f.split(":")[0] for f in report.failures[:2]] == ["entry 1", "entry 3"]
    assert "swapped" in report.failures[0]


def test_proof_truncated_is_caught() -> None:
    doc, key, _ = _annex()
    doc["entries"][2]["proof"] = doc["entries"][2]["proof"][:-1]
    report = verify_annex(doc, key)
    assert any(f.startswith("entry 6:") and "inclusion proof" in f for f in report.failures)


def test_another_key_is_refused() -> None:
    doc, _, _ = _annex()
    _, other = generate_signer("workings.test")
    report = verify_annex(doc, other)
    assert not report.ok and "not signed by the key you trust" in report.failures[0]


def test_section_citing_a_missing_entry_is_caught() -> None:
    doc, key, signer = _annex()
    doc["sections"][0]["items"][0]["cites"].append(5)
    doc["signature"] = {"note": sign_note(signature_body(doc), signer)}  # even if re-signed
    report = verify_annex(doc, key)
    assert report.failures == [
        "section 'feedback', entry 5: the section cites an entry that the annex does not "
        "include and prove"
    ]


def test_section_text_edited_is_caught_and_located() -> None:
    doc, key, _ = _annex()
    doc["sections"][1]["items"][0]["body"] = "Left happily."
    report = verify_annex(doc, key)
    assert report.failures == [
        "section 'leavers': its text was changed after the annex was made and signed"
    ]


def test_section_removed_or_unsigned_is_caught() -> None:
    doc, key, _ = _annex()
    del doc["sections"][1]
    assert "removed" in verify_annex(doc, key).failures[0]
    doc, key, _ = _annex()
    del doc["signature"]
    assert verify_annex(doc, key).failures[0].startswith("signature: the annex's text is not")


def test_text_signed_by_another_key_is_refused() -> None:
    doc, key, _ = _annex()
    other, _ = generate_signer("workings.test")
    doc["signature"] = {"note": sign_note(signature_body(doc), other)}
    assert "does not verify" in verify_annex(doc, key).failures[0]


def test_entry_removed_but_still_cited_is_caught() -> None:
    doc, key, _ = _annex()
    del doc["entries"][0]
    assert not verify_annex(doc, key).ok


def test_checkpoint_size_lie_is_caught() -> None:
    doc, key, _ = _annex()
    doc["checkpoint"]["size"] = 99
    assert not verify_annex(doc, key).ok


def test_withheld_content_is_proven_by_leaf_alone() -> None:
    doc, key, _ = _annex()
    doc["entries"][0]["content"] = None
    doc["entries"][0]["salt"] = None
    report = verify_annex(doc, key)
    assert report.ok and report.contents_checked == 2


def test_not_an_annex() -> None:
    _, key, _ = _annex()
    assert not verify_annex([], key).ok
    assert not verify_annex({"schema": "other/1"}, key).ok


def test_cli_json_and_pdf(tmp_path: Path, capsys: Any) -> None:
    doc, key, _ = _annex()
    good = tmp_path / "annex.json"
    good.write_text(json.dumps(doc))
    keyfile = tmp_path / "key.pub"
    keyfile.write_text(key + "\n")
    assert main(["verify-annex", str(good), "--key", str(keyfile)]) == 0
    assert "OK: the annex is genuine" in capsys.readouterr().out
    bad = copy.deepcopy(doc)
    bad["entries"][0]["content"]["data"]["said"] = "x"
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    assert main(["verify-annex", str(tmp_path / "bad.json"), "--key", key]) == 1
    assert "entry 1" in capsys.readouterr().out
    assert main(["verify-annex", str(good), "--key", "not a key"]) == 2

    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(100, 100)
    writer.add_attachment("annex.json", json.dumps(doc).encode())
    buf = io.BytesIO()
    writer.write(buf)
    (tmp_path / "annex.pdf").write_bytes(buf.getvalue())
    assert main(["verify-annex", str(tmp_path / "annex.pdf"), "--key", key]) == 0
    plain = pypdf.PdfWriter()
    plain.add_blank_page(100, 100)
    plain.write(tmp_path / "plain.pdf")
    assert main(["verify-annex", str(tmp_path / "plain.pdf"), "--key", key]) == 1
