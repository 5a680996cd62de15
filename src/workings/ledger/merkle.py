"""RFC 9162 (= RFC 6962) inclusion and consistency proofs, and their verification.

Why: the ledger is an append-only Merkle log. This module is the pure proof arithmetic:
which subtrees a proof is made of, building proofs, and checking them, plus the node-ID
arithmetic that lets the storage layer build proofs from stored perfect-subtree hashes
with O(log n) reads (the shape of transparency-dev ``proof``). Every hash is computed by
``hashing``, the one hasher. No I/O.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Sequence

from .hashing import HASH_SIZE, leaf_hash, node_hash, range_hash, tree_levels

__all__ = [
    "consistency_proof",
    "consistency_proof_from",
    "consistency_proof_ranges",
    "inclusion_proof",
    "inclusion_proof_from",
    "inclusion_proof_ranges",
    "perfect_nodes",
    "verify_consistency",
    "verify_inclusion",
]

NodeId = tuple[int, int]
Fetch = Callable[[list[NodeId]], "dict[NodeId, bytes]"]


def _split(n: int) -> int:
    """Largest power of two strictly smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


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
    levels = list(tree_levels(b"".join(leaf_hash(d) for d in leaves)))

    def fetch(nodes: list[NodeId]) -> dict[NodeId, bytes]:
        out: dict[NodeId, bytes] = {}
        for lv, ix in nodes:
            h = bytes(levels[lv][HASH_SIZE * ix : HASH_SIZE * ix + HASH_SIZE])
            if len(h) != HASH_SIZE:
                raise LookupError(f"node ({lv}, {ix}) is not complete")
            out[(lv, ix)] = h
        return out

    return fetch


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


def _up_to_a_right_child(fn: int, sn: int) -> tuple[int, int]:
    """The RFC's "right-shift fn and sn equally until either LSB(fn) is set or fn is 0",
    after one step (the caller shifts once more at the end of its loop)."""
    while True:
        fn >>= 1
        sn >>= 1
        if fn & 1 or fn == 0:
            return fn, sn


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
            r = node_hash(p, r)
            if not fn & 1:
                fn, sn = _up_to_a_right_child(fn, sn)
        else:
            r = node_hash(r, p)
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
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                fn, sn = _up_to_a_right_child(fn, sn)
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and hmac.compare_digest(fr, old_root) and hmac.compare_digest(sr, new_root)
