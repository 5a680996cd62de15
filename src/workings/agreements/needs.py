"""What the agreement asks of each person, for the home page (core/needs.py): a proposed
version (or the version in force, for someone who joined after it) they are a party to and
have not answered. One query whatever the number of projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from workings.agreements.models import AgreementSignature, AgreementVersion, VersionStatus
from workings.agreements.permissions import SIGNABLE, agreement_policy
from workings.core.needs import Need


def agreement_needs(user: Any, projects: Sequence[Any], today: dt.date) -> list[Need]:
    by_id = {p.pk: p for p in projects}
    answered = AgreementSignature.objects.filter(version=OuterRef("pk"), party=user)
    versions = (
        AgreementVersion.objects.filter(project_id__in=list(by_id), status__in=SIGNABLE)
        .exclude(Exists(answered))
        .only("pk", "project_id", "number", "status", "content")
        .order_by("project_id", "number")
    )
    chosen: dict[int, AgreementVersion] = {}
    for version in versions:
        version.project = by_id[version.project_id]
        if not agreement_policy.is_party_now(user, version):
            continue
        # The proposed version first (as pending_signature_for), else the one in force.
        kept = chosen.get(version.project_id)
        if kept is None or version.status == VersionStatus.PROPOSED:
            chosen[version.project_id] = version
    return [
        Need(
            title=_("Read and sign version %(number)s of the involvement agreement")
            % {"number": v.number},
            url=reverse("agreements:version", args=[v.project.slug, v.number]),
            kind="sign",
            project=v.project,
        )
        for v in chosen.values()
    ]
