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

from workings.concerns.permissions import concern_policy
from workings.core import clock
from workings.core.needs import Need, needs_for
from workings.events.models import Log
from workings.notifications import selectors
from workings.projects.permissions import project_policy

TIMEOUT = 600
NOTICES_SHOWN = 10
_cache = LocMemCache("workings-needs", {"TIMEOUT": TIMEOUT, "OPTIONS": {"MAX_ENTRIES": 5000}})


def _key(user: Any, projects: list[Any], language: str) -> str:
    roles = user.__dict__.get("_workings_roles", {})
    logs = {
        project_id: f"{size}:{bytes(root or b'').hex()}"
        for project_id, size, root in Log.objects.filter(
            project_id__in=[p.pk for p in projects]
        ).values_list("project_id", "size", "root")
    }
    state = "|".join(f"{p.pk}:{roles.get(p.pk)}:{logs.get(p.pk, '0')}" for p in projects)
    digest = hashlib.sha256(state.encode()).hexdigest()
    return f"needs:{user.pk}:{clock.today().isoformat()}:{language}:{digest}"


def needs_of(user: Any, projects: list[Any], language: str = "") -> list[Need]:
    """What needs this person (not kept: the home page keeps its rendered list instead)."""
    return needs_for(user, projects, clock.today())


def needs_html(user: Any, projects: list[Any], language: str = "") -> SafeString:
    """The rendered list of what needs this person, kept while none of their projects'
    logs moves (keeping the HTML, not the items, saves unpickling and re-rendering)."""
    key = _key(user, projects, language)
    html = _cache.get(key)
    if html is None:
        needs = needs_of(user, projects, language)
        html = render_to_string(
            "notifications/_needs.html",
            {
                "groups": group(needs),
                "count": len(needs),
                "overdue": sum(1 for n in needs if n.overdue),
            },
        )
        _cache.set(key, html)
    return mark_safe(html)  # noqa: S308 - our own template's output, escaped when rendered


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
        projects = project_policy.own_projects(user)
        needs = needs_html(user, projects, getattr(request, "LANGUAGE_CODE", ""))
        notices = list(selectors.notifications_for(user=user, unread_only=True)[:NOTICES_SHOWN])
        return render(
            request,
            "notifications/home.html",
            {
                "needs_html": needs,
                "notices": notices,
                "projects": projects,
                "reviews": reviews_concerns(user),
            },
        )
