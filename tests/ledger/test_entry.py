"""Leaf headers and salted content commitments."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

import pytest

from workings.ledger.canonical import canonical_json
from workings.ledger.entry import (
    LeafError,
    LeafHeader,
    check_content,
    content_commitment,
    decode_leaf,
    encode_leaf,
    make_salt,
)
from workings.ledger.hashing import leaf_hash

CONTENT = {"title": "Steering group", "decision": "Recruit via GP surgeries", "n": 3}


def header(**kw: object) -> LeafHeader:
    base: dict[str, object] = {
        "v": 1,
        "origin": "workings.example/p/1",
        "seq": 17,
        "type": "decision.recorded",
        "time": "2026-11-28T10:00:00Z",
        "actor": "m:42",
        "content_commitment": "ab" * 32,
        "sealed": False,
    }
    base.update(kw)
    return LeafHeader(**base)  # type: ignore[arg-type]


def test_commitment_is_salted_sha256_of_canonical_json() -> None:
    salt = bytes(range(32))
    want = hashlib.sha256(salt + canonical_json(CONTENT)).hexdigest()
    assert content_commitment(salt, CONTENT) == want
    assert content_commitment(make_salt(), CONTENT) != content_commitment(make_salt(), CONTENT)
    assert len(make_salt()) == 32
    with pytest.raises(ValueError):
        content_commitment(b"short", CONTENT)


def test_round_trip_and_check_content() -> None:
    salt = make_salt()
    h = header(content_commitment=content_commitment(salt, CONTENT))
    data = encode_leaf(h)
    assert data == canonical_json(json.loads(data))
    assert decode_leaf(data) == h
    assert check_content(h, CONTENT, salt)
    assert not check_content(h, {**CONTENT, "n": 4}, salt)
    assert not check_content(h, CONTENT, make_salt())
    assert not check_content(h, CONTENT, None)  # erased: cannot be opened


def test_erasure_keeps_leaf_and_hash() -> None:
    salt = make_salt()
    h = header(content_commitment=content_commitment(salt, CONTENT))
    before = leaf_hash(encode_leaf(h))
    content, salt2 = None, None  # erased
    assert leaf_hash(encode_leaf(decode_leaf(encode_leaf(h)))) == before
    assert not check_content(h, content, salt2)


def test_sealed_rules() -> None:
    h = header(sealed=True, time="2026-11-28", actor=None)
    assert decode_leaf(encode_leaf(h)) == h
    with pytest.raises(LeafError, match="day only"):
        header(sealed=True, actor=None)
    with pytest.raises(LeafError, match="must not name"):
        header(sealed=True, time="2026-11-28")


@pytest.mark.parametrize(
    "change",
    [
        {"v": 2},
        {"v": True},
        {"seq": -1},
        {"seq": "17"},
        {"seq": True},
        {"origin": ""},
        {"type": ""},
        {"time": "2026-11-28 10:00:00"},
        {"time": "2026-11-28"},
        {"actor": 5},
        {"actor": ""},
        {"content_commitment": "AB" * 32},
        {"content_commitment": "ab" * 31},
        {"sealed": 0},
    ],
)
def test_decode_rejects_bad_fields(change: dict[str, object]) -> None:
    obj = json.loads(encode_leaf(header()))
    obj.update(change)
    with pytest.raises(LeafError):
        decode_leaf(canonical_json(obj))


def test_decode_rejects_bad_shapes() -> None:
    good = json.loads(encode_leaf(header()))
    with pytest.raises(LeafError, match="not JSON"):
        decode_leaf(b"{nope")
    with pytest.raises(LeafError, match="not JSON"):
        decode_leaf(b"\xff")
    with pytest.raises(LeafError, match="not a JSON object"):
        decode_leaf(b"[1]")
    with pytest.raises(LeafError, match="keys"):
        decode_leaf(canonical_json({**good, "extra": 1}))
    missing = dict(good)
    del missing["actor"]
    with pytest.raises(LeafError, match="keys"):
        decode_leaf(canonical_json(missing))
    with pytest.raises(LeafError, match="canonical"):
        decode_leaf(json.dumps(good).encode())


def test_replace_validates() -> None:
    with pytest.raises(LeafError):
        replace(header(), seq=-5)
