"""Reads for funder organisations, a project's funder, and who read sealed content."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from workings.funders.models import (
    DEFAULT_AUDIT_INTERVAL_MONTHS,
    Appointment,
    AppointmentKind,
    FunderOrganisation,
    ProjectFunder,
    SealedRead,
)
from workings.funders.permissions import funder_policy


def organisation_choices() -> QuerySet[FunderOrganisation]:
    """Every organisation a project may name (their names are not secret)."""
    return FunderOrganisation.objects.order_by("name", "id")


def organisation_list_for(*, user: Any) -> QuerySet[FunderOrganisation]:
    return funder_policy.organisations_for(user).order_by("name", "id")


def appointment_list(*, organisation: FunderOrganisation) -> QuerySet[Appointment]:
    """Current posts first, then ended ones (kept, never deleted)."""
    return (
        Appointment.objects.filter(organisation=organisation)
        .select_related("user", "appointed_by", "ended_by")
        .order_by("ended_at", "kind", "started_at", "id")
    )


def project_links(*, organisation: FunderOrganisation) -> QuerySet[ProjectFunder]:
    return (
        ProjectFunder.objects.filter(organisation=organisation)
        .select_related("project", "named_by", "answered_by")
        .order_by("-named_at", "-id")
    )


def funder_links_of(*, project: Any) -> QuerySet[ProjectFunder]:
    return (
        ProjectFunder.objects.filter(project=project)
        .select_related("organisation")
        .order_by("-named_at", "-id")
    )


def reads_of_concern(*, project: Any, concern_id: int) -> list[SealedRead]:
    """Who read a sealed concern, and when (first read each day), oldest first."""
    return list(
        SealedRead.objects.filter(project=project, concern_id=concern_id).order_by(
            "first_read_at", "id"
        )
    )


def confirmed_organisation(project: Any) -> FunderOrganisation | None:
    """The organisation that has confirmed it funds the project, if any."""
    link = (
        ProjectFunder.objects.filter(project=project, status=ProjectFunder.Status.CONFIRMED)
        .select_related("organisation")
        .first()
    )
    return link.organisation if link is not None else None


def audit_interval_months(project: Any) -> int:
    """How often the project's funder expects an audit (12 months when it has no funder)."""
    organisation = confirmed_organisation(project)
    if organisation is None:
        return DEFAULT_AUDIT_INTERVAL_MONTHS
    return organisation.audit_interval_months


def audit_intervals(project_ids: list[int]) -> dict[int, int]:
    """`audit_interval_months` for many projects in one query (projects without a confirmed
    funder are left out: the caller uses the default). The first confirmed link wins, in
    the order `confirmed_organisation` reads them."""
    intervals: dict[int, int] = {}
    links = ProjectFunder.objects.filter(
        project_id__in=project_ids, status=ProjectFunder.Status.CONFIRMED
    ).values_list("project_id", "organisation__audit_interval_months")
    for project_id, months in links:
        intervals.setdefault(project_id, months)
    return intervals


def independent_reviewers(*, organisation: FunderOrganisation) -> QuerySet[Appointment]:
    """The organisation's named independent reviewers for sealed concerns (current only)."""
    return (
        Appointment.objects.filter(
            organisation=organisation, kind=AppointmentKind.INDEPENDENT, ended_at__isnull=True
        )
        .select_related("user")
        .order_by("started_at", "id")
    )


def confirmed_projects(*, organisation: FunderOrganisation) -> list[Any]:
    """Every project that has confirmed the organisation as its funder, by title."""
    return [
        link.project
        for link in ProjectFunder.objects.filter(
            organisation=organisation, status=ProjectFunder.Status.CONFIRMED
        )
        .select_related("project")
        .order_by("project__title", "project_id")
    ]
