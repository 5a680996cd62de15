"""Spam defences that track no one, and the private links' tokens.

- A honeypot field, hidden from people (and from screen readers), that bots fill in.
- A rate limit kept in the cache under a *keyed hash* of the address and the current
  ten-minute window: the address itself is never stored, the hash changes every window and
  the cache forgets it when the window ends, so nothing links two windows or a person.
- Private links (confirming a subscription, managing it, a comment's own page) are signed
  tokens of a random id: nothing secret is stored, and a changed character breaks them.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.cache import cache

WINDOW_SECONDS = 600
DEFAULT_COMMENTS_PER_WINDOW = 5
DEFAULT_SUBSCRIPTIONS_PER_WINDOW = 5
CONFIRM_MAX_AGE = 7 * 24 * 3600  # a confirmation link lasts a week

CONFIRM_SALT = "workings.posts.confirm"
MANAGE_SALT = "workings.posts.subscription"
COMMENT_SALT = "workings.posts.comment"


def _limit(kind: str) -> int:
    defaults = {
        "comment": DEFAULT_COMMENTS_PER_WINDOW,
        "subscribe": DEFAULT_SUBSCRIPTIONS_PER_WINDOW,
    }
    limits = getattr(settings, "WORKINGS_POSTS_RATE_LIMITS", {})
    return int(limits.get(kind, defaults[kind]))


def _key(kind: str, address: str, window: int) -> str:
    secret = settings.SECRET_KEY.encode()
    digest = hmac.new(secret, f"{kind}|{window}|{address}".encode(), hashlib.sha256)
    return "posts-rate:" + digest.hexdigest()[:32]


def client_address(request: Any) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def over_limit(kind: str, address: str) -> bool:
    """Count one more attempt; True once this window's limit is passed."""
    window = int(time.time()) // WINDOW_SECONDS
    key = _key(kind, address, window)
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count > _limit(kind)


def confirm_token(subscription: Any) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(subscription.uuid))


def manage_token(subscription: Any) -> str:
    return signing.Signer(salt=MANAGE_SALT).sign(str(subscription.uuid))


def comment_token(comment: Any) -> str:
    return signing.Signer(salt=COMMENT_SALT).sign(str(comment.uuid))


def read_confirm(token: str) -> tuple[str | None, bool]:
    """(the subscription's uuid or None, whether the link has expired)."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT)
    try:
        return signer.unsign(token, max_age=CONFIRM_MAX_AGE), False
    except signing.SignatureExpired:
        return signer.unsign(token), True
    except signing.BadSignature:
        return None, False


def read_signed(token: str, salt: str) -> str | None:
    try:
        return signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature:
        return None
