"""RFC 9162 (= RFC 6962) Merkle tree hashing, proofs and compact ranges.

Why: the ledger is an append-only Merkle log. This module is the pure arithmetic:
hashes, roots, inclusion/consistency proofs and their verification, plus the node-ID
arithmetic that lets the storage layer build proofs from stored perfect-subtree hashes
with O(log n) reads (the shape of transparency-dev ``proof`` and ``compact``). No I/O.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = [
    "EMPTY_ROOT",
    "CompactRange",
    "Node",
    "consistency_proof",
    "consistency_proof_from",
    "consistency_proof_ranges",
    "inclusion_proof",
    "inclusion_proof_from",
    "inclusion_proof_ranges",
    "leaf_hash",
    "node_hash",
    "perfect_nodes",
    "range_hash",
    "root_hash",
    "verify_consistency",
    "verify_inclusion",
]

HASH_SIZE = 32
EMPTY_ROOT: bytes = hashlib.sha256(b"").digest()

_sha256 = hashlib.sha256

NodeId = tuple[int, int]
Fetch = Callable[[list[NodeId]], "dict[NodeId, bytes]"]


def leaf_hash(data: bytes) -> bytes:
    """RFC 9162 leaf hash: SHA-256(0x00 || data)."""
    return _sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 interior node hash: SHA-256(0x01 || left || right)."""
    return _sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """Largest power of two strictly smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


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
        hashes = self.hashes
        while s & 1:
            h = _sha256(b"\x01" + hashes.pop() + h).digest()
            s >>= 1
            level += 1
            nodes.append(Node(level, s, h))
        hashes.append(h)
        self.size = index + 1
        return nodes

    def root(self) -> bytes:
        """The RFC 9162 root of the leaves seen so far."""
        hashes = self.hashes
        if not hashes:
            return EMPTY_ROOT
        r = hashes[-1]
        for h in reversed(hashes[:-1]):
            r = _sha256(b"\x01" + h + r).digest()
        return r

    def __repr__(self) -> str:
        return f"CompactRange(size={self.size}, hashes={len(self.hashes)} hashes)"


# ---------------------------------------------------------------------------
# Node-ID arithmetic


def perfect_nodes(start: int, end: int) -> list[NodeId]:
    """Decompose leaf range [start, end) into perfect subtrees (level, index), left to right."""
    if not 0 <= start <= end:
        raise ValueError(f"bad range [{start}, {end})")
    out: list[NodeId] = []
    while start < end:
        # Largest aligned power of two starting at `start` that fits.
        level = (start & -start).bit_length() - 1 if start else (end - start).bit_length()
        while (1 << level) > end - start:
            level -= 1
        out.append((level, start >> level))
        start += 1 << level
    return out


def range_hash(node_hashes: Sequence[bytes]) -> bytes:
    """Combine perfect-subtree hashes (largest first) into the RFC 6962 subtree hash."""
    if not node_hashes:
        raise ValueError("range_hash needs at least one node hash")
    r = node_hashes[-1]
    for h in reversed(node_hashes[:-1]):
        r = _sha256(b"\x01" + h + r).digest()
    return r


def inclusion_proof_ranges(index: int, size: int) -> list[tuple[int, int]]:
    """Leaf ranges [start, end) whose subtree hashes form the inclusion proof, in proof order."""
    if not 0 <= index < size:
        raise ValueError(f"index {index} is outside a tree of size {size}")
    out: list[tuple[int, int]] = []
    lo, hi = 0, size
    while hi - lo > 1:
        k = _split(hi - lo)
        if index - lo < k:
            out.append((lo + k, hi))
            hi = lo + k
        else:
            out.append((lo, lo + k))
            lo += k
    out.reverse()
    return out


def consistency_proof_ranges(old_size: int, new_size: int) -> list[tuple[int, int]]:
    """Leaf ranges [start, end) whose subtree hashes form the consistency proof, in order."""
    if not 0 <= old_size <= new_size:
        raise ValueError(f"bad sizes: old {old_size}, new {new_size}")
    if old_size == 0 or old_size == new_size:
        return []
    out: list[tuple[int, int]] = []
    lo, hi, m, complete = 0, new_size, old_size, True
    while m != hi - lo:
        k = _split(hi - lo)
        if m <= k:
            out.append((lo + k, hi))
            hi = lo + k
        else:
            out.append((lo, lo + k))
            lo += k
            m -= k
            complete = False
    if not complete:
        out.append((lo, hi))
    out.reverse()
    return out


def _proof_from(fetch: Fetch, ranges: list[tuple[int, int]]) -> list[bytes]:
    per_range = [perfect_nodes(s, e) for s, e in ranges]
    wanted = sorted({n for nodes in per_range for n in nodes})
    got = fetch(wanted) if wanted else {}
    proof: list[bytes] = []
    for nodes in per_range:
        try:
            proof.append(range_hash([got[n] for n in nodes]))
        except KeyError as exc:
            raise LookupError(f"fetch did not return node {exc.args[0]}") from None
    return proof


def inclusion_proof_from(fetch: Fetch, index: int, size: int) -> list[bytes]:
    """Inclusion proof built from stored perfect-subtree hashes; ``fetch`` is called once."""
    return _proof_from(fetch, inclusion_proof_ranges(index, size))


def consistency_proof_from(fetch: Fetch, old_size: int, new_size: int) -> list[bytes]:
    """Consistency proof built from stored perfect-subtree hashes; ``fetch`` is called once."""
    return _proof_from(fetch, consistency_proof_ranges(old_size, new_size))


# ---------------------------------------------------------------------------
# Leaves-based convenience


def _leaf_fetch(leaves: Sequence[bytes]) -> Fetch:
    leaf_hashes = [leaf_hash(d) for d in leaves]

    def perfect(level: int, index: int) -> bytes:
        row = leaf_hashes[index << level : (index + 1) << level]
        if len(row) != 1 << level:
            raise LookupError(f"node ({level}, {index}) is not complete")
        while len(row) > 1:
            row = [node_hash(row[i], row[i + 1]) for i in range(0, len(row), 2)]
        return row[0]

    def fetch(nodes: list[NodeId]) -> dict[NodeId, bytes]:
        return {(lv, ix): perfect(lv, ix) for lv, ix in nodes}

    return fetch


def root_hash(leaves: Sequence[bytes]) -> bytes:
    """RFC 9162 Merkle tree hash of the raw leaf inputs."""
    cr = CompactRange()
    for d in leaves:
        cr.append(leaf_hash(d))
    return cr.root()


def inclusion_proof(leaves: Sequence[bytes], index: int) -> list[bytes]:
    """RFC 9162 inclusion proof (PATH) for leaf ``index`` in the tree of ``leaves``."""
    return inclusion_proof_from(_leaf_fetch(leaves), index, len(leaves))


def consistency_proof(leaves: Sequence[bytes], old_size: int) -> list[bytes]:
    """RFC 9162 consistency proof (PROOF) from the first ``old_size`` leaves to all of them."""
    return consistency_proof_from(_leaf_fetch(leaves), old_size, len(leaves))


# ---------------------------------------------------------------------------
# Verification (RFC 9162 §2.1.3.2 and §2.1.4.2). Never raises on bad input.


def _all_hashes(items: Sequence[bytes]) -> bool:
    return all(isinstance(p, bytes) and len(p) == HASH_SIZE for p in items)


def verify_inclusion(
    leaf_hash: bytes, index: int, tree_size: int, proof: Sequence[bytes], root: bytes
) -> bool:
    """True iff ``proof`` shows leaf ``leaf_hash`` at ``index`` in the tree with ``root``."""
    if not (isinstance(index, int) and isinstance(tree_size, int)):
        return False
    if index < 0 or index >= tree_size:
        return False
    if not _all_hashes([leaf_hash, root]) or not _all_hashes(proof):
        return False
    fn, sn = index, tree_size - 1
    r = leaf_hash
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = _sha256(b"\x01" + p + r).digest()
            if not fn & 1:
                while True:
                    fn >>= 1
                    sn >>= 1
                    if fn & 1 or fn == 0:
                        break
        else:
            r = _sha256(b"\x01" + r + p).digest()
        fn >>= 1
        sn >>= 1
    return sn == 0 and hmac.compare_digest(r, root)


def verify_consistency(
    old_size: int, new_size: int, proof: Sequence[bytes], old_root: bytes, new_root: bytes
) -> bool:
    """True iff ``proof`` shows the tree (old_size, old_root) is a prefix of (new_size, new_root).

    Conventions: old_size == 0 needs an empty proof; old_size == new_size needs an empty
    proof and equal roots.
    """
    if not (isinstance(old_size, int) and isinstance(new_size, int)):
        return False
    if old_size < 0 or new_size < old_size:
        return False
    if not _all_hashes(proof):
        return False
    if old_size == 0:
        return len(proof) == 0
    if not _all_hashes([old_root, new_root]):
        return False
    if old_size == new_size:
        return len(proof) == 0 and hmac.compare_digest(old_root, new_root)
    if not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # exact power of two
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = _sha256(b"\x01" + c + fr).digest()
            sr = _sha256(b"\x01" + c + sr).digest()
            if not fn & 1:
                while True:
                    fn >>= 1
                    sn >>= 1
                    if fn & 1 or fn == 0:
                        break
        else:
            sr = _sha256(b"\x01" + sr + c).digest()
        fn >>= 1
        sn >>= 1
    return sn == 0 and hmac.compare_digest(fr, old_root) and hmac.compare_digest(sr, new_root)
