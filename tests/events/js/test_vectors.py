"""The in-browser checker's vectors are what the Python ledger makes today, and the good
case passes the Python ledger's own checks (so both checkers agree on what is good)."""

from __future__ import annotations

import base64

from tests.events.js import vectors
from workings.ledger.checkpoint import parse_checkpoint, verify_note
from workings.ledger.entry import check_content, decode_leaf
from workings.ledger.hashing import root_hash


def test_committed_vectors_match_the_ledger() -> None:
    committed = vectors.VECTORS.read_text(encoding="utf-8")
    assert committed == vectors.dumps(vectors.build()), (
        "Regenerate with: .venv/bin/python -m tests.events.js.vectors"
    )


def test_the_good_case_passes_the_python_checks() -> None:
    built = vectors.build()
    good = built["cases"][0]
    entries = built["logs"][good["entries"]]
    checkpoint = parse_checkpoint(verify_note(good["note"], [good["key"]]))
    leaves = [base64.b64decode(e["leaf"]) for e in entries]
    assert checkpoint.size == len(leaves)
    assert checkpoint.root == root_hash(leaves)
    opened = 0
    for e, leaf in zip(entries, leaves, strict=True):
        if e["salt"] is not None:
            assert check_content(decode_leaf(leaf), e["content"], base64.b64decode(e["salt"]))
            opened += 1
    assert opened == good["expect"]["opened"]
