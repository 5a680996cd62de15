"""Matrix entries for the log's pages and endpoints."""

from __future__ import annotations

from typing import Any

from tests.matrix import ALL, FUNDER, LEAD, MEMBERS, NOBODY, Case, slug_kwargs

LEAD_ONLY = frozenset({LEAD})


def setup(world: Any) -> None:
    from workings.events.models import Entry

    # An entry made by the lead: only its author (the lead) may erase it; only a lead hides it.
    world.extra["lead_entry_seq"] = (
        Entry.objects.filter(log__project=world.project, actor=world.users["lead"])
        .order_by("-seq")
        .values_list("seq", flat=True)
        .first()
    )


def _entry(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "seq": world.extra["lead_entry_seq"]}


def _reason(world: Any) -> dict[str, Any]:
    return {"reason": "Matrix test"}


def _hide(world: Any) -> dict[str, Any]:
    return {"category": "other", "reason": "Matrix test"}


CASES: dict[str, Case] = {
    "events:log-key": Case(get=ALL, post=None),
    "events:record": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "events:check": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "events:erase": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=_entry),
    "events:hide": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=_entry, post_data=_hide),
    # Data-protection requests are for site administrators only: no project role, the
    # lead's included, reaches these pages (the matrix's roles hold no site administrator).
    "events:data-request": Case(get=NOBODY, post=NOBODY, kwargs=_entry, post_data=_reason),
    "events:data-request-done": Case(get=NOBODY, post=None),
    "events:witness": Case(get=frozenset({FUNDER}), post=None, kwargs=slug_kwargs),
    # API (the world project is unpublished: members only).
    "api:log-checkpoint": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
    "api:log-entries": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
    "api:log-inclusion": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
    "api:log-consistency": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
    "api:log-erase": Case(get=None, post=LEAD_ONLY, kwargs=_entry, json=True, post_data=_reason),
    "api:log-hide": Case(get=None, post=LEAD_ONLY, kwargs=_entry, json=True, post_data=_hide),
    # Nothing is hidden in the matrix's world: the lead gets "not hidden" (400), others 403.
    "api:log-show": Case(get=None, post=LEAD_ONLY, kwargs=_entry, json=True),
}
