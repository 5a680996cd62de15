"""Signed notes and checkpoints, against golang.org/x/mod/sumdb/note vectors."""

from __future__ import annotations

import base64

import pytest

from workings.ledger.checkpoint import (
    Checkpoint,
    CheckpointError,
    NoteError,
    add_signature,
    format_checkpoint,
    generate_signer,
    key_id,
    parse_checkpoint,
    parse_verifier_key,
    sign_note,
    verify_note,
)

# golang.org/x/mod/sumdb/note/note_test.go
PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
PETER_SIG = (
    "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKv"
    "qfqdngotpRZb6KE6RyyBwJnAM=\n"
)
ENOCH_SIG = (
    "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01o"
    "OTGwnWLox33WWd1RvMc+QQ=\n"
)


def test_go_sign_vector_exact_bytes() -> None:
    assert sign_note(TEXT, PETER_SKEY) == TEXT + "\n" + PETER_SIG
    assert (TEXT + "\n" + PETER_SIG).encode()[len(TEXT) + 1 : len(TEXT) + 4] == b"\xe2\x80\x94"


def test_go_verifier_key_and_id() -> None:
    v = parse_verifier_key(PETER_VKEY)
    assert v.name == "PeterNeumann" and v.key_id == 0xC74F20A3
    assert key_id("PeterNeumann", v.public_key) == 0xC74F20A3
    assert v.key_string == PETER_VKEY
    assert parse_verifier_key(ENOCH_VKEY).key_id == 0xAF0CFE78


def test_go_open_vectors() -> None:
    both = TEXT + "\n" + PETER_SIG + ENOCH_SIG
    assert verify_note(both, [PETER_VKEY]) == TEXT  # Enoch's is unknown: ignored
    assert verify_note(both, [PETER_VKEY, ENOCH_VKEY]) == TEXT
    assert verify_note(TEXT + "\n" + ENOCH_SIG, [ENOCH_VKEY]) == TEXT
    with pytest.raises(NoteError, match="no signature from a known key"):
        verify_note(both, [])
    with pytest.raises(NoteError, match="more than 100"):
        verify_note(TEXT + "\n" + PETER_SIG * 101, [PETER_VKEY])
    assert verify_note(TEXT + "\n" + PETER_SIG * 100, [PETER_VKEY]) == TEXT
    bad = TEXT + "\n" + PETER_SIG[:60] + "ABCD" + PETER_SIG[60:]
    with pytest.raises(NoteError, match="does not verify for key PeterNeumann\\+c74f20a3"):
        verify_note(bad, [PETER_VKEY])
    # Duplicated and corrupted unknown signatures are ignored.
    dup = TEXT + "\n" + PETER_SIG * 2 + ENOCH_SIG * 2 + ENOCH_SIG[:60] + "ABCD" + ENOCH_SIG[60:]
    assert verify_note(dup, [PETER_VKEY]) == TEXT


@pytest.mark.parametrize(
    "msg",
    [
        TEXT,
        TEXT + "\n",
        TEXT + "\n" + PETER_SIG[:-1],
        "\x01" + TEXT + "\n" + PETER_SIG,
        TEXT + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2p"
        "ZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
        TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
        TEXT + "\n" + "\u2014 PeterNeumann \n",
        TEXT + "\n" + "\u2014 PeterNeumann AAAA\n",  # fewer than 5 bytes
        TEXT + "\n" + "\u2014 PeterNeumann not-base64!\n",
        TEXT + "\n" + "- PeterNeumann x08go/ZJ\n",
    ],
)
def test_go_malformed_notes(msg: str) -> None:
    with pytest.raises(NoteError, match="malformed note"):
        verify_note(msg, [PETER_VKEY])


def test_extra_blank_line_among_signatures_is_rejected() -> None:
    # The text is split at the LAST blank line, so the first signature becomes text.
    with pytest.raises(NoteError, match="does not verify"):
        verify_note(TEXT + "\n" + PETER_SIG + "\n" + PETER_SIG, [PETER_VKEY])


def test_invalid_utf8_is_malformed_when_decoded() -> None:
    with pytest.raises(UnicodeDecodeError):
        (b"\xff" + TEXT.encode()).decode("utf-8")


def test_go_verifier_key_manglings_rejected() -> None:
    b = PETER_VKEY
    for i in range(len(b) + 1):
        for j in range(i + 1, len(b) + 1):
            if i != 0 or j != len(b):
                with pytest.raises(NoteError):
                    parse_verifier_key(b[i:j])
    for i in range(len(b)):
        mangled = b[:i] + chr(ord(b[i]) + 1) + b[i + 1 :]
        with pytest.raises(NoteError):
            parse_verifier_key(mangled)
    for k in (
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    ):
        with pytest.raises(NoteError):
            parse_verifier_key(k)


def test_go_signer_key_manglings_rejected() -> None:
    b = PETER_SKEY
    for i in range(len(b) + 1):
        for j in range(i + 1, len(b) + 1):
            if i == 0 and j == len(b):
                continue
            with pytest.raises(NoteError):
                sign_note(TEXT, b[i:j])
    for i in range(len(b)):
        with pytest.raises(NoteError):
            sign_note(TEXT, b[:i] + chr(ord(b[i]) + 1) + b[i + 1 :])


def test_generate_sign_verify_round_trip() -> None:
    skey, vkey = generate_signer("workings.example/log/1")
    other_s, other_v = generate_signer("workings.example/log/1")
    note = sign_note("hello\n\nworld\n", skey)
    assert verify_note(note, [vkey]) == "hello\n\nworld\n"
    with pytest.raises(NoteError, match="no signature from a known key"):
        verify_note(note, [other_v])
    tampered = note.replace("world", "w0rld")
    with pytest.raises(NoteError, match="does not verify"):
        verify_note(tampered, [vkey])
    cosigned = add_signature(note, other_s)
    assert verify_note(cosigned, [other_v]) == "hello\n\nworld\n"
    assert verify_note(cosigned, [vkey, other_v]) == "hello\n\nworld\n"
    assert cosigned.startswith(note)
    assert add_signature(cosigned, other_s) == cosigned  # replaced, not duplicated
    for name in ("", "a+b", "a b", "a\u2003b"):
        with pytest.raises(NoteError):
            generate_signer(name)
    with pytest.raises(NoteError):
        sign_note("no newline", skey)
    with pytest.raises(NoteError):
        sign_note("tab\there\n", skey)


def test_signature_from_known_name_but_other_id_is_ignored() -> None:
    skey, vkey = generate_signer("PeterNeumann")
    note = sign_note(TEXT, skey) + PETER_SIG
    assert verify_note(note, [PETER_VKEY]) == TEXT
    assert verify_note(note, [vkey]) == TEXT


ROOT = bytes(range(32))


def test_checkpoint_format_and_parse() -> None:
    body = format_checkpoint("example.com/log", 7, ROOT, ["ext one"])
    assert body == "example.com/log\n7\n" + base64.b64encode(ROOT).decode() + "\next one\n"
    assert parse_checkpoint(body) == Checkpoint("example.com/log", 7, ROOT, ("ext one",))
    empty = "example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"
    cp = parse_checkpoint(empty)
    assert cp.size == 0 and cp.root.hex().startswith("e3b0c442")
    assert format_checkpoint(cp.origin, 0, cp.root) == empty


R64 = base64.b64encode(ROOT).decode()


@pytest.mark.parametrize(
    "text",
    [
        f"o\n7\n{R64}",  # no trailing newline
        f"\n7\n{R64}\n",  # empty origin
        f"o\n07\n{R64}\n",  # leading zero
        f"o\n-7\n{R64}\n",
        f"o\n+7\n{R64}\n",
        f"o\n 7\n{R64}\n",
        f"o\nseven\n{R64}\n",
        f"o\n{2**64}\n{R64}\n",
        "o\n7\nnot base64!\n",
        f"o\n7\n{base64.b64encode(ROOT[:31]).decode()}\n",
        f"o\n7\n{R64[:-1]}\n",
        f"o\n7\n{R64}\n\n",  # empty extension line
        "o\n7\n",
        "",
    ],
)
def test_checkpoint_malformed(text: str) -> None:
    with pytest.raises(CheckpointError):
        parse_checkpoint(text)


def test_checkpoint_format_rejects_bad_input() -> None:
    for args in (("", 1, ROOT), ("o", -1, ROOT), ("o", 1, ROOT[:5]), ("a\nb", 1, ROOT)):
        with pytest.raises(CheckpointError):
            format_checkpoint(*args)
    with pytest.raises(CheckpointError):
        format_checkpoint("o", 1, ROOT, [""])
