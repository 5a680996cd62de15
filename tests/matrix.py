"""The vocabulary of the permission matrix. Each app's tests/<app>/permission_matrix.py
declares, for every URL name it owns, which roles may GET and POST it (an explicit table,
written by hand, so the test checks the policy instead of repeating it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ANON = "anon"
OUTSIDER = "outsider"
OBSERVER = "observer"
CONTRIBUTOR = "contributor"
RESEARCHER = "researcher"
LEAD = "lead"
FUNDER = "funder"
OTHER_LEAD = "other_lead"

ALL = frozenset({ANON, OUTSIDER, OBSERVER, CONTRIBUTOR, RESEARCHER, LEAD, FUNDER, OTHER_LEAD})
SIGNED_IN = ALL - {ANON}
MEMBERS = frozenset({OBSERVER, CONTRIBUTOR, RESEARCHER, LEAD, FUNDER})
NOBODY: frozenset[str] = frozenset()

Kwargs = Callable[[Any], dict[str, Any]]


def slug_kwargs(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug}


def no_kwargs(world: Any) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Case:
    get: frozenset[str] | None  # None: the URL does not answer GET (405 for everyone is fine)
    post: frozenset[str] | None
    kwargs: Kwargs = no_kwargs
    post_data: Callable[[Any], dict[str, Any]] | None = None
    json: bool = False  # send POST bodies as JSON (API endpoints)
    other: dict[str, frozenset[str]] = field(default_factory=dict)  # e.g. {"PUT": {...}}
