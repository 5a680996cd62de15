"""Leaf contents: a small header that commits to the entry's content with a salted hash.

Why: personal data must be erasable (UK GDPR) from a log that can never change. So the
leaf holds only a header and ``SHA-256(salt || canonical_json(content))``; the content and
its 32-byte random salt live beside the log. Erasing deletes both; the leaf, every proof
and every checkpoint still verify, and the fact that *something* was recorded stays.
Without the salt, low-entropy content (a name, an e-mail) could be guessed from the hash.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass
from typing import Any

from .canonical import canonical_json

__all__ = [
    "FORMAT_VERSION",
    "LeafError",
    "MEMBERS_KEY",
    "LeafHeader",
    "check_content",
    "check_members_part",
    "content_commitment",
    "decode_leaf",
    "encode_leaf",
    "make_salt",
]

FORMAT_VERSION = 1
_MAX_SEQ = 2**53 - 1
SALT_SIZE = 32
_HEX64 = re.compile(r"[0-9a-f]{64}")
_INSTANT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FIELDS = ("v", "origin", "seq", "type", "time", "actor", "content_commitment", "sealed")


class LeafError(ValueError):
    """A leaf is not a valid ledger header."""


def make_salt() -> bytes:
    """32 fresh random bytes for one entry's commitment."""
    return secrets.token_bytes(SALT_SIZE)


def content_commitment(salt: bytes, content: Any) -> str:
    """Lowercase hex SHA-256(salt || canonical_json(content))."""
    if len(salt) != SALT_SIZE:
        raise ValueError(f"salt must be {SALT_SIZE} bytes")
    return hashlib.sha256(salt + canonical_json(content)).hexdigest()


@dataclass(frozen=True)
class LeafHeader:
    """What a leaf says about one entry. Field names are part of the format."""

    v: int
    origin: str
    seq: int
    type: str
    time: str
    actor: str | None
    content_commitment: str
    sealed: bool = False

    def __post_init__(self) -> None:
        problem = _problem(_as_dict(self))
        if problem:
            raise LeafError(problem)


def _as_dict(h: LeafHeader) -> dict[str, Any]:
    # dataclasses.asdict deep-copies every value; the header's values are plain str, int,
    # bool and None, so a literal is the same dict at a fraction of the cost (one append
    # builds two).
    return {
        "v": h.v,
        "origin": h.origin,
        "seq": h.seq,
        "type": h.type,
        "time": h.time,
        "actor": h.actor,
        "content_commitment": h.content_commitment,
        "sealed": h.sealed,
    }


def _problem(d: dict[str, Any]) -> str | None:
    if type(d["v"]) is not int or d["v"] != FORMAT_VERSION:
        return f"unsupported format version {d['v']!r}"
    if type(d["origin"]) is not str or not d["origin"]:
        return "origin must be a non-empty string"
    if type(d["seq"]) is not int or not 0 <= d["seq"] <= _MAX_SEQ:
        return "seq must be a non-negative integer below 2**53"
    if type(d["type"]) is not str or not d["type"]:
        return "type must be a non-empty string"
    if type(d["sealed"]) is not bool:
        return "sealed must be true or false"
    t = d["time"]
    if type(t) is not str:
        return "time must be a string"
    if d["sealed"]:
        if not _DAY.fullmatch(t):
            return "a sealed entry's time must be a day only (YYYY-MM-DD)"
        if d["actor"] is not None:
            return "a sealed entry must not name its actor"
    elif not _INSTANT.fullmatch(t):
        return "time must be UTC like 2026-11-28T10:00:00Z"
    if d["actor"] is not None and (type(d["actor"]) is not str or not d["actor"]):
        return "actor must be a non-empty string or null"
    if type(d["content_commitment"]) is not str or not _HEX64.fullmatch(d["content_commitment"]):
        return "content_commitment must be 64 lowercase hex digits"
    return None


def encode_leaf(header: LeafHeader) -> bytes:
    """The leaf input: RFC 8785 canonical JSON of the header."""
    return canonical_json(_as_dict(header))


def decode_leaf(data: bytes) -> LeafHeader:
    """Parse a leaf strictly: canonical JSON, exactly the header keys, checked types."""
    try:
        obj = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise LeafError(f"leaf is not JSON ({exc})") from None
    if type(obj) is not dict:
        raise LeafError("leaf is not a JSON object")
    if set(obj) != set(_FIELDS):
        missing = sorted(set(_FIELDS) - set(obj))
        extra = sorted(set(obj) - set(_FIELDS))
        raise LeafError(f"leaf keys are wrong (missing {missing}, unexpected {extra})")
    problem = _problem(obj)
    if problem:
        raise LeafError(problem)
    header = LeafHeader(**obj)
    if encode_leaf(header) != data:
        raise LeafError("leaf is not in canonical form")
    return header


def check_content(header: LeafHeader, content: Any, salt: bytes | None) -> bool:
    """True iff (salt, content) opens the header's commitment. False once erased."""
    if salt is None or len(salt) != SALT_SIZE:
        return False
    got = content_commitment(salt, content)
    return hmac.compare_digest(got, header.content_commitment)


# A public entry's member part (docs/decisions/event-audiences.md): the public content
# carries, under this key, a map from each personal piece's reference to its own salted
# commitment; the pieces ({"salt": base64, "value": JSON}) are kept beside the log.
MEMBERS_KEY = "members"


def check_members_part(content: Any, members: Any) -> list[str]:
    """The references of the pieces in ``members`` that do not open the commitments the
    public ``content`` carries under "members" (empty: every piece shown checks out).
    A reader may be shown only some of the pieces; each is checked on its own."""
    if type(members) is not dict:
        return ["(the member part is not an object)"]
    committed = content.get(MEMBERS_KEY) if type(content) is dict else None
    if type(committed) is not dict:
        return sorted(members) or ["(the content carries no member part)"]
    bad = []
    for ref, piece in members.items():
        expected = committed.get(ref)
        try:
            salt = base64.b64decode(str(piece["salt"]), validate=True)
            value = piece["value"]
        except (KeyError, TypeError, ValueError):
            bad.append(ref)
            continue
        if (
            type(expected) is not str
            or len(salt) != SALT_SIZE
            or not hmac.compare_digest(content_commitment(salt, value), expected)
        ):
            bad.append(ref)
    return sorted(bad)
