"""Canonical JSON: the fast path equals RFC 8785 wherever it is taken."""

from __future__ import annotations

from typing import Any

import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from workings.ledger.canonical import canonical_json, in_fast_domain

SAFE = 2**53 - 1
fast_keys = st.text(st.characters(max_codepoint=0xD7FF, exclude_categories=("Cs",)))
fast_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers(-SAFE, SAFE) | st.text(),
    lambda kids: st.lists(kids, max_size=5) | st.dictionaries(fast_keys, kids, max_size=5),
    max_leaves=30,
)
any_keys = st.text()
any_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda kids: st.lists(kids, max_size=5) | st.dictionaries(any_keys, kids, max_size=5),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(fast_values)
def test_fast_path_equals_rfc8785(value: Any) -> None:
    assert in_fast_domain(value)
    assert canonical_json(value) == rfc8785.dumps(value)


@settings(max_examples=300, deadline=None)
@given(any_values)
def test_always_equals_rfc8785(value: Any) -> None:
    try:
        want = rfc8785.dumps(value)
    except rfc8785.IntegerDomainError:
        return
    assert canonical_json(value) == want


def test_fallback_taken_outside_domain() -> None:
    assert not in_fast_domain({"a": 1.5})
    assert not in_fast_domain([2**53])
    assert not in_fast_domain({"\U0001f600": 1, "\ufb01": 2})
    assert not in_fast_domain((1, 2))
    # Astral vs BMP-private-use key order differs between code points and UTF-16.
    value = {"\U0001f600": 1, "\ue000": 2}
    assert canonical_json(value) == rfc8785.dumps(value)
    assert canonical_json(value).startswith('{"\U0001f600"'.encode())
    assert canonical_json({"x": 1.0}) == b'{"x":1}'


def test_examples() -> None:
    assert (
        canonical_json({"b": [1, "é", None], "a": True}) == '{"a":true,"b":[1,"é",null]}'.encode()
    )
    assert canonical_json("\u2028") == rfc8785.dumps("\u2028")
    assert canonical_json("\x7f\x00") == rfc8785.dumps("\x7f\x00")
