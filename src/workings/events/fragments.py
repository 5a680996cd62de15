"""A per-process cache of rendered page bodies, keyed by the state of the project's log.

Every change that can alter what a project page shows - a new document version, an approval,
a claim paid, a member renamed in the project, a role changed - is a ledger event, so the
log's size and root hash are a version number for the whole project. A body cached under a
key that holds that version is never stale: a write makes a new key and old keys age out.

The key also holds who is reading (their user id: what a page offers depends on their role
and on what they did), a digest of their CSRF secret (the body's forms carry a token made
from it), the language, today's date (for "late" and "overdue") and the address with its
query string. The page around the body (header, messages, the notices count) is rendered
afresh on every request; only the body is kept.

One thing is not in the log: a person's site-wide display name, shown where they chose to
be credited by name. A change to it reaches cached bodies within TIMEOUT seconds
(docs/decisions/page-body-cache.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from workings.core import clock
from workings.events.models import Log

TIMEOUT = 600
_cache = LocMemCache("workings-page-bodies", {"TIMEOUT": TIMEOUT, "OPTIONS": {"MAX_ENTRIES": 2000}})


def log_version(project: Any) -> str:
    """The log's size and root hash: changes with every event, and is unique to the log's
    content (so a restored or rebuilt database cannot reuse a key)."""
    row = Log.objects.filter(project_id=project.pk).values_list("size", "root").first()
    return f"{row[0]}-{bytes(row[1]).hex()}" if row else "0"


def body_key(request: HttpRequest, project: Any, name: str) -> str:
    get_token(request)  # makes sure the secret exists (a first visit has no cookie yet)
    secret = str(request.META.get("CSRF_COOKIE", ""))
    reader = f"{getattr(request.user, 'pk', None)}:{hashlib.sha256(secret.encode()).hexdigest()}"
    where = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    language = getattr(request, "LANGUAGE_CODE", "")
    return (
        f"{name}:{project.pk}:{log_version(project)}:{clock.today().isoformat()}:"
        f"{language}:{hashlib.sha256(reader.encode()).hexdigest()}:{where}"
    )


def cached_body(
    request: HttpRequest, project: Any, name: str, render: Callable[[], str]
) -> SafeString:
    """The body `render()` makes, from the cache when the project's log has not moved since
    it was made for this reader at this address."""
    key = body_key(request, project, name)
    body = _cache.get(key)
    if body is None:
        body = render()
        _cache.set(key, body)
    return mark_safe(body)  # noqa: S308 - our own templates' output, escaped when rendered


def clear() -> None:
    _cache.clear()


class KeptBodyMixin:
    """For a project page view (with `request`, `project` and `context()`, as ProjectMixin
    gives): render `template` around a body rendered from `body_template`, the body kept
    while the project's log does not move. `body_context()` reads what the body shows and is
    called only when the body is not kept; a body showing a form's errors is never kept."""

    # Given by the view this is mixed into (annotations only: nothing here shadows them).
    request: HttpRequest
    project: Any
    context: Callable[..., dict[str, Any]]

    def body_page(
        self,
        template: str,
        body_template: str,
        body_context: Callable[[], dict[str, Any]],
        *,
        cache: bool = True,
        status: int = 200,
        **page: Any,
    ) -> HttpResponse:
        def body() -> str:
            return render_to_string(body_template, body_context(), self.request)

        html = (
            cached_body(self.request, self.project, template, body) if cache else mark_safe(body())  # noqa: S308 - our own template's output
        )
        return render(self.request, template, self.context(body=html, **page), status=status)


def kept(key: str, make: Callable[[], Any]) -> Any:
    """What `make()` gives, from the same per-process cache, under a key the caller builds
    from everything the value depends on (the funder's portfolio: every project's log)."""
    value = _cache.get(key)
    if value is None:
        value = make()
        _cache.set(key, value)
    return value
