"""Funder organisations, their people, and a project's funder over the API. Same services
and policy as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status
from ninja.renderers import JSONRenderer

from workings.accounts.api_auth import project_auth
from workings.core.schema import InputSchema
from workings.funders import selectors, services
from workings.funders.permissions import organisation_get_for
from workings.funders.portfolio_kept import api_body, shared
from workings.funders.setting_services import organisation_settings_update
from workings.projects.permissions import project_policy

router = Router(tags=["funders"])


class OrganisationOut(Schema):
    name: str
    slug: str


class AppointmentOut(Schema):
    id: int
    name: str
    kind: str
    started_at: dt.datetime
    ended_at: dt.datetime | None


class OrganisationDetailOut(OrganisationOut):
    people: list[AppointmentOut]
    witness_key: str


class AppointIn(InputSchema):
    email: str
    kind: str


class EndIn(InputSchema):
    reason: str = ""


class FunderAnswerIn(InputSchema):
    confirm: bool


class LinkOut(Schema):
    id: int
    organisation: OrganisationOut
    status: str
    named_at: dt.datetime
    answered_at: dt.datetime | None


class ProjectFunderOut(Schema):
    reviewers: list[str]
    links: list[LinkOut]


class NameIn(InputSchema):
    organisation: str


def _appointment_out(a: Any) -> AppointmentOut:
    return AppointmentOut(
        id=a.pk,
        name=a.user.display_name,
        kind=a.kind,
        started_at=a.started_at,
        ended_at=a.ended_at,
    )


def _link_out(link: Any) -> LinkOut:
    return LinkOut(
        id=link.pk,
        organisation=OrganisationOut(name=link.organisation.name, slug=link.organisation.slug),
        status=link.status,
        named_at=link.named_at,
        answered_at=link.answered_at,
    )


@router.get("/funders", response=list[OrganisationOut])
def funder_organisation_list(request: HttpRequest) -> list[OrganisationOut]:
    """Every funder organisation a project may name (added by site administrators)."""
    return [OrganisationOut(name=o.name, slug=o.slug) for o in selectors.organisation_choices()]


@router.get("/funders/{slug}", response=OrganisationDetailOut)
def funder_organisation_detail(request: HttpRequest, slug: str) -> OrganisationDetailOut:
    """The organisation and its people (current and ended), for the people it appoints."""
    org = organisation_get_for(request.user, slug)
    return OrganisationDetailOut(
        name=org.name,
        slug=org.slug,
        people=[_appointment_out(a) for a in selectors.appointment_list(organisation=org)],
        witness_key=org.witness_key,
    )


@router.post("/funders/{slug}/appointments", response={201: AppointmentOut})
def funder_appoint(request: HttpRequest, slug: str, payload: AppointIn) -> Status[AppointmentOut]:
    org = organisation_get_for(request.user, slug)
    appointment = services.appointment_create(
        actor=request.user, organisation=org, email=payload.email, kind=payload.kind
    )
    return Status(201, _appointment_out(appointment))


@router.post("/funders/{slug}/appointments/{appointment_id}/end", response=AppointmentOut)
def funder_appointment_end(
    request: HttpRequest, slug: str, appointment_id: int, payload: EndIn
) -> AppointmentOut:
    org = organisation_get_for(request.user, slug)
    return _appointment_out(
        services.appointment_end(
            actor=request.user,
            organisation=org,
            appointment_id=appointment_id,
            reason=payload.reason,
        )
    )


@router.post("/funders/{slug}/requests/{link_id}/answer", response=LinkOut)
def funder_request_answer(
    request: HttpRequest, slug: str, link_id: int, payload: FunderAnswerIn
) -> LinkOut:
    """Confirm (or decline) that the organisation funds a project that named it."""
    org = organisation_get_for(request.user, slug)
    link = selectors.project_links(organisation=org).filter(pk=link_id).first()
    return _link_out(
        services.project_funder_answer(
            actor=request.user, link_id=link.pk if link else 0, confirm=payload.confirm
        )
    )


@router.get("/projects/{slug}/funder", response=ProjectFunderOut, auth=project_auth("view_members"))
def project_funder(request: HttpRequest, slug: str) -> ProjectFunderOut:
    """Who the project's funder is, and who reviews for it now."""
    project = request.project  # type: ignore[attr-defined]
    return ProjectFunderOut(
        reviewers=[r.label for r in project_policy.reviewers(project)],
        links=[_link_out(link) for link in selectors.funder_links_of(project=project)],
    )


@router.post("/projects/{slug}/funder", response={201: LinkOut}, auth=project_auth("update"))
def project_funder_name(request: HttpRequest, slug: str, payload: NameIn) -> Status[LinkOut]:
    """Name the project's funder organisation (a lead); its admins are asked to confirm."""
    project = request.project  # type: ignore[attr-defined]
    link = services.project_funder_name(
        actor=request.user, project=project, organisation=payload.organisation
    )
    return Status(201, _link_out(link))


class SettingsOut(Schema):
    disagreement_procedure: str
    audit_interval_months: int
    response_days: int
    independent_reviewers: list[str]
    changed_at: dt.datetime | None


class SettingsIn(InputSchema):
    disagreement_procedure: str = ""
    audit_interval_months: int | str
    response_days: int | str


def _settings_out(org: Any) -> SettingsOut:
    return SettingsOut(
        disagreement_procedure=org.disagreement_procedure,
        audit_interval_months=org.audit_interval_months,
        response_days=org.response_days,
        independent_reviewers=[
            a.user.display_name for a in selectors.independent_reviewers(organisation=org)
        ],
        changed_at=org.settings_changed_at,
    )


@router.get("/funders/{slug}/settings", response=SettingsOut)
def funder_settings(request: HttpRequest, slug: str) -> SettingsOut:
    """What the organisation expects of its projects (its people read; its admins change)."""
    return _settings_out(organisation_get_for(request.user, slug))


@router.post("/funders/{slug}/settings", response=SettingsOut)
def funder_settings_update(request: HttpRequest, slug: str, payload: SettingsIn) -> SettingsOut:
    org = organisation_get_for(request.user, slug)
    return _settings_out(
        organisation_settings_update(actor=request.user, organisation=org, **payload.dict())
    )


class FigureOut(Schema):
    value: int | str
    flagged: bool
    url: str


class PortfolioProjectOut(Schema):
    slug: str
    title: str
    figures: dict[str, FigureOut | None]


class PortfolioColumnOut(Schema):
    key: str
    label: str


class PortfolioOut(Schema):
    columns: list[PortfolioColumnOut]
    projects: list[PortfolioProjectOut]


@router.get("/funders/{slug}/portfolio", response=PortfolioOut)
def funder_portfolio(
    request: HttpRequest, slug: str, q: str = "", flagged: str = "", sort: str = ""
) -> HttpResponse:
    """Every project the organisation funds with its figures (counts only: never the text of
    a sealed concern). Same filters and order as the page."""
    # The rows are the page's kept rows and the body is kept with them
    # (funders/portfolio_kept.py): plain data in PortfolioOut's shape, rendered once.
    org = organisation_get_for(request.user, slug)
    rows = shared(
        organisation=org,
        reader=request.user,
        language=getattr(request, "LANGUAGE_CODE", ""),
        params={"q": q, "flagged": flagged, "sort": sort},
    )
    renderer = JSONRenderer()  # the API's renderer (workings/api/api.py sets no other)
    content = rows.output(
        "api", lambda kept: renderer.render(request, api_body(kept), response_status=200)
    )
    return HttpResponse(content, content_type=f"{renderer.media_type}; charset={renderer.charset}")
