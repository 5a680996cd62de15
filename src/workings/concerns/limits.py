"""Per-project limits on what the anonymous link lets anyone do, keeping no address.

Each limit counts per project in fixed windows of time (AnonymousWindow rows). A request takes
one unit before it does the work, with a single UPDATE that succeeds only while the count is
under the limit, so four requests in parallel cannot take five units of four. Windows are
fixed, so a limit always ends when its window does: nobody is shut out for good.

A limit may slow down before it stops: after `free` units in a window, one more is let
through only every `spacing` seconds, until `limit`; then everyone waits for the next window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from workings.concerns.models import AnonymousWindow

KEEP_WINDOWS_FOR = dt.timedelta(days=1)


def _now() -> dt.datetime:
    """Real time, not the project clock: limits are about requests, not the record."""
    return timezone.now()


@dataclass(frozen=True)
class Limit:
    purpose: str
    window: dt.timedelta
    limit: int
    free: int | None = None  # after this many, slow down ...
    spacing: dt.timedelta = dt.timedelta(0)  # ... to one per this long


@dataclass(frozen=True)
class Refused:
    until: dt.datetime
    slowing: bool  # True: wait `until`, then one more try; False: wait for the next window

    def minutes(self, now: dt.datetime | None = None) -> int:
        left = (self.until - (now or _now())).total_seconds()
        return max(1, -(-int(left) // 60))


@dataclass(frozen=True)
class Taken:
    window_id: int


def _start(limit: Limit, now: dt.datetime) -> dt.datetime:
    seconds = int(limit.window.total_seconds())
    stamp = int(now.timestamp()) // seconds * seconds
    return dt.datetime.fromtimestamp(stamp, tz=dt.UTC)


def _window(project_id: int, limit: Limit, now: dt.datetime) -> AnonymousWindow:
    window, created = AnonymousWindow.objects.get_or_create(
        project_id=project_id, purpose=limit.purpose, starts_at=_start(limit, now)
    )
    if created:
        AnonymousWindow.objects.filter(starts_at__lt=now - KEEP_WINDOWS_FOR).delete()
    return window


def take(project_id: int, limit: Limit) -> Taken | Refused:
    """Take one unit of `limit` for the project, or say how long to wait."""
    now = _now()
    window = _window(project_id, limit, now)
    allowed = Q(count__lt=limit.limit)
    stamp = F("last_slow_at")
    if limit.free is not None:
        allowed &= (
            Q(count__lt=limit.free)
            | Q(last_slow_at__isnull=True)
            | Q(last_slow_at__lte=now - limit.spacing)
        )
        stamp = Case(When(count__gte=limit.free, then=Value(now)), default=F("last_slow_at"))
    taken = (
        AnonymousWindow.objects.filter(pk=window.pk)
        .filter(allowed)
        .update(count=F("count") + 1, last_slow_at=stamp)
    )
    if taken:
        return Taken(window.pk)
    window.refresh_from_db()
    if window.count >= limit.limit or window.last_slow_at is None:
        return Refused(until=window.starts_at + limit.window, slowing=False)
    return Refused(until=window.last_slow_at + limit.spacing, slowing=True)


def give_back(taken: Taken) -> None:
    """The unit was not used up (a right receipt code is not a guess): return it, and let the
    next slowed check through at once."""
    AnonymousWindow.objects.filter(pk=taken.window_id, count__gt=0).update(
        count=F("count") - 1, last_slow_at=None
    )
