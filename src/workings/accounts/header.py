"""What the page header shows a signed-in person (the count of new notices, a funder's
menu links) is kept in each process under the person's ``header_stamp``.

Every signed-in request reads the person's row anyway (to know who they are), so with the
stamp in that row a page finds the header it kept with no query at all. Whatever changes
what the header shows raises the stamp (``bump``) in the same transaction, so every
process, on every server, computes it afresh at its next page for that person. See
docs/decisions/header-stamp.md.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from threading import Lock
from typing import Any, TypeVar

from django.db.models import F

T = TypeVar("T")

LIMIT = 20_000  # entries kept per process (a few hundred bytes each)

_kept: OrderedDict[tuple[int, int, str], Any] = OrderedDict()
_lock = Lock()


def remember(user: Any, name: str, compute: Callable[[], T]) -> T:
    """The value `name` of this person's header, computed at most once per stamp."""
    key = (user.pk, getattr(user, "header_stamp", 0), name)
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        _kept[key] = value
        while len(_kept) > LIMIT:
            _kept.popitem(last=False)
    return value


def bump(user_ids: Iterable[int]) -> None:
    """Say that what these people's headers show has changed."""
    from workings.accounts.models import User

    ids = sorted({int(pk) for pk in user_ids if pk is not None})
    if ids:
        User.objects.filter(pk__in=ids).update(header_stamp=F("header_stamp") + 1)


def clear() -> None:
    with _lock:
        _kept.clear()
