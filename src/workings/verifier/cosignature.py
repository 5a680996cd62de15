"""C2SP tlog-cosignature/v1: a witness's signature on a checkpoint, in a signed-note line.

Why: a log could show one history to a funder and another to everyone else. A witness (each
funder organisation) checks that every new checkpoint extends the last one it signed, and
then adds its own signature, so a verifier can insist that the checkpoint it holds was seen
and accepted by witnesses it trusts. The format follows c2sp.org/tlog-cosignature:

- the key is Ed25519 with the algorithm byte 0x04 in its verifier key
  (``name+hexid+base64(0x04 || public key)``, the key ID the first four bytes of
  SHA-256(name || "\\n" || 0x04 || public key));
- the signed message is ``"cosignature/v1\\n" + "time " + <decimal seconds> + "\\n"``
  followed by the checkpoint's text (the note body, ending in a newline);
- the signature line is ``"— " + name + " " + base64(key ID || 8-byte big-endian time ||
  64-byte signature)``.

Pure functions only: the caller supplies the time, the keys and the storage.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from workings.ledger.checkpoint import SIG_PREFIX, NoteError

__all__ = [
    "ALG_COSIGNATURE_V1",
    "Cosignature",
    "WitnessKey",
    "add_cosignature",
    "cosign",
    "cosignature_message",
    "find_cosignature",
    "generate_witness_key",
    "note_text",
    "parse_witness_key",
    "verify_cosignature",
]

ALG_COSIGNATURE_V1 = 0x04
_HEX8 = re.compile(r"[0-9a-f]{8}")
_MAX_TIME = 2**64 - 1


def _b64(raw: str) -> bytes | None:
    try:
        return base64.b64decode(raw.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        return None


def _valid_name(name: str) -> bool:
    return bool(name) and "+" not in name and not any(c.isspace() for c in name)


def _key_id(name: str, public_key: bytes) -> int:
    digest = hashlib.sha256(
        name.encode() + b"\n" + bytes([ALG_COSIGNATURE_V1]) + public_key
    ).digest()
    return int.from_bytes(digest[:4], "big")


@dataclass(frozen=True)
class WitnessKey:
    """A witness's verifier key: its name, key ID and Ed25519 public key."""

    name: str
    key_id: int
    public_key: bytes

    @property
    def key_string(self) -> str:
        b64 = base64.b64encode(bytes([ALG_COSIGNATURE_V1]) + self.public_key).decode()
        return f"{self.name}+{self.key_id:08x}+{b64}"


@dataclass(frozen=True)
class Cosignature:
    """A cosignature found on a note: who signed, when (seconds since 1970, UTC)."""

    name: str
    key_id: int
    timestamp: int
    line: str


def parse_witness_key(vkey: str) -> WitnessKey:
    """Parse a witness verifier key; raise NoteError in plain words when it is not one."""
    name, _, rest = vkey.strip().partition("+")
    hex_id, _, key64 = rest.partition("+")
    key = _b64(key64)
    if not _valid_name(name) or not _HEX8.fullmatch(hex_id) or key is None or len(key) != 33:
        raise NoteError(f"{vkey!r} is not a witness key (name+id+key)")
    if key[0] != ALG_COSIGNATURE_V1:
        raise NoteError(f"{vkey!r} is not a witness key: it is not a cosignature/v1 key")
    if _key_id(name, key[1:]) != int(hex_id, 16):
        raise NoteError(f"witness key {vkey!r}: its key ID does not match the key")
    return WitnessKey(name, int(hex_id, 16), key[1:])


def _parse_signer(skey: str) -> tuple[WitnessKey, Ed25519PrivateKey]:
    parts = skey.strip().split("+", 4)
    bad = NoteError("malformed witness signer key")
    if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"] or not _valid_name(parts[2]):
        raise bad
    seed = _b64(parts[4])
    if seed is None or len(seed) != 33 or seed[0] != ALG_COSIGNATURE_V1:
        raise bad
    private = Ed25519PrivateKey.from_private_bytes(seed[1:])
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    if not _HEX8.fullmatch(parts[3]) or int(parts[3], 16) != _key_id(parts[2], public):
        raise bad
    return WitnessKey(parts[2], int(parts[3], 16), public), private


def generate_witness_key(name: str) -> tuple[str, str]:
    """A new witness key pair: (signer key, verifier key) strings."""
    if not _valid_name(name):
        raise NoteError(f"invalid witness name {name!r}: no spaces, no '+', not empty")
    seed = secrets.token_bytes(32)
    public = (
        Ed25519PrivateKey.from_private_bytes(seed)
        .public_key()
        .public_bytes(Encoding.Raw, PublicFormat.Raw)
    )
    kid = _key_id(name, public)
    raw = base64.b64encode(bytes([ALG_COSIGNATURE_V1]) + seed).decode()
    signer = f"PRIVATE+KEY+{name}+{kid:08x}+{raw}"
    return signer, WitnessKey(name, kid, public).key_string


def note_text(note: str) -> str:
    """The text of a signed note (everything up to the blank line before the signatures)."""
    split = note.rfind("\n\n")
    if split < 0:
        raise NoteError("malformed note: no blank line before the signatures")
    return note[: split + 1]


def cosignature_message(checkpoint_text: str, timestamp: int) -> bytes:
    if not 0 <= timestamp <= _MAX_TIME:
        raise NoteError("a cosignature's time must fit in 64 bits")
    if not checkpoint_text.endswith("\n"):
        raise NoteError("a checkpoint's text ends with a newline")
    return f"cosignature/v1\ntime {timestamp}\n{checkpoint_text}".encode()


def cosign(checkpoint_text: str, signer_key: str, timestamp: int) -> str:
    """The witness's signature line (ending in a newline) for this checkpoint text."""
    key, private = _parse_signer(signer_key)
    signature = private.sign(cosignature_message(checkpoint_text, timestamp))
    payload = key.key_id.to_bytes(4, "big") + timestamp.to_bytes(8, "big") + signature
    return f"{SIG_PREFIX}{key.name} {base64.b64encode(payload).decode()}\n"


def _lines(note: str) -> list[str]:
    text = note_text(note)
    return [line for line in note[len(text) + 1 :].split("\n") if line]


def find_cosignature(note: str, witness_key: str) -> str | None:
    """The signature line on ``note`` that claims to come from this witness, if any."""
    key = parse_witness_key(witness_key)
    for line in _lines(note):
        if not line.startswith(SIG_PREFIX):
            continue
        name, _, b64 = line[len(SIG_PREFIX) :].partition(" ")
        raw = _b64(b64)
        if name == key.name and raw is not None and raw[:4] == key.key_id.to_bytes(4, "big"):
            return line + "\n"
    return None


def verify_cosignature(note: str, witness_key: str) -> Cosignature:
    """Check this witness's cosignature on the checkpoint ``note``; return it, or raise
    NoteError saying in plain words what is wrong (missing, malformed, forged)."""
    key = parse_witness_key(witness_key)
    line = find_cosignature(note, witness_key)
    if line is None:
        raise NoteError(f"there is no cosignature from the witness {key.name}")
    raw = _b64(line[len(SIG_PREFIX) :].partition(" ")[2].strip())
    if raw is None or len(raw) != 4 + 8 + 64:
        raise NoteError(f"the cosignature from {key.name} is malformed")
    timestamp = int.from_bytes(raw[4:12], "big")
    message = cosignature_message(note_text(note), timestamp)
    try:
        Ed25519PublicKey.from_public_bytes(key.public_key).verify(raw[12:], message)
    except InvalidSignature:
        raise NoteError(
            f"the cosignature from {key.name} does not verify: it is forged, or the "
            "checkpoint was changed after the witness signed it"
        ) from None
    return Cosignature(key.name, key.key_id, timestamp, line)


def _signer_of(line: str) -> tuple[str, bytes]:
    name, _, b64 = line[len(SIG_PREFIX) :].partition(" ")
    raw = _b64(b64.strip())
    return name, (raw or b"")[:4]


def add_cosignature(note: str, line: str) -> str:
    """The note with this cosignature line added (replacing an older one from the same key)."""
    if not line.startswith(SIG_PREFIX) or not line.endswith("\n") or line.count("\n") != 1:
        raise NoteError("not a signature line")
    mine = _signer_of(line)
    kept = [other + "\n" for other in _lines(note) if _signer_of(other) != mine]
    return note_text(note) + "\n" + "".join(kept) + line
