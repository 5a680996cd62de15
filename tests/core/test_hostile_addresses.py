"""Every page and endpoint that answers GET, asked for with hostile ids (2**70, -1 where
the address allows it) and hostile query parameters (NUL, half a character, huge numbers),
by a lead of the project: never a server error. The URL list is the permission matrix's, so
a new page is covered by itself."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from tests.factories import build_world
from tests.test_permission_matrix import ALL_NAMES, CASES, SETUPS

HUGE = 2**70
QUERY = (
    f"?page={HUGE}&checkpoint={HUGE}&person={HUGE}&start={HUGE}&end={HUGE}&index={HUGE}"
    f"&tree_size={HUGE}&first={HUGE}&second={HUGE}&after=%ED%A0%80&q=%00%ED%A0%80"
    "&date_from=1e9999&date_to=%00&kind=%ED%A0%80&status=-1&area=%0A&format=json&download=1"
)
GETS = [n for n in ALL_NAMES if CASES.get(n) is not None and CASES[n].get]


def _hostile_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {
        k: HUGE if isinstance(v, int) and not isinstance(v, bool) else v for k, v in kwargs.items()
    }


@pytest.mark.django_db
def test_no_page_or_read_gives_a_server_error_on_hostile_addresses() -> None:
    world = build_world()
    for setup in SETUPS:
        setup(world)
    client = Client(raise_request_exception=False)
    client.force_login(world.users["lead"])
    failures = []
    for name in GETS:
        kwargs = CASES[name].kwargs(world)
        urls = [reverse(name, kwargs=kwargs) + QUERY]
        try:
            urls.append(reverse(name, kwargs=_hostile_kwargs(kwargs)))
        except NoReverseMatch:
            pass
        for url in urls:
            response = client.get(url)
            if response.status_code >= 500:
                failures.append(f"{name}: {url} -> {response.status_code}")
    assert not failures, "\n".join(failures)
