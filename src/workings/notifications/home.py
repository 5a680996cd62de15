"""The signed-in person's home page: what needs them across all their projects (from every
app's need source, core/needs.py), the notices they have not read, and their projects.

The list of needs is kept per person while none of their projects' logs moves (every
change that can alter what someone is asked to do is a ledger event), for the day and the
language it was made in: the key holds each project's log size and root, their roles, the
date and the language, as the page-body cache does (events/fragments.py)."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.views import View

from workings.accounts import header
from workings.concerns.permissions import concern_policy
from workings.core import clock
from workings.core.needs import Need, needs_for
from workings.notifications import selectors
from workings.projects.models import Project
from workings.projects.permissions import project_policy

TIMEOUT = 600
NOTICES_SHOWN = 10
_cache = LocMemCache("workings-needs", {"TIMEOUT": TIMEOUT, "OPTIONS": {"MAX_ENTRIES": 5000}})


def _key(user: Any, roles: dict[int, str], language: str) -> str:
    """What the kept parts depend on: each of the person's projects with their role and its
    log's size and root (one query, no model built), the date and the language."""
    state = Project.objects.filter(pk__in=list(roles)).order_by("title", "pk")
    rows = state.values_list("pk", "log__size", "log__root")
    text = "|".join(
        f"{pk}:{roles.get(pk)}:{size}:{bytes(root or b'').hex()}" for pk, size, root in rows
    )
    digest = hashlib.sha256(text.encode()).hexdigest()
    return f"needs:{user.pk}:{clock.today().isoformat()}:{language}:{digest}"


def needs_of(user: Any, projects: list[Any], language: str = "") -> list[Need]:
    """What needs this person (not kept: the home page keeps its rendered list instead)."""
    return needs_for(user, projects, clock.today())


def kept_parts(user: Any, key: str) -> tuple[SafeString, SafeString]:
    """The rendered list of what needs this person and the list of their projects, kept
    while none of their projects' logs moves (keeping the HTML, not the items, saves
    unpickling and re-rendering; a project's new title is a ledger event too)."""
    parts = _cache.get(key)
    if parts is None:
        projects = project_policy.own_projects(user)
        needs = needs_of(user, projects)
        parts = (
            render_to_string(
                "notifications/_needs.html",
                {
                    "groups": group(needs),
                    "count": len(needs),
                    "overdue": sum(1 for n in needs if n.overdue),
                },
            ),
            render_to_string("notifications/_projects.html", {"projects": projects}),
        )
        _cache.set(key, parts)
    # Our own templates' output, escaped when rendered.
    return mark_safe(parts[0]), mark_safe(parts[1])  # noqa: S308


def notices_html(user: Any, language: str, projects_key: str) -> SafeString:
    """The person's newest unread notices, rendered; kept under their header stamp, which
    every notice made, read or rewritten raises (accounts/header.py), and their projects'
    state (a notice shows its project's title)."""

    def render_notices() -> str:
        notices = list(selectors.notifications_for(user=user, unread_only=True)[:NOTICES_SHOWN])
        return render_to_string("notifications/_home_notices.html", {"notices": notices})

    html = header.remember(user, f"home_notices:{projects_key}", render_notices)
    return mark_safe(html)  # noqa: S308 - our own template's output


def reviews_concerns(user: Any) -> bool:
    """Whether the person receives escalated concerns (a funder's or the site's reviewer)."""
    return bool(project_policy.reviewed_project_ids(user)) or concern_policy.is_site_reviewer(user)


def clear() -> None:
    _cache.clear()


def group(needs: list[Need]) -> list[dict[str, Any]]:
    """Needs by project, in the order of their most pressing item."""
    groups: dict[int, dict[str, Any]] = {}
    for need in needs:
        groups.setdefault(need.project.pk, {"project": need.project, "needs": []})["needs"].append(
            need
        )
    return list(groups.values())


class HomeView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        language = getattr(request, "LANGUAGE_CODE", "")
        key = _key(user, project_policy.own_roles(user), language)
        needs, projects_list = kept_parts(user, key)
        return render(
            request,
            "notifications/home.html",
            {
                "needs_html": needs,
                "notices_html": notices_html(user, language, key),
                "projects_html": projects_list,
                "reviews": reviews_concerns(user),
            },
        )
