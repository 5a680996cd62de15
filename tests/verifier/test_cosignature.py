"""C2SP tlog-cosignature/v1: format, round trips, forgeries, and the note still verifying
with the log's own key once witnesses have signed it."""

from __future__ import annotations

import base64
import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from workings.ledger.checkpoint import (
    NoteError,
    format_checkpoint,
    generate_signer,
    sign_note,
    verify_note,
)
from workings.verifier.cosignature import (
    add_cosignature,
    cosign,
    cosignature_message,
    generate_witness_key,
    note_text,
    parse_witness_key,
    verify_cosignature,
)

LOG_SIGNER, LOG_KEY = generate_signer("example.org/log")
W_SIGNER, W_KEY = generate_witness_key("witness.example.org")
OTHER_SIGNER, OTHER_KEY = generate_witness_key("other.example.org")


def _note(size: int = 5, root: bytes = b"\x01" * 32) -> str:
    return sign_note(format_checkpoint("example.org/log", size, root), LOG_SIGNER)


def test_the_message_and_line_follow_the_spec() -> None:
    text = note_text(_note())
    assert cosignature_message(text, 1679315147) == (
        b"cosignature/v1\ntime 1679315147\n" + text.encode()
    )
    line = cosign(text, W_SIGNER, 1679315147)
    assert line.startswith("\u2014 witness.example.org ") and line.endswith("\n")
    raw = base64.b64decode(line.split(" ")[2])
    assert len(raw) == 4 + 8 + 64
    key = parse_witness_key(W_KEY)
    assert raw[:4] == key.key_id.to_bytes(4, "big")
    assert int.from_bytes(raw[4:12], "big") == 1679315147
    # The key ID is the first four bytes of SHA-256(name || \n || 0x04 || key).
    digest = hashlib.sha256(b"witness.example.org\n\x04" + key.public_key).digest()
    assert raw[:4] == digest[:4]
    assert base64.b64decode(W_KEY.split("+", 2)[2])[0] == 0x04


def test_an_independently_made_signature_verifies() -> None:
    """Sign the spec's message with the raw Ed25519 key, outside our cosign()."""
    seed = base64.b64decode(W_SIGNER.split("+", 4)[4])[1:]
    note = _note()
    message = b"cosignature/v1\ntime 42\n" + note_text(note).encode()
    signature = Ed25519PrivateKey.from_private_bytes(seed).sign(message)
    kid = parse_witness_key(W_KEY).key_id.to_bytes(4, "big")
    line = (
        "\u2014 witness.example.org "
        + base64.b64encode(kid + (42).to_bytes(8, "big") + signature).decode()
    )
    assert verify_cosignature(note + line + "\n", W_KEY).timestamp == 42


def test_the_cosigned_note_still_verifies_with_the_logs_key() -> None:
    note = _note()
    cosigned = add_cosignature(note, cosign(note_text(note), W_SIGNER, 1000))
    assert verify_note(cosigned, [LOG_KEY]) == note_text(note)
    assert verify_cosignature(cosigned, W_KEY).timestamp == 1000
    with pytest.raises(NoteError, match="no cosignature from the witness other.example.org"):
        verify_cosignature(cosigned, OTHER_KEY)


def test_a_forged_or_moved_cosignature_is_refused() -> None:
    note = _note(size=5)
    line = cosign(note_text(note), W_SIGNER, 1000)
    other = _note(size=6)
    with pytest.raises(NoteError, match="does not verify"):
        verify_cosignature(add_cosignature(other, line), W_KEY)
    raw = bytearray(base64.b64decode(line.split(" ")[2]))
    raw[-1] ^= 1
    forged = "\u2014 witness.example.org " + base64.b64encode(bytes(raw)).decode() + "\n"
    with pytest.raises(NoteError, match="forged"):
        verify_cosignature(add_cosignature(note, forged), W_KEY)
    # The time is part of what is signed: changing it breaks the signature.
    raw = bytearray(base64.b64decode(line.split(" ")[2]))
    raw[11] ^= 1
    moved = "\u2014 witness.example.org " + base64.b64encode(bytes(raw)).decode() + "\n"
    with pytest.raises(NoteError):
        verify_cosignature(add_cosignature(note, moved), W_KEY)


def test_keys_that_are_not_witness_keys_are_refused() -> None:
    for bad in (LOG_KEY, "nonsense", W_KEY[:-4] + "AAAA", "a b+00000000+AAAA"):
        with pytest.raises(NoteError):
            parse_witness_key(bad)


@settings(deadline=None, max_examples=40)
@given(
    size=st.integers(min_value=0, max_value=2**40),
    root=st.binary(min_size=32, max_size=32),
    when=st.integers(min_value=0, max_value=2**64 - 1),
)
def test_cosign_then_verify_round_trips(size: int, root: bytes, when: int) -> None:
    note = _note(size, root)
    cosigned = add_cosignature(note, cosign(note_text(note), W_SIGNER, when))
    cosigned = add_cosignature(cosigned, cosign(note_text(note), OTHER_SIGNER, when // 2))
    assert verify_cosignature(cosigned, W_KEY).timestamp == when
    assert verify_cosignature(cosigned, OTHER_KEY).timestamp == when // 2
    # Adding the same witness again replaces its line instead of piling them up.
    again = add_cosignature(cosigned, cosign(note_text(note), W_SIGNER, 7))
    assert again.count("witness.example.org ") == 1
    assert verify_cosignature(again, W_KEY).timestamp == 7


@settings(deadline=None, max_examples=40)
@given(position=st.integers(min_value=0), flip=st.integers(min_value=1, max_value=255))
def test_any_change_to_the_checkpoint_text_breaks_the_cosignature(position: int, flip: int) -> None:
    note = _note()
    text = note_text(note)
    line = cosign(text, W_SIGNER, 99)
    i = position % (len(text) - 1)  # keep the final newline
    changed = text[:i] + chr((ord(text[i]) ^ flip) % 0x7E or 0x41) + text[i + 1 :]
    if changed == text or "\n" in changed[:-1].replace(text[:-1], ""):
        return
    with pytest.raises(NoteError):
        verify_cosignature(changed + "\n" + line, W_KEY)
