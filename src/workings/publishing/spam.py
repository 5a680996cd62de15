"""Spam defences that track nobody (docs/decisions/comment-spam-defences.md):

- a honeypot field people never see and bots fill in;
- rate limits counted in the shared cache under a key that is an HMAC of the client
  address and the current window, keyed with the site secret (and hashed again by the
  cache's key function): no address is stored, and the count expires with its window;
- an optional small proof of work: a browser with JavaScript may solve a puzzle, and a
  solved puzzle lifts the per-address limit. Nobody needs it to comment."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from workings.core import clock

WINDOW_SECONDS = 600
PER_ADDRESS = 5  # comments from one address in ten minutes
PER_TARGET = 60  # comments on one project in ten minutes, from everyone
POW_BITS = 14  # about 16,000 tries: well under a second in a browser
POW_MAX_AGE = 3600
_SALT = "workings.publishing.pow"


def _window() -> int:
    return int(clock.now().timestamp()) // WINDOW_SECONDS


def address_key(address: str) -> str:
    """The key a client's count is kept under: says nothing readable about the address."""
    mac = hmac.new(settings.SECRET_KEY.encode(), f"comment:{address}".encode(), hashlib.sha256)
    return f"publishing:rate:{mac.hexdigest()}:{_window()}"


def _bump(key: str) -> int:
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        return int(cache.incr(key))
    except ValueError:
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        return 1


def over_limit(*, address: str, target: str, proven: bool) -> bool:
    """Count one more comment; True if it is one too many. A solved puzzle lifts the
    per-address limit (many people may share one address), never the per-target one."""
    per_target = _bump(f"publishing:rate-target:{target}:{_window()}")
    per_address = 0 if proven else _bump(address_key(address))
    return per_target > PER_TARGET or per_address > PER_ADDRESS


def client_address(request: Any) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def challenge() -> str:
    """A fresh puzzle, signed so it cannot be made up; nothing is stored."""
    return signing.dumps(secrets.token_hex(8), salt=_SALT)


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def solved(puzzle: str, answer: str) -> bool:
    """True if ``answer`` solves a genuine, recent puzzle: SHA-256(puzzle ":" answer) starts
    with POW_BITS zero bits. A puzzle can be reused within its hour; it only lifts a limit."""
    if not puzzle or not answer or len(answer) > 32:
        return False
    try:
        signing.loads(puzzle, salt=_SALT, max_age=POW_MAX_AGE)
    except signing.BadSignature:
        return False
    digest = hashlib.sha256(f"{puzzle}:{answer}".encode()).digest()
    return leading_zero_bits(digest) >= POW_BITS
