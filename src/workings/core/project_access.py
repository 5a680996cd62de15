"""What the layers below projects may ask about a project, without importing the projects app.

core and events sit below projects (docs/architecture.md), yet a template tag must know which
project tabs a person may open, the API's auth must find the URL's project before any body is
parsed, and the log must know who may read it. They ask this port; the projects app plugs its
policy in from its AppConfig.ready(), so the decision itself still lives in one place
(projects/permissions.py).
"""

from __future__ import annotations

from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured


class ProjectAccess(Protocol):
    def get_for(self, user: Any, slug: str, action: str) -> Any:
        """The project named by ``slug`` if ``user`` may do ``action`` there; else raises
        NotFound (may not even see it) or NotAllowed."""

    def can(self, user: Any, action: str, project: Any) -> bool: ...

    def role_of(self, user: Any, project: Any) -> str | None: ...

    def is_member(self, user: Any, project: Any) -> bool: ...

    def is_funder_reviewer(self, user: Any, project: Any) -> bool: ...

    def credited_names(self, project: Any) -> dict[int, str]:
        """user id -> how this project names them (their credit choice honoured)."""


_plugged: list[ProjectAccess] = []


def plug_project_access(access: ProjectAccess) -> None:
    _plugged[:] = [access]


def project_access() -> ProjectAccess:
    if not _plugged:
        raise ImproperlyConfigured("The projects app is not installed: no project policy to ask.")
    return _plugged[0]
