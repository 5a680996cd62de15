"""Cache keys are hashed with the site secret before they reach the database.

allauth's rate limits key on the client address; with a database cache that would write
IP addresses into a table. Hashing keeps the limits working across workers while the
stored key says nothing about who was limited.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings


def hashed_key(key: str, key_prefix: str, version: int) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{key_prefix}:{key}".encode(), hashlib.sha256
    ).hexdigest()
    return f"{version}:{digest}"
