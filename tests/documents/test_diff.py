"""The documents' word diff: same shape as the agreements' one, and the same words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workings.documents.diff import word_diff

WORD = st.sampled_from(["the", "study", "walk.", "home", "we", "help?", "care", "\n"])


def test_a_changed_word_inside_a_sentence() -> None:
    parts = word_diff("Hello there. We walk.\nNew line.", "Hello there. We run fast.\nNew line.")
    assert [(p.op, p.text) for p in parts] == [
        ("same", "Hello there. We"),
        ("removed", "walk."),
        ("added", "run fast."),
        ("break", ""),
        ("same", "New line."),
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(WORD, max_size=60), st.lists(WORD, max_size=60))
def test_old_and_new_can_be_read_back_from_the_parts(a: list[str], b: list[str]) -> None:
    parts = word_diff(" ".join(a), " ".join(b))
    old = [w for p in parts if p.op in ("same", "removed") for w in p.text.split()]
    new = [w for p in parts if p.op in ("same", "added") for w in p.text.split()]
    assert old == [w for w in a if w != "\n"]
    assert new == [w for w in b if w != "\n"]
    assert sum(p.op == "break" for p in parts) == b.count("\n")
