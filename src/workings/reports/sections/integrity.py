"""Integrity: the signed checkpoint, the verifier key, and how to check independently."""

from __future__ import annotations

from typing import Any

from workings.reports.ledger_view import b64
from workings.reports.sections import fact, new

HOW_TO_CHECK = (
    "Download this annex as JSON (or PDF, which carries the JSON inside it). Then run "
    "`workings verify-annex annex.json --key KEY` with the verifier key below. It checks "
    "the checkpoint's signature, that every cited entry is in the log the checkpoint "
    "describes, and that every cited content matches what the log committed to. It needs "
    "no access to Workings."
)


def build(view: Any) -> dict[str, Any]:
    from workings.events.keys import verifier_key

    s = new("integrity", "How to check this annex", HOW_TO_CHECK)
    cp = view.checkpoint
    fact(s, "Log", view.log.origin)
    fact(s, "Checkpoint size (entries covered)", cp.size)
    fact(s, "Root hash", b64(cp.root))
    fact(s, "Verifier key", verifier_key())
    s["checkpoint_note"] = cp.note
    return s
