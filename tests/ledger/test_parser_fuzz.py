"""Hypothesis fuzzing of the ledger's parsers of untrusted text (issue 18): signed notes and
checkpoints, verifier keys and export lines. Whatever comes in, each either answers or refuses
with its own error; none crashes with another exception. (The Markdown sanitiser and upload
sniffing: tests/core/test_untrusted_input_fuzz.py.)"""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from workings.ledger.checkpoint import (
    CheckpointError,
    NoteError,
    format_checkpoint,
    generate_signer,
    parse_checkpoint,
    parse_verifier_key,
    sign_note,
    verify_note,
)
from workings.verifier.export import ExportError, parse_line

FUZZ = settings(max_examples=150, deadline=None, derandomize=True)
SIGNER, VERIFIER = generate_signer("workings.test")
NOTE = sign_note(format_checkpoint("workings.test/p", 3, b"\x01" * 32), SIGNER)

# Text shaped like what is parsed, so the fuzzing gets past the first line of each parser.
note_like = st.one_of(
    st.text(),
    st.builds(lambda a, b: NOTE[: len(NOTE) * a // 100] + b, st.integers(0, 100), st.text()),
    st.builds(lambda t: t + "\n\n— workings.test " + t + "\n", st.text()),
)


@FUZZ
@given(note_like)
def test_notes_are_verified_or_refused(text: str) -> None:
    try:
        verify_note(text, [VERIFIER])
    except NoteError:
        pass


@FUZZ
@given(st.one_of(st.text(), st.builds(lambda t: "workings.test+" + t, st.text())))
def test_verifier_keys_are_read_or_refused(text: str) -> None:
    try:
        parse_verifier_key(text)
    except (NoteError, ValueError):
        pass


@FUZZ
@given(
    st.one_of(
        st.text(), st.builds(lambda a, b, c: f"{a}\n{b}\n{c}\n", st.text(), st.text(), st.text())
    )
)
def test_checkpoints_are_parsed_or_refused(text: str) -> None:
    try:
        parse_checkpoint(text)
    except CheckpointError:
        pass


export_like = st.one_of(
    st.binary(),
    st.text(),
    st.builds(
        lambda d: json.dumps(d),
        st.dictionaries(
            st.sampled_from(["seq", "leaf", "content", "salt", "erased", "members", "checkpoint"]),
            st.one_of(st.integers(), st.text(), st.none(), st.lists(st.integers(), max_size=3)),
        ),
    ),
)


@FUZZ
@given(export_like)
def test_export_lines_are_read_or_refused(line: str | bytes) -> None:
    try:
        parse_line(line)
    except ExportError:
        pass
