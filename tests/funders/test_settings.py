"""The organisation's settings: page, API, the logged change, and what others read."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.urls import reverse

from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.events.models import Entry
from workings.funders import selectors
from workings.funders.models import FunderOrganisation
from workings.funders.setting_services import organisation_settings_update

pytestmark = pytest.mark.django_db

GOOD = {
    "disagreement_procedure": "Talk first; then the independent person; then us.",
    "audit_interval_months": "6",
    "response_days": "10",
}


def test_the_admin_changes_the_settings_and_every_funded_project_logs_it(
    world: Any, client_for: Any
) -> None:
    fund = world.extra["funder_organisation"]
    admin = client_for(world.extra["funder_admin"])
    page = admin.get(reverse("funders:settings", args=[fund.slug])).content.decode()
    assert "Save settings" in page and "Months between audits" in page
    before = Entry.objects.filter(log__project=world.project).count()
    r = admin.post(reverse("funders:settings", args=[fund.slug]), GOOD)
    assert r.status_code == 302
    fund.refresh_from_db()
    assert (fund.audit_interval_months, fund.response_days) == (6, 10)
    entries = Entry.objects.filter(log__project=world.project).order_by("seq")
    assert entries.count() == before + 1
    assert entries.last().type == "funder.settings_changed"
    assert selectors.audit_interval_months(world.project) == 6
    # The same values again change nothing and log nothing.
    admin.post(reverse("funders:settings", args=[fund.slug]), GOOD)
    assert Entry.objects.filter(log__project=world.project).count() == before + 1


def test_a_project_without_a_funder_is_audited_yearly(world: Any) -> None:
    assert selectors.audit_interval_months(world.other_project) == 12
    assert selectors.audit_interval_months(world.project) == 12


def test_bad_values_are_refused_plainly_and_nothing_is_written(world: Any, client_for: Any) -> None:
    fund = world.extra["funder_organisation"]
    admin = world.extra["funder_admin"]
    for field, value, words in [
        ("audit_interval_months", "0", "Months between audits must be a whole number"),
        ("audit_interval_months", "1.5", "Months between audits must be a whole number"),
        ("response_days", "999", "Days a team has to respond must be a whole number"),
        ("response_days", "", "Days a team has to respond must be a whole number"),
    ]:
        with pytest.raises(ValidationFailed, match=words):
            organisation_settings_update(actor=admin, organisation=fund, **{**GOOD, field: value})
    fund.refresh_from_db()
    assert (fund.audit_interval_months, fund.response_days) == (12, 14)
    page = client_for(admin).post(
        reverse("funders:settings", args=[fund.slug]), {**GOOD, "response_days": "0"}
    )
    assert page.status_code == 400


def test_a_reviewer_reads_the_settings_but_cannot_change_them(world: Any, client_for: Any) -> None:
    fund = world.extra["funder_organisation"]
    reviewer = client_for(world.users["funder"])
    page = reviewer.get(reverse("funders:settings", args=[fund.slug])).content.decode()
    assert "admins can change these." in page
    assert "Save settings" not in page
    r = reviewer.post(reverse("funders:settings", args=[fund.slug]), GOOD)
    assert r.status_code == 403
    with pytest.raises(NotAllowed):
        organisation_settings_update(actor=world.users["funder"], organisation=fund, **GOOD)


def test_the_projects_lead_cannot_set_what_its_funder_expects(world: Any, client_for: Any) -> None:
    """Separation of powers: the team does not write its funder's response time."""
    fund = world.extra["funder_organisation"]
    lead = client_for(world.users["lead"])
    assert lead.post(reverse("funders:settings", args=[fund.slug]), GOOD).status_code == 404
    api = lead.post(
        reverse("api:funder_settings_update", args=[fund.slug]),
        json.dumps(GOOD),
        content_type="application/json",
    )
    assert api.status_code == 404
    with pytest.raises(NotAllowed):
        organisation_settings_update(actor=world.users["lead"], organisation=fund, **GOOD)
    assert FunderOrganisation.objects.get(pk=fund.pk).response_days == 14


def test_the_api_reads_and_changes_the_settings(world: Any, client_for: Any) -> None:
    fund = world.extra["funder_organisation"]
    admin = client_for(world.extra["funder_admin"])
    url = reverse("api:funder_settings", args=[fund.slug])
    assert admin.get(url).json()["audit_interval_months"] == 12
    r = admin.post(url, json.dumps(GOOD), content_type="application/json")
    assert r.status_code == 200 and r.json()["response_days"] == 10
    bad = admin.post(
        url, json.dumps({**GOOD, "response_days": "soon"}), content_type="application/json"
    )
    assert bad.status_code == 400 and "whole number" in bad.content.decode()
