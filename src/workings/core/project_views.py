"""What every project page's view shares: fetch the URL's project through the project policy
and give the template the person's role and allowed actions. Here in core, asking the policy
through the port (core/project_access.py), so that the log's pages (events) can use it too;
projects.views re-exports it for the apps above."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from workings.core.project_access import project_access


class ProjectMixin:
    """Fetches self.project through the policy for the view's `action`."""

    action = "view"
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.project = project_access().get_for(request.user, kwargs["slug"], self.action)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def context(self, **extra: Any) -> dict[str, Any]:
        return project_context(self.request.user, self.project, **extra)


def project_context(user: Any, project: Any, **extra: Any) -> dict[str, Any]:
    """What every project page's template needs: the project, the person's role, and which
    of the page actions the policy allows them."""
    return {
        "project": project,
        "my_role": project_access().role_of(user, project),
        "can": {a: project_access().can(user, a, project) for a in NAV_ACTIONS},
        **extra,
    }


NAV_ACTIONS = (
    "update",
    "invite",
    "view_members",
    "manage_members",
    "leave",
    "view_record",
    "update_own_membership",
    "write_entries",
    "witness",
)
