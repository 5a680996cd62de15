"""The one hasher: RFC 9162 vectors and properties against the naive reference.

Every Merkle hash in Workings (appends, proofs, the offline and multi-process verifiers)
comes from ``workings.ledger.hashing``; these tests pin it to the RFC text.
"""

from __future__ import annotations

import hashlib

import pytest
import reference
from hypothesis import given, settings
from hypothesis import strategies as st

from workings.ledger import hashing as h

# transparency-dev/merkle testonly/constants.go: the roots of the first n of 8 leaves.
LEAVES = [
    bytes.fromhex(x)
    for x in ["", "00", "10", "2021", "3031", "40414243", "5051525354555657"]
    + ["606162636465666768696a6b6c6d6e6f"]
]
ROOT_8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"

leaf_lists = st.lists(st.binary(max_size=40), max_size=200)


def test_leaf_and_node_hash_are_the_rfc_definitions() -> None:
    assert h.leaf_hash(b"abc") == hashlib.sha256(b"\x00abc").digest()
    left, right = b"L" * 32, b"R" * 32
    assert h.node_hash(left, right) == hashlib.sha256(b"\x01" + left + right).digest()
    assert h.EMPTY_ROOT == hashlib.sha256(b"").digest()
    assert h.root_hash(LEAVES).hex() == ROOT_8


@settings(max_examples=80, deadline=None)
@given(leaf_lists)
def test_root_equals_the_naive_reference(leaves: list[bytes]) -> None:
    assert h.root_hash(leaves) == reference.mth(leaves)


@settings(max_examples=60, deadline=None)
@given(leaf_lists)
def test_compact_range_matches_the_reference_at_every_size(leaves: list[bytes]) -> None:
    cr = h.CompactRange()
    assert cr.root() == reference.mth([])
    for i, leaf in enumerate(leaves, start=1):
        cr.append(h.leaf_hash(leaf))
        assert cr.size == i
        assert len(cr.hashes) == i.bit_count()
        assert cr.root() == reference.mth(leaves[:i])
        # The frontier alone, handed to a new range, gives the same root.
        assert h.CompactRange(cr.size, cr.hashes).root() == cr.root()
        assert h.range_hash(cr.hashes) == cr.root()


@settings(max_examples=60, deadline=None)
@given(leaf_lists)
def test_prefix_roots_from_whole_levels_match_the_reference(leaves: list[bytes]) -> None:
    packed = b"".join(h.leaf_hash(x) for x in leaves)
    sizes = list(range(len(leaves) + 1))
    from_stream = h.prefix_roots(h.tree_levels(packed), sizes)
    from_list = h.prefix_roots(list(h.tree_levels(packed)), sizes)
    for m in sizes:
        assert from_stream[m] == from_list[m] == reference.mth(leaves[:m]), m


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 70), st.integers(0, 70), st.integers(0, 2**32))
def test_parent_level_hashes_only_whole_pairs(first: int, count: int, seed: int) -> None:
    import random

    rng = random.Random(seed)
    nodes = [rng.randbytes(32) for _ in range(count)]
    parents = h.parent_level(b"".join(nodes), first)
    # Node first + j is a left child when (first + j) is even; its sibling must be present.
    expected = [
        h.node_hash(nodes[j], nodes[j + 1]) for j in range(count - 1) if (first + j) % 2 == 0
    ]
    assert parents == b"".join(expected)


def test_prefix_roots_refuses_a_size_beyond_the_levels() -> None:
    packed = b"".join(h.leaf_hash(x) for x in LEAVES[:5])
    with pytest.raises(ValueError):
        h.prefix_roots(h.tree_levels(packed), [6])


def test_tree_levels_of_nothing() -> None:
    assert h.prefix_roots(h.tree_levels(b""), [0]) == {0: h.EMPTY_ROOT}
