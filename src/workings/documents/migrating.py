"""Moving each existing project's summary text into a co-owned document: version 1, not
approved, recorded in the project's log like any other start of a document. Used by the
data migration 0002; a project that already has its summary document is left alone."""

from __future__ import annotations

from typing import Any


def summaries_from_projects() -> int:
    # The app's current models and services, on purpose: the rows must be written with
    # their log entries (a row without one is what the verifier reports as tampering).
    from workings.documents import services
    from workings.documents.models import Document, Kind
    from workings.projects.models import Membership, Project
    from workings.projects.roles import Role

    made = 0
    for project in Project.objects.order_by("id"):
        if Document.objects.filter(project=project, kind=Kind.SUMMARY).exists():
            continue
        lead: Any = (
            Membership.objects.filter(project=project, role=Role.LEAD)
            .order_by("left_at", "joined_at", "id")
            .first()
        )
        if lead is None or not (project.summary or "").strip():
            continue
        services.summary_migrate(actor=lead.user, project=project)
        made += 1
    return made
