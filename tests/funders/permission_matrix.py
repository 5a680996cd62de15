"""Matrix entries for funder organisations (pages and API) and a project's funder.

In the world, "funder" is a reviewer appointed by the World Fund, which the world project
named and the Fund's admin confirmed. The Fund's admin is not in the cast, so nobody in it
may appoint, end appointments or answer for the Fund."""

from __future__ import annotations

from typing import Any

from tests.matrix import FUNDER, LEAD, MEMBERS, NOBODY, SIGNED_IN, Case

FUND_PEOPLE = frozenset({FUNDER})
LEAD_ONLY = frozenset({LEAD})


def setup(world: Any) -> None:
    from workings.funders import services

    # Another project asks the World Fund to confirm it: a request waiting for an answer.
    world.extra["funder_request"] = services.project_funder_name(
        actor=world.users["other_lead"],
        project=world.other_project,
        organisation=world.extra["funder_organisation"],
    )


def _org(world: Any) -> dict[str, Any]:
    return {"slug": world.extra["funder_organisation"].slug}


def _appointment(world: Any) -> dict[str, Any]:
    fund = world.extra["funder_organisation"]
    return {"slug": fund.slug, "pk": fund.appointments.get(user=world.users["funder"]).pk}


def _api_appointment(world: Any) -> dict[str, Any]:
    fund = world.extra["funder_organisation"]
    return {
        "slug": fund.slug,
        "appointment_id": fund.appointments.get(user=world.users["funder"]).pk,
    }


def _request(world: Any) -> dict[str, Any]:
    return {"slug": world.extra["funder_organisation"].slug, "pk": world.extra["funder_request"].pk}


def _api_request(world: Any) -> dict[str, Any]:
    return {
        "slug": world.extra["funder_organisation"].slug,
        "link_id": world.extra["funder_request"].pk,
    }


def _project(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug}


def _appoint_data(world: Any) -> dict[str, Any]:
    return {"email": "outsider@example.org", "kind": "reviewer"}


def _name_data(world: Any) -> dict[str, Any]:
    return {"organisation": world.extra["funder_organisation"].slug}


def _settings_data(world: Any) -> dict[str, Any]:
    return {"disagreement_procedure": "", "audit_interval_months": 6, "response_days": 10}


def _org_object(world: Any) -> dict[str, Any]:
    return {"object_id": str(world.extra["funder_organisation"].pk)}


# The admin site is for site administrators only; nobody in the cast is one.
_ADMIN = "admin:funders_funderorganisation_"
ADMIN_CASES: dict[str, Case] = {
    "admin:index": Case(get=NOBODY, post=NOBODY),
    "admin:login": Case(get=NOBODY, post=NOBODY),
    "admin:logout": Case(get=NOBODY, post=NOBODY),
    "admin:password_change": Case(get=NOBODY, post=NOBODY),
    "admin:password_change_done": Case(get=NOBODY, post=NOBODY),
    "admin:jsi18n": Case(get=NOBODY, post=NOBODY),
    "admin:autocomplete": Case(get=NOBODY, post=NOBODY),
    "admin:app_list": Case(get=NOBODY, post=NOBODY, kwargs=lambda w: {"app_label": "funders"}),
    "admin:view_on_site": Case(
        get=NOBODY, post=NOBODY, kwargs=lambda w: {"content_type_id": 1, "object_id": "1"}
    ),
    _ADMIN + "changelist": Case(get=NOBODY, post=NOBODY),
    _ADMIN + "add": Case(get=NOBODY, post=NOBODY),
    _ADMIN + "change": Case(get=NOBODY, post=NOBODY, kwargs=_org_object),
    _ADMIN + "delete": Case(get=NOBODY, post=NOBODY, kwargs=_org_object),
    _ADMIN + "history": Case(get=NOBODY, post=NOBODY, kwargs=_org_object),
}

CASES: dict[str, Case] = {
    **ADMIN_CASES,
    "funders:list": Case(get=SIGNED_IN, post=None),
    "funders:detail": Case(get=FUND_PEOPLE, post=None, kwargs=_org),
    "funders:appoint": Case(get=None, post=NOBODY, kwargs=_org, post_data=_appoint_data),
    "funders:appointment-end": Case(get=None, post=NOBODY, kwargs=_appointment),
    "funders:answer": Case(
        get=None, post=NOBODY, kwargs=_request, post_data=lambda w: {"answer": "confirm"}
    ),
    "funders:project-funder": Case(
        get=MEMBERS, post=LEAD_ONLY, kwargs=_project, post_data=_name_data
    ),
    # Settings: the organisation's people read them; only its admins (not in the cast) change.
    "funders:settings": Case(get=FUND_PEOPLE, post=NOBODY, kwargs=_org, post_data=_settings_data),
    "funders:portfolio": Case(get=FUND_PEOPLE, post=None, kwargs=_org),
    "funders:portfolio-csv": Case(get=FUND_PEOPLE, post=None, kwargs=_org),
    "api:funder_settings": Case(
        get=FUND_PEOPLE, post=NOBODY, kwargs=_org, post_data=_settings_data, json=True
    ),
    "api:funder_settings_update": Case(
        get=FUND_PEOPLE, post=NOBODY, kwargs=_org, post_data=_settings_data, json=True
    ),
    "api:funder_portfolio": Case(get=FUND_PEOPLE, post=None, kwargs=_org, json=True),
    "api:funder_organisation_list": Case(get=SIGNED_IN, post=None, json=True),
    "api:funder_organisation_detail": Case(get=FUND_PEOPLE, post=None, kwargs=_org, json=True),
    "api:funder_appoint": Case(
        get=None, post=NOBODY, kwargs=_org, post_data=_appoint_data, json=True
    ),
    "api:funder_appointment_end": Case(
        get=None,
        post=NOBODY,
        kwargs=_api_appointment,
        post_data=lambda w: {"reason": ""},
        json=True,
    ),
    "api:funder_request_answer": Case(
        get=None,
        post=NOBODY,
        kwargs=_api_request,
        post_data=lambda w: {"confirm": True},
        json=True,
    ),
    "api:project_funder": Case(
        get=MEMBERS, post=LEAD_ONLY, kwargs=_project, post_data=_name_data, json=True
    ),
    "api:project_funder_name": Case(
        get=MEMBERS, post=LEAD_ONLY, kwargs=_project, post_data=_name_data, json=True
    ),
}
