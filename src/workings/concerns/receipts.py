"""Receipt codes for anonymous concerns, and the brake on guessing them.

A code is 20 random digits shown once, in groups of four. Only an Argon2id hash is stored.
The hash uses a per-project salt derived from the site secret (never stored), so a code can
be found by equality without trying every concern, and a copy of the database alone is not
enough to start guessing. Wrong guesses are counted per project (not per address: we keep no
addresses) in the shared cache, over a sliding window; see docs/decisions/concerns-anonymity.md.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time

from argon2.low_level import Type, hash_secret
from django.conf import settings
from django.core.cache import cache

from workings.core.exceptions import ValidationFailed

DIGITS = 20
GROUP = 4
# OWASP's Argon2id baseline: 19 MiB, 2 passes, 1 lane.
TIME_COST = 2
MEMORY_COST = 19456
PARALLELISM = 1
# Sliding window for wrong guesses, per project.
WINDOW_SECONDS = 15 * 60
MAX_WRONG = 20

WRONG_CODE = (
    "That receipt code does not match a concern here. Check it and try again: it is the "
    "20 digits you were shown when you sent your concern."
)
TOO_MANY = (
    "Too many wrong receipt codes have been tried here recently, so we are not checking "
    "codes for a while. Please try again in 15 minutes."
)


def new_code() -> str:
    digits = "".join(secrets.choice("0123456789") for _ in range(DIGITS))
    return "-".join(digits[i : i + GROUP] for i in range(0, DIGITS, GROUP))


def normalise(code: str) -> str | None:
    digits = re.sub(r"[\s\-–—.]", "", code or "")
    if len(digits) != DIGITS or not digits.isdigit():
        return None
    return digits


def _salt(project_id: int) -> bytes:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"concern-receipt:{project_id}".encode(), hashlib.sha256
    ).digest()[:16]


def code_hash(project_id: int, code: str) -> str:
    digits = normalise(code)
    if digits is None:
        raise ValidationFailed(WRONG_CODE, field="code")
    return hash_secret(
        digits.encode(),
        _salt(project_id),
        time_cost=TIME_COST,
        memory_cost=MEMORY_COST,
        parallelism=PARALLELISM,
        hash_len=32,
        type=Type.ID,
    ).decode()


# -- the brake ------------------------------------------------------------------------
def _key(project_id: int) -> str:
    return f"concerns:wrong-receipts:{project_id}"


def _recent(project_id: int, now: float) -> list[float]:
    stamps = cache.get(_key(project_id)) or []
    return [t for t in stamps if now - t < WINDOW_SECONDS]


def check_not_throttled(project_id: int) -> None:
    if len(_recent(project_id, time.time())) >= MAX_WRONG:
        raise ValidationFailed(TOO_MANY, field="code")


def record_wrong(project_id: int) -> None:
    now = time.time()
    # Whole minutes only: the counter says how many, not exactly when.
    stamps = [*_recent(project_id, now), float(int(now // 60) * 60)]
    cache.set(_key(project_id), stamps[-MAX_WRONG * 2 :], WINDOW_SECONDS)
