"""What the co-owned documents ask of each person, for the home page (core/needs.py): the
latest version of a document they own under the agreement in force that they have neither
approved nor dissented from. Two queries whatever the number of projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from workings.agreements.models import AgreementVersion, VersionStatus
from workings.core.needs import Need
from workings.documents.models import Approval, Dissent, Version
from workings.documents.permissions import document_policy


def document_needs(user: Any, projects: Sequence[Any], today: dt.date) -> list[Need]:
    by_id = {p.pk: p for p in projects}
    in_force = AgreementVersion.objects.filter(
        project_id__in=list(by_id), status=VersionStatus.IN_FORCE
    ).values_list("project_id", "content")
    owned = [
        project_id
        for project_id, content in in_force
        if user.pk in {int(i) for i in ((content or {}).get("documents") or {}).get("owners", [])}
        and document_policy.can_write(user, by_id[project_id])
    ]
    if not owned:
        return []
    newer = Version.objects.filter(document=OuterRef("document"), number__gt=OuterRef("number"))
    versions = (
        Version.objects.filter(document__project_id__in=owned, approved=False)
        .exclude(Exists(newer))
        .exclude(Exists(Approval.objects.filter(of_version=OuterRef("pk"), user=user)))
        .exclude(Exists(Dissent.objects.filter(of_version=OuterRef("pk"), user=user)))
        .select_related("document")
        .order_by("document__project_id", "document_id")
    )
    needs = []
    for version in versions:
        project = by_id[version.document.project_id]
        needs.append(
            Need(
                title=_("Read and approve version %(number)s of “%(title)s”")
                % {"number": version.number, "title": version.document.title},
                url=reverse(
                    "documents:version", args=[project.slug, version.document_id, version.number]
                ),
                kind="approve",
                project=project,
            )
        )
    return needs
