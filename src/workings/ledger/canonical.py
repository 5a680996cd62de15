"""RFC 8785 (JCS) canonical JSON, with a fast path.

Why: content commitments hash canonical bytes, so two writers must produce the same bytes
for the same value. ``rfc8785`` is the definition; ``json.dumps(sort_keys=True)`` gives the
same bytes when no floats are involved, every key sorts the same in code points and in
UTF-16 (all characters below U+D800), and every int is within +-2**53. We check that domain
first and fall back to ``rfc8785`` otherwise.
"""

from __future__ import annotations

import json
from typing import Any

import rfc8785

__all__ = ["canonical_json", "in_fast_domain"]

_MAX_SAFE = 2**53 - 1
_dumps = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
).encode


def _key_ok(k: object) -> bool:
    return isinstance(k, str) and (k.isascii() or all(ord(c) < 0xD800 for c in k))


def in_fast_domain(obj: Any) -> bool:
    """True when ``json.dumps(sort_keys=True)`` provably equals RFC 8785 for ``obj``."""
    stack = [obj]
    pop, push = stack.pop, stack.append
    while stack:
        o = pop()
        t = type(o)
        if t is str or o is None or o is True or o is False:
            continue
        if t is int:
            if -_MAX_SAFE <= o <= _MAX_SAFE:
                continue
            return False
        if t is dict:
            for k, v in o.items():
                if not _key_ok(k):
                    return False
                push(v)
            continue
        if t is list:
            stack.extend(o)
            continue
        return False  # floats, tuples, subclasses, anything else: use the definition
    return True


def canonical_json(obj: Any) -> bytes:
    """RFC 8785 canonical UTF-8 bytes of a JSON value."""
    if in_fast_domain(obj):
        return _dumps(obj).encode("utf-8")
    return rfc8785.dumps(obj)
