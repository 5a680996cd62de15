"""Receipt codes for anonymous concerns, and the brake on guessing them.

A code is 20 random digits shown once, in groups of four. Only an Argon2id hash is stored.
The hash uses a per-project salt derived from the site secret (never stored), so a code can
be found by equality without trying every concern, and a copy of the database alone is not
enough to start guessing. Checks are counted per project (not per address: we keep no
addresses) in fixed windows (concerns/limits.py): after FREE_WRONG wrong codes in a window,
one code a minute is checked; after MAX_WRONG, none until the window ends. A right code gives
its unit back. See docs/decisions/concerns-anonymity.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets

from argon2.low_level import Type, hash_secret
from django.conf import settings
from django.utils.translation import ngettext

from workings.concerns import limits
from workings.core.exceptions import ValidationFailed

DIGITS = 20
GROUP = 4
# OWASP's Argon2id baseline: 19 MiB, 2 passes, 1 lane.
TIME_COST = 2
MEMORY_COST = 19456
PARALLELISM = 1
# Wrong guesses, per project, in fixed windows: FREE_WRONG at once, then one a minute up to
# MAX_WRONG, then none until the window ends.
WINDOW_SECONDS = 15 * 60
FREE_WRONG = 10
MAX_WRONG = 20
GUESSES = limits.Limit(
    purpose="wrong-receipt",
    window=dt.timedelta(seconds=WINDOW_SECONDS),
    limit=MAX_WRONG,
    free=FREE_WRONG,
    spacing=dt.timedelta(minutes=1),
)

WRONG_CODE = (
    "That receipt code does not match a concern here. Check it and try again: it is the "
    "20 digits you were shown when you sent your concern."
)


def too_many(refused: limits.Refused) -> str:
    minutes = refused.minutes()
    if refused.slowing:
        return ngettext(
            "Many wrong receipt codes have been tried here recently, so for now we check only "
            "one code a minute. Please wait %(n)d minute and try again.",
            "Many wrong receipt codes have been tried here recently, so for now we check only "
            "one code a minute. Please wait %(n)d minutes and try again.",
            minutes,
        ) % {"n": minutes}
    return ngettext(
        "Too many wrong receipt codes have been tried here recently, so we are not checking "
        "codes for a while. Please try again in %(n)d minute. Your concern is safe.",
        "Too many wrong receipt codes have been tried here recently, so we are not checking "
        "codes for a while. Please try again in %(n)d minutes. Your concern is safe.",
        minutes,
    ) % {"n": minutes}


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
def take_check(project_id: int) -> limits.Taken:
    """One check of a code: taken before the code is looked at, in its own autocommit
    statement, so a refusal's rollback does not undo it. Refused with a plain message."""
    taken = limits.take(project_id, GUESSES)
    if isinstance(taken, limits.Refused):
        raise ValidationFailed(too_many(taken), field="code")
    return taken


def right_code(taken: limits.Taken) -> None:
    """A right code is not a guess: its unit goes back."""
    limits.give_back(taken)
