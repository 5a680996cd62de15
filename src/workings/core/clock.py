"""The one clock services read, so tests and the demo can control time (Django's _now() seam)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from django.utils import timezone

_frozen: list[dt.datetime] = []


def now() -> dt.datetime:
    return _frozen[-1] if _frozen else timezone.now()


def today() -> dt.date:
    return now().date()


@contextlib.contextmanager
def frozen_at(moment: dt.datetime) -> Iterator[None]:
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, dt.UTC)
    _frozen.append(moment)
    try:
        yield
    finally:
        _frozen.pop()
