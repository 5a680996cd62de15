"""C2SP signed notes and tlog checkpoints (Ed25519), byte-compatible with Go's sumdb/note.

Why: a checkpoint is the log's signed statement "the tree of size N has root R". Funders,
witnesses and the offline verifier trust the log only through these signatures, so the
format follows c2sp.org/signed-note and c2sp.org/tlog-checkpoint exactly, and is tested
against the Go reference vectors.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

__all__ = [
    "Checkpoint",
    "CheckpointError",
    "NoteError",
    "Verifier",
    "add_signature",
    "format_checkpoint",
    "generate_signer",
    "key_id",
    "parse_checkpoint",
    "parse_verifier_key",
    "sign_note",
    "verify_note",
]

ALG_ED25519 = 0x01
MAX_SIGNATURES = 100
SIG_PREFIX = "\u2014 "  # EM DASH, space
_HEX8 = re.compile(r"[0-9a-fA-F]{8}")


class NoteError(ValueError):
    """A signed note is malformed or does not verify."""


class CheckpointError(ValueError):
    """A checkpoint body is malformed."""


def _valid_name(name: str) -> bool:
    return bool(name) and "+" not in name and not any(c.isspace() for c in name)


def key_id(name: str, public_key: bytes) -> int:
    """Key ID: first 4 bytes (big-endian) of SHA-256(name || "\\n" || 0x01 || public key)."""
    digest = hashlib.sha256(name.encode() + b"\n" + bytes([ALG_ED25519]) + public_key).digest()
    return int.from_bytes(digest[:4], "big")


def _chop(s: str, sep: str) -> tuple[str, str]:
    before, found, after = s.partition(sep)
    return (before, after) if found else (s, "")


def _b64decode(s: str) -> bytes | None:
    try:
        return base64.b64decode(s.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None


def _public_bytes(pub: Ed25519PublicKey) -> bytes:
    return pub.public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True)
class Verifier:
    """A parsed verifier key: name, key ID and Ed25519 public key."""

    name: str
    key_id: int
    public_key: bytes

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True

    @property
    def key_string(self) -> str:
        b64 = base64.b64encode(bytes([ALG_ED25519]) + self.public_key).decode()
        return f"{self.name}+{self.key_id:08x}+{b64}"


@dataclass(frozen=True)
class _Signer:
    name: str
    key_id: int
    private_key: Ed25519PrivateKey


def parse_verifier_key(vkey: str) -> Verifier:
    """Parse ``name+hexid+base64(0x01 || pubkey)``; raise NoteError when it is not valid."""
    name, rest = _chop(vkey, "+")
    hex_id, key64 = _chop(rest, "+")
    key = _b64decode(key64)
    if not _HEX8.fullmatch(hex_id) or key is None or not _valid_name(name) or not key:
        raise NoteError(f"malformed verifier key {vkey!r}")
    kid = int(hex_id, 16)
    if kid != int.from_bytes(hashlib.sha256(name.encode() + b"\n" + key).digest()[:4], "big"):
        raise NoteError(f"verifier key {vkey!r}: key ID does not match the key")
    if key[0] != ALG_ED25519:
        raise NoteError(f"verifier key {vkey!r}: unknown signature algorithm")
    if len(key) != 33:
        raise NoteError(f"malformed verifier key {vkey!r}: wrong public key length")
    return Verifier(name, kid, key[1:])


@functools.lru_cache(maxsize=8)
def _parse_signer_key(skey: str) -> _Signer:
    # Cached: a log signs one checkpoint per append with the same key.
    p1, rest = _chop(skey, "+")
    p2, rest = _chop(rest, "+")
    name, rest = _chop(rest, "+")
    hex_id, key64 = _chop(rest, "+")
    key = _b64decode(key64)
    bad = NoteError("malformed signer key")
    if (
        p1 != "PRIVATE"
        or p2 != "KEY"
        or not _HEX8.fullmatch(hex_id)
        or key is None
        or not _valid_name(name)
        or not key
    ):
        raise bad
    if key[0] != ALG_ED25519:
        raise NoteError("signer key: unknown signature algorithm")
    if len(key) != 33:
        raise bad
    priv = Ed25519PrivateKey.from_private_bytes(key[1:])
    kid = int(hex_id, 16)
    if kid != key_id(name, _public_bytes(priv.public_key())):
        raise NoteError("signer key: key ID does not match the key")
    return _Signer(name, kid, priv)


def generate_signer(name: str) -> tuple[str, str]:
    """Generate a new Ed25519 key pair; return (signer_key, verifier_key) strings."""
    if not _valid_name(name):
        raise NoteError(f"invalid key name {name!r}: it must be non-empty, no spaces, no '+'")
    seed = secrets.token_bytes(32)
    pub = _public_bytes(Ed25519PrivateKey.from_private_bytes(seed).public_key())
    kid = key_id(name, pub)
    skey = f"PRIVATE+KEY+{name}+{kid:08x}+" + base64.b64encode(b"\x01" + seed).decode()
    vkey = f"{name}+{kid:08x}+" + base64.b64encode(b"\x01" + pub).decode()
    return skey, vkey


# Control characters other than the newline (one regex search instead of a Python loop
# over every character: notes are checked on every append and every verification).
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f]")


def _check_chars(s: str) -> bool:
    return _CONTROL.search(s) is None


def _signature_line(signer: _Signer, text: str) -> str:
    sig = signer.private_key.sign(text.encode("utf-8"))
    payload = signer.key_id.to_bytes(4, "big") + sig
    return f"{SIG_PREFIX}{signer.name} {base64.b64encode(payload).decode()}\n"


def sign_note(text: str, signer_key: str) -> str:
    """Sign ``text`` (which must end in a newline) and return the signed note."""
    if not text.endswith("\n") or not _check_chars(text):
        raise NoteError(
            "malformed note: text must end with a newline and have no control characters"
        )
    signer = _parse_signer_key(signer_key)
    return text + "\n" + _signature_line(signer, text)


@dataclass(frozen=True)
class _SigLine:
    name: str
    key_id: int
    signature: bytes
    line: str


def _split_note(note: str) -> tuple[str, list[_SigLine]]:
    """Split a note into text and signature lines, checking syntax only (as Go's Open)."""
    if not isinstance(note, str):
        raise NoteError("malformed note: not text")
    if not _check_chars(note):
        raise NoteError("malformed note: it contains control characters")
    split = note.rfind("\n\n")
    if split < 0:
        raise NoteError("malformed note: no blank line before the signatures")
    text, sigs = note[: split + 1], note[split + 2 :]
    if not sigs or not sigs.endswith("\n"):
        raise NoteError("malformed note: no signature lines, or no final newline")
    lines = sigs[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise NoteError(f"malformed note: more than {MAX_SIGNATURES} signatures")
    out: list[_SigLine] = []
    for line in lines:
        if not line.startswith(SIG_PREFIX):
            raise NoteError(f"malformed note: unexpected line {line[:40]!r}")
        name, b64 = _chop(line[len(SIG_PREFIX) :], " ")
        raw = _b64decode(b64)
        if raw is None or not _valid_name(name) or not b64 or len(raw) < 5:
            raise NoteError(f"malformed note: bad signature line {line[:40]!r}")
        out.append(_SigLine(name, int.from_bytes(raw[:4], "big"), raw[4:], line))
    return text, out


def verify_note(note: str, verifier_keys: Sequence[str]) -> str:
    """Verify a signed note against trusted verifier keys; return its text.

    Signatures from unknown keys are ignored. Any signature from a known key must verify,
    and at least one must be present. Raises NoteError with a plain-English reason.
    """
    known: dict[tuple[str, int], Verifier] = {}
    for vk in verifier_keys:
        parsed = parse_verifier_key(vk)
        known[(parsed.name, parsed.key_id)] = parsed
    text, sigs = _split_note(note)
    message = text.encode("utf-8")
    verified: set[tuple[str, int]] = set()
    for s in sigs:
        ident = (s.name, s.key_id)
        v = known.get(ident)
        if v is None or ident in verified:
            continue
        if not v.verify(message, s.signature):
            raise NoteError(f"signature does not verify for key {s.name}+{s.key_id:08x}")
        verified.add(ident)
    if not verified:
        raise NoteError("no signature from a known key")
    return text


def add_signature(note: str, signer_key: str) -> str:
    """Add (or replace) this signer's signature on an already signed note, keeping the others.

    The existing signatures are not verified here.
    """
    text, sigs = _split_note(note)
    signer = _parse_signer_key(signer_key)
    kept = [s.line + "\n" for s in sigs if (s.name, s.key_id) != (signer.name, signer.key_id)]
    return text + "\n" + "".join(kept) + _signature_line(signer, text)


# ---------------------------------------------------------------------------
# Checkpoints


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()


_DECIMAL = re.compile(r"0|[1-9][0-9]*")


def format_checkpoint(origin: str, size: int, root: bytes, extensions: Sequence[str] = ()) -> str:
    """The checkpoint body: origin, size, base64 root, then extension lines."""
    if not origin or "\n" in origin:
        raise CheckpointError("checkpoint origin must be a non-empty single line")
    if not 0 <= size < 2**64:
        raise CheckpointError("checkpoint size must be between 0 and 2**64-1")
    if len(root) != 32:
        raise CheckpointError("checkpoint root must be 32 bytes")
    for ext in extensions:
        if not ext or "\n" in ext:
            raise CheckpointError("checkpoint extension lines must be non-empty single lines")
    body = f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"
    return body + "".join(e + "\n" for e in extensions)


def parse_checkpoint(text: str) -> Checkpoint:
    """Parse a checkpoint body strictly; raise CheckpointError when malformed."""
    if not text.endswith("\n"):
        raise CheckpointError("malformed checkpoint: it must end with a newline")
    lines = text[:-1].split("\n")
    if len(lines) < 3:
        raise CheckpointError("malformed checkpoint: it needs origin, size and root lines")
    origin, size_s, root_s, *extensions = lines
    if not origin:
        raise CheckpointError("malformed checkpoint: empty origin")
    if not _DECIMAL.fullmatch(size_s) or int(size_s) >= 2**64:
        raise CheckpointError(f"malformed checkpoint: bad tree size {size_s[:30]!r}")
    root = _b64decode(root_s)
    if root is None or base64.b64encode(root).decode() != root_s:
        raise CheckpointError("malformed checkpoint: root is not valid base64")
    if len(root) != 32:
        raise CheckpointError("malformed checkpoint: root is not 32 bytes")
    if any(not e for e in extensions):
        raise CheckpointError("malformed checkpoint: empty extension line")
    return Checkpoint(origin, int(size_s), root, tuple(extensions))
