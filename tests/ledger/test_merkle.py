"""Merkle tree: public RFC 6962 vectors, naive-reference cross-checks and properties."""

from __future__ import annotations

import base64

import pytest
import reference
from hypothesis import given, settings
from hypothesis import strategies as st

from workings.ledger import hashing as h
from workings.ledger import merkle as m

# transparency-dev/merkle testonly/constants.go
LEAVES = [
    bytes.fromhex(x)
    for x in [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
]
ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
NODES = [
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
        "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
    ],
    [
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
    ],
    [
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
    ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
]


def nh(level: int, index: int) -> bytes:
    return bytes.fromhex(NODES[level][index])


def leaves_of(n: int) -> list[bytes]:
    return [i.to_bytes(4, "big") + b"leaf" for i in range(n)]


def test_empty_root() -> None:
    assert h.EMPTY_ROOT.hex() == ROOTS[0]
    assert h.root_hash([]) == h.EMPTY_ROOT


@pytest.mark.parametrize("size", range(0, 9))
def test_known_roots(size: int) -> None:
    assert h.root_hash(LEAVES[:size]).hex() == ROOTS[size]
    assert reference.mth(LEAVES[:size]).hex() == ROOTS[size]


def test_known_node_hashes_via_compact_range() -> None:
    cr = h.CompactRange()
    seen: dict[tuple[int, int], bytes] = {}
    for d in LEAVES:
        for node in cr.append(h.leaf_hash(d)):
            seen[(node.level, node.index)] = node.hash
    for level, row in enumerate(NODES):
        for index, expected in enumerate(row):
            assert seen[(level, index)].hex() == expected
    assert len(seen) == 15


def test_known_inclusion_proofs() -> None:
    assert m.inclusion_proof(LEAVES, 0) == [nh(0, 1), nh(1, 1), nh(2, 1)]
    assert m.inclusion_proof(LEAVES, 5) == [nh(0, 4), nh(1, 3), nh(2, 0)]
    assert m.inclusion_proof(LEAVES[:7], 6) == [nh(1, 2), nh(2, 0)]
    assert m.inclusion_proof(LEAVES[:1], 0) == []


def test_known_consistency_vector() -> None:
    # transparency-dev/merkle testdata/consistency/1/happy-path.json
    b = base64.b64decode
    proof = [
        b("lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c="),
        b("Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4="),
        b("a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="),
    ]
    root1 = b("bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=")
    root2 = b("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=")
    assert m.consistency_proof(LEAVES, 1) == proof
    assert m.verify_consistency(1, 8, proof, root1, root2)
    assert not m.verify_consistency(1, 8, proof, root2, root1)  # swapped roots
    assert not m.verify_consistency(1, 8, proof[:-1], root1, root2)  # truncated
    assert not m.verify_consistency(1, 8, [*proof, proof[0]], root1, root2)  # trailing
    assert not m.verify_consistency(1, 8, [root1, *proof], root1, root2)  # preceding
    assert not m.verify_consistency(1, 8, [], root1, root2)  # empty
    assert not m.verify_consistency(2, 8, proof, root1, root2)
    assert not m.verify_consistency(1, 9, proof, root1, root2)


def test_known_consistency_all_pairs_against_reference() -> None:
    for new in range(1, 9):
        for old in range(1, new + 1):
            got = m.consistency_proof(LEAVES[:new], old)
            assert got == reference.proof(old, LEAVES[:new])
            assert m.verify_consistency(
                old, new, got, bytes.fromhex(ROOTS[old]), bytes.fromhex(ROOTS[new])
            )


def test_edge_policies() -> None:
    r1, r8 = bytes.fromhex(ROOTS[1]), bytes.fromhex(ROOTS[8])
    lh = h.leaf_hash(LEAVES[0])
    assert m.verify_consistency(0, 8, [], h.EMPTY_ROOT, r8)
    assert not m.verify_consistency(0, 8, [r1], h.EMPTY_ROOT, r8)
    assert m.verify_consistency(8, 8, [], r8, r8)
    assert not m.verify_consistency(8, 8, [], r1, r8)
    assert not m.verify_consistency(8, 8, [r1], r8, r8)
    assert not m.verify_consistency(8, 1, [], r8, r1)
    assert not m.verify_consistency(-1, 1, [], r8, r1)
    assert not m.verify_consistency(8, 8, [], b"short", b"short")
    assert m.verify_inclusion(lh, 0, 1, [], r1)
    assert not m.verify_inclusion(lh, 1, 1, [], r1)
    assert not m.verify_inclusion(lh, -1, 1, [], r1)
    assert not m.verify_inclusion(b"", 0, 1, [], r1)  # not a 32-byte hash
    assert not m.verify_inclusion(lh, 0, 0, [], h.EMPTY_ROOT)
    assert not m.verify_inclusion(lh, 0, 8, [b"WrongLeaf"] * 3, r8)
    with pytest.raises(ValueError):
        m.inclusion_proof_ranges(3, 3)
    with pytest.raises(ValueError):
        m.consistency_proof_ranges(4, 3)
    with pytest.raises(ValueError):
        h.CompactRange(3, [r1])
    with pytest.raises(ValueError):
        h.range_hash([])


def test_perfect_nodes_and_range_hash() -> None:
    assert m.perfect_nodes(0, 7) == [(2, 0), (1, 2), (0, 6)]
    assert m.perfect_nodes(4, 7) == [(1, 2), (0, 6)]
    assert m.perfect_nodes(6, 8) == [(1, 3)]
    assert m.perfect_nodes(3, 3) == []
    assert h.range_hash([nh(2, 0), nh(1, 2), nh(0, 6)]).hex() == ROOTS[7]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 300), st.data())
def test_proofs_match_reference_and_verify(size: int, data: st.DataObject) -> None:
    leaves = leaves_of(size)
    root = h.root_hash(leaves)
    assert root == reference.mth(leaves)
    index = data.draw(st.integers(0, size - 1))
    proof = m.inclusion_proof(leaves, index)
    assert proof == reference.path(index, leaves)
    lh = h.leaf_hash(leaves[index])
    assert m.verify_inclusion(lh, index, size, proof, root)
    old = data.draw(st.integers(1, size))
    cproof = m.consistency_proof(leaves, old)
    assert cproof == reference.proof(old, leaves)
    old_root = h.root_hash(leaves[:old])
    assert m.verify_consistency(old, size, cproof, old_root, root)


def test_every_proof_verifies_small_trees() -> None:
    for size in range(1, 40):
        leaves = leaves_of(size)
        root = h.root_hash(leaves)
        roots = [h.root_hash(leaves[:i]) for i in range(size + 1)]
        for i in range(size):
            assert m.verify_inclusion(
                h.leaf_hash(leaves[i]), i, size, m.inclusion_proof(leaves, i), root
            )
        for old in range(0, size + 1):
            p = m.consistency_proof(leaves, old)
            assert m.verify_consistency(old, size, p, roots[old], root)


def _flip(b: bytes, bit: int) -> bytes:
    ba = bytearray(b)
    ba[bit // 8] ^= 1 << (bit % 8)
    return bytes(ba)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 300), st.data())
def test_tampering_breaks_inclusion(size: int, data: st.DataObject) -> None:
    leaves = leaves_of(size)
    root = h.root_hash(leaves)
    index = data.draw(st.integers(0, size - 1))
    proof = m.inclusion_proof(leaves, index)
    lh = h.leaf_hash(leaves[index])
    bit = data.draw(st.integers(0, 255))
    assert not m.verify_inclusion(_flip(lh, bit), index, size, proof, root)
    assert not m.verify_inclusion(lh, index, size, proof, _flip(root, bit))
    for j in range(len(proof)):
        bad = list(proof)
        bad[j] = _flip(bad[j], bit)
        assert not m.verify_inclusion(lh, index, size, bad, root)
    assert not m.verify_inclusion(lh, index, size, proof[:-1], root)
    assert not m.verify_inclusion(lh, index, size, [*proof, root], root)
    assert not m.verify_inclusion(lh, index, size * 2, proof, root)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 300), st.data())
def test_tampering_breaks_consistency(size: int, data: st.DataObject) -> None:
    leaves = leaves_of(size)
    old = data.draw(st.integers(1, size - 1))
    root, old_root = h.root_hash(leaves), h.root_hash(leaves[:old])
    proof = m.consistency_proof(leaves, old)
    assert m.verify_consistency(old, size, proof, old_root, root)
    bit = data.draw(st.integers(0, 255))
    assert not m.verify_consistency(old, size, proof, _flip(old_root, bit), root)
    assert not m.verify_consistency(old, size, proof, old_root, _flip(root, bit))
    for j in range(len(proof)):
        bad = list(proof)
        bad[j] = _flip(bad[j], bit)
        assert not m.verify_consistency(old, size, bad, old_root, root)
    assert not m.verify_consistency(old, size, proof[:-1], old_root, root)
    assert not m.verify_consistency(old, size, [*proof, root], old_root, root)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 300))
def test_compact_range_matches_root_for_every_prefix(size: int) -> None:
    leaves = leaves_of(size)
    cr = h.CompactRange()
    assert cr.root() == h.EMPTY_ROOT
    for i, d in enumerate(leaves):
        nodes = cr.append(h.leaf_hash(d))
        assert nodes[0] == h.Node(0, i, h.leaf_hash(d))
        assert cr.size == i + 1
        assert cr.root() == reference.mth(leaves[: i + 1])
    again = h.CompactRange(cr.size, cr.hashes)
    assert again.root() == cr.root()


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 300), st.data())
def test_proofs_from_stored_nodes(size: int, data: st.DataObject) -> None:
    leaves = leaves_of(size)
    store: dict[tuple[int, int], bytes] = {}
    cr = h.CompactRange()
    for d in leaves:
        for node in cr.append(h.leaf_hash(d)):
            store[(node.level, node.index)] = node.hash
    calls: list[list[tuple[int, int]]] = []

    def fetch(ids: list[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
        calls.append(ids)
        return {i: store[i] for i in ids}

    index = data.draw(st.integers(0, size - 1))
    assert m.inclusion_proof_from(fetch, index, size) == reference.path(index, leaves)
    old = data.draw(st.integers(0, size))
    assert m.consistency_proof_from(fetch, old, size) == (
        reference.proof(old, leaves) if old else []
    )
    assert len(calls) <= 2
    for ids in calls:
        assert len(ids) <= 2 * size.bit_length() + 2
    # Every range used by a proof decomposes into stored perfect nodes.
    for s, e in m.inclusion_proof_ranges(index, size):
        assert all(n in store for n in m.perfect_nodes(s, e))


def test_fetch_missing_node_is_reported() -> None:
    with pytest.raises(LookupError):
        m.inclusion_proof_from(lambda ids: {}, 0, 8)
