"""The one RFC 9162 Merkle hasher: leaf and node hashes, roots, compact ranges, whole levels.

Why: every Merkle hash in Workings (appends, stored nodes, proofs, the offline verifier and
its multi-process form) is computed here and nowhere else, so there is one definition to
test against the RFC vectors and the naive reference. It comes in two shapes: one hash at a
time (appends and proofs), and whole tree levels packed as concatenated 32-byte hashes (the
verifiers, which hash millions of nodes and must not hold a Python object per node).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

__all__ = [
    "EMPTY_ROOT",
    "HASH_SIZE",
    "CompactRange",
    "Node",
    "leaf_hash",
    "node_hash",
    "parent_level",
    "prefix_roots",
    "range_hash",
    "root_hash",
    "tree_levels",
]

HASH_SIZE = 32
EMPTY_ROOT: bytes = hashlib.sha256(b"").digest()

_sha256 = hashlib.sha256


def leaf_hash(data: bytes) -> bytes:
    """RFC 9162 leaf hash: SHA-256(0x00 || data)."""
    return _sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 interior node hash: SHA-256(0x01 || left || right)."""
    return _sha256(b"\x01" + left + right).digest()


def range_hash(node_hashes: Sequence[bytes]) -> bytes:
    """Combine adjacent perfect-subtree hashes (largest, leftmost first) into their root."""
    if not node_hashes:
        raise ValueError("range_hash needs at least one node hash")
    r = node_hashes[-1]
    for h in reversed(node_hashes[:-1]):
        r = node_hash(h, r)
    return r


@dataclass(frozen=True, slots=True)
class Node:
    """A perfect subtree: level L, index i covers leaves [i*2^L, (i+1)*2^L)."""

    level: int
    index: int
    hash: bytes


class CompactRange:
    """The frontier of a tree of ``size`` leaves: popcount(size) perfect-subtree roots.

    ``hashes`` are ordered largest (leftmost) subtree first. Appending costs O(log n).
    """

    __slots__ = ("size", "hashes")

    def __init__(self, size: int = 0, hashes: Sequence[bytes] = ()) -> None:
        if size < 0:
            raise ValueError("size must not be negative")
        if len(hashes) != size.bit_count():
            raise ValueError(
                f"a tree of {size} leaves needs {size.bit_count()} frontier hashes, "
                f"got {len(hashes)}"
            )
        self.size: int = size
        self.hashes: list[bytes] = list(hashes)

    def append(self, leaf_hash: bytes) -> list[Node]:
        """Add one leaf hash; return every perfect-subtree node this append completes."""
        index = self.size
        h = leaf_hash
        nodes = [Node(0, index, h)]
        level = 0
        s = index
        while s & 1:
            h = node_hash(self.hashes.pop(), h)
            s >>= 1
            level += 1
            nodes.append(Node(level, s, h))
        self.hashes.append(h)
        self.size = index + 1
        return nodes

    def root(self) -> bytes:
        """The RFC 9162 root of the leaves seen so far."""
        return range_hash(self.hashes) if self.hashes else EMPTY_ROOT

    def __repr__(self) -> str:
        return f"CompactRange(size={self.size}, hashes={len(self.hashes)} hashes)"


def root_hash(leaves: Iterable[bytes]) -> bytes:
    """RFC 9162 Merkle tree hash of the raw leaf inputs."""
    cr = CompactRange()
    for d in leaves:
        cr.append(leaf_hash(d))
    return cr.root()


# ---------------------------------------------------------------------------
# Whole levels: a level is its nodes' hashes concatenated, 32 bytes each, left to right.


def parent_level(level: bytes | bytearray | memoryview, first: int = 0) -> bytes:
    """The parents of a run of nodes ``first, first + 1, ...`` of one level, packed.

    Only parents whose two children are both in the run are hashed: a run that starts on a
    right child (odd ``first``) skips it, and a last left child without its sibling is left
    out. The first parent returned is node ``(first + 1) // 2`` of the level above.
    """
    # node_hash for every pair, SHA-256(0x01 || left || right), with both children taken as
    # one 64-byte slice of the level: faster than calling node_hash millions of times.
    sha = _sha256
    mv = memoryview(level)
    off = (first & 1) * HASH_SIZE
    end = off + (len(mv) - off) // (2 * HASH_SIZE) * (2 * HASH_SIZE)
    return b"".join([sha(b"\x01" + mv[i : i + 64]).digest() for i in range(off, end, 64)])


def tree_levels(leaf_hashes: bytes | bytearray | memoryview) -> Iterator[bytes | memoryview]:
    """Every level of the tree over packed leaf hashes, leaves first, up to one node.

    A generator: a caller that consumes it level by level holds only two levels at once.
    """
    level: bytes | memoryview = memoryview(leaf_hashes)
    yield level
    while len(level) >= 2 * HASH_SIZE:
        level = parent_level(level)
        yield level


def prefix_roots(
    levels: Iterable[bytes | bytearray | memoryview], sizes: Iterable[int]
) -> dict[int, bytes]:
    """The root of the tree of the first ``m`` leaves, for every ``m`` in ``sizes``.

    ``levels`` are whole levels from the leaves up (``tree_levels``, or levels built in parts
    and joined). The perfect subtrees of [0, m) are, for every set bit L of m, node
    (L, (m >> L) - 1), so each root is read off the levels without hashing them again.
    """
    unique = set(sizes)
    if any(m < 0 for m in unique):
        raise ValueError("a tree size must not be negative")
    wanted: dict[int, list[bytes]] = {m: [] for m in unique if m > 0}
    for lv, level in enumerate(levels):
        for m, parts in wanted.items():
            if (m >> lv) & 1:
                i = ((m >> lv) - 1) * HASH_SIZE
                parts.append(bytes(level[i : i + HASH_SIZE]))
    roots = {0: EMPTY_ROOT}
    for m, parts in wanted.items():
        if len(parts) != m.bit_count() or any(len(p) != HASH_SIZE for p in parts):
            raise ValueError(f"the levels given hold fewer than {m} leaves")
        roots[m] = range_hash(parts[::-1])  # parts were found smallest (rightmost) first
    return roots
