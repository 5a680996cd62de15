"""Test vectors for the in-browser checker (src/workings/events/static/events/check.js),
made by the Python ledger itself: a good log shaped as the log API gives it, and the ways
it can go wrong. ``python -m tests.events.js.vectors`` rewrites vectors.json; the test
beside it fails when the committed file no longer matches what the ledger produces.

Everything is deterministic (fixed key seed and salts; Ed25519 signatures are too)."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from workings.ledger.checkpoint import format_checkpoint, key_id, sign_note
from workings.ledger.entry import LeafHeader, content_commitment, encode_leaf
from workings.ledger.hashing import leaf_hash, root_hash

HERE = Path(__file__).parent
VECTORS = HERE / "vectors.json"
ORIGIN = "workings.example/projects/vectors"
KEY_NAME = "workings.example"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _keys(seed_text: str) -> tuple[str, str]:
    seed = hashlib.sha256(seed_text.encode()).digest()
    pub = Ed25519PrivateKey.from_private_bytes(seed).public_key()
    raw = pub.public_bytes(Encoding.Raw, PublicFormat.Raw)
    kid = key_id(KEY_NAME, raw)
    signer = f"PRIVATE+KEY+{KEY_NAME}+{kid:08x}+" + _b64(b"\x01" + seed)
    verifier = f"{KEY_NAME}+{kid:08x}+" + _b64(b"\x01" + raw)
    return signer, verifier


CONTENTS: list[Any] = [
    {"title": "Agreement drafted", "version": 1},
    {"text": "We asked for evening meetings.", "by": "Kestrel", "tags": ["time", "access"]},
    {"amount": "45.00", "currency": "GBP", "note": "Travel – return fare ✓"},
    {"decision": "Primary outcome: walking 10 m", "influence": "shared", "votes": [3, 1, 0]},
    {"nested": {"b": 1, "a": [True, False, None], "é": "accent", "z": ""}},
]


def _entries(count: int, salt_tag: str = "") -> list[dict[str, Any]]:
    out = []
    for seq in range(count):
        sealed = seq == 6
        content = CONTENTS[seq % len(CONTENTS)] | {"seq": seq}
        salt = hashlib.sha256(f"salt{salt_tag}-{seq}".encode()).digest()
        header = LeafHeader(
            v=1,
            origin=ORIGIN,
            seq=seq,
            type="record.feedback_given" if not sealed else "concerns.raised",
            time="2026-05-03" if sealed else f"2026-05-03T10:{seq % 60:02d}:00Z",
            actor=None if sealed else f"m{seq % 4}",
            content_commitment=content_commitment(salt, content),
            sealed=sealed,
        )
        leaf = encode_leaf(header)
        erased = seq == 9
        shown = not sealed and not erased
        out.append(
            {
                "seq": seq,
                "leaf": _b64(leaf),
                "leaf_hash": _b64(leaf_hash(leaf)),
                "type": header.type,
                "sealed": sealed,
                "erased": erased,
                "content": content if shown else None,
                "salt": _b64(salt) if shown else None,
            }
        )
    return out


def _root(entries: list[dict[str, Any]], size: int) -> bytes:
    return root_hash([base64.b64decode(e["leaf"]) for e in entries[:size]])


def _note(entries: list[dict[str, Any]], size: int, signer: str) -> str:
    return sign_note(format_checkpoint(ORIGIN, size, _root(entries, size)), signer)


def build() -> dict[str, Any]:
    signer, verifier = _keys("workings check.js vectors")
    other_signer, other_verifier = _keys("someone else")
    good = _entries(23)
    note = _note(good, 23, signer)
    seen = {"size": 11, "root": _b64(_root(good, 11))}
    cases: list[dict[str, Any]] = []
    logs: dict[str, list[dict[str, Any]]] = {"good": good}

    def case(name: str, expect: dict[str, Any], **changes: Any) -> None:
        """A case names its entry list in ``logs`` (the file would be large otherwise)."""
        entries = changes.pop("entries", good)
        label = next((k for k, v in logs.items() if v is entries), name)
        logs[label] = entries
        base: dict[str, Any] = {"key": verifier, "note": note, "last_seen": None}
        cases.append({"name": name, **base, **changes, "entries": label, "expect": expect})

    ok = {"ok": True, "problems": []}
    case("good", ok | {"last_seen": "first", "opened": 21, "sealed": 1, "erased": 1})
    case("good, seen before at 11", ok | {"last_seen": "grew"}, last_seen=seen)
    case(
        "good, seen before at 23",
        ok | {"last_seen": "same"},
        last_seen={"size": 23, "root": _b64(_root(good, 23))},
    )
    case("one entry past the checkpoint", ok | {"newer": 1}, entries=_entries(24))

    changed = copy.deepcopy(good)
    changed[4]["content"]["decision"] = "Primary outcome: quality of life"
    case(
        "content of entry 4 changed",
        {"ok": False, "problems": [{"kind": "content", "seq": 4}]},
        entries=changed,
    )

    leaf_changed = copy.deepcopy(good)
    header = json.loads(base64.b64decode(leaf_changed[12]["leaf"]))
    header["type"] = "record.decision_recorded"
    leaf_changed[12]["leaf"] = _b64(
        json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
    )
    case(
        "leaf 12 rewritten, its stored hash kept",
        {"ok": False, "problems": [{"kind": "leaf", "seq": 12}, {"kind": "root"}]},
        entries=leaf_changed,
    )

    forked = _entries(23, salt_tag="fork")
    case(
        "last seen on a different tree (a fork)",
        {"ok": False, "problems": [{"kind": "forked"}], "last_seen": "forked"},
        last_seen={"size": 11, "root": _b64(_root(forked, 11))},
    )
    case(
        "forked log signed with the same key",
        {"ok": False, "problems": [{"kind": "forked"}]},
        note=_note(forked, 23, signer),
        entries=forked,
        last_seen=seen,
    )
    case(
        "last seen larger than now",
        {"ok": False, "problems": [{"kind": "shrank"}]},
        last_seen={"size": 30, "root": _b64(_root(good, 11))},
    )
    case(
        "signed by another key",
        {"ok": False, "problems": [{"kind": "signature"}]},
        note=_note(good, 23, other_signer),
    )
    case(
        "signature of the other key checked against it",
        ok,
        key=other_verifier,
        note=_note(good, 23, other_signer),
    )
    bad_sig = note[:-10] + ("A" if note[-10] != "A" else "B") + note[-9:]
    case("signature damaged", {"ok": False, "problems": [{"kind": "signature"}]}, note=bad_sig)
    case(
        "an entry missing",
        {"ok": False, "problems": [{"kind": "missing", "seq": 22}]},
        entries=good[:22],
    )
    swapped = copy.deepcopy(good)
    swapped[2], swapped[3] = swapped[3], swapped[2]
    case(
        "entries 2 and 3 swapped",
        {
            "ok": False,
            "problems": [
                {"kind": "order", "seq": 2},
                {"kind": "order", "seq": 3},
                {"kind": "root"},
            ],
        },
        entries=swapped,
    )
    plus_signer, plus_verifier = next(
        k for k in (_keys(f"plus {i}") for i in range(100)) if "+" in k[1].split("+", 2)[2]
    )
    case("a key whose base64 holds a +", ok, key=plus_verifier, note=_note(good, 23, plus_signer))
    case("key malformed", {"ok": False, "problems": [{"kind": "key"}]}, key="not a key")
    return {"origin": ORIGIN, "logs": logs, "cases": cases}


def dumps(vectors: dict[str, Any]) -> str:
    return json.dumps(vectors, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    VECTORS.write_text(dumps(build()), encoding="utf-8")
