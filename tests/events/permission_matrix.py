"""Matrix entries for the log's pages and endpoints."""

from __future__ import annotations

from tests.matrix import ALL, MEMBERS, Case, slug_kwargs

CASES: dict[str, Case] = {
    "events:log-key": Case(get=ALL, post=None),
    "events:record": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
}
