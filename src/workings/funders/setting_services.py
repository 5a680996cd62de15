"""The one write for a funder organisation's settings: its default disagreement procedure,
its audit schedule and the response time it expects from teams.

Settings are the organisation's, not a project's; a change still lands in the log of every
project that has confirmed the organisation (``funder.settings_changed``), so each team can
see what its funder now expects and since when.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import ValidationFailed
from workings.core.text import optional_text
from workings.events.services import append_event
from workings.funders.models import FunderOrganisation, ProjectFunder
from workings.funders.permissions import funder_policy, require

MAX_AUDIT_INTERVAL_MONTHS = 60
MAX_RESPONSE_DAYS = 180
PROCEDURE_MAX_LENGTH = 10000


def _whole_number(value: Any, *, field: str, label: str, low: int, high: int) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        number = None
    if number is None or str(value).strip() != str(number) or not low <= number <= high:
        raise ValidationFailed(
            _("%(label)s must be a whole number from %(low)s to %(high)s.")
            % {"label": label, "low": low, "high": high},
            field=field,
        )
    return number


def settings_content(organisation: FunderOrganisation) -> dict[str, Any]:
    return {
        "organisation": organisation.name,
        "disagreement_procedure": organisation.disagreement_procedure,
        "audit_interval_months": organisation.audit_interval_months,
        "response_days": organisation.response_days,
    }


@transaction.atomic
def organisation_settings_update(
    *,
    actor: Any,
    organisation: FunderOrganisation,
    disagreement_procedure: Any,
    audit_interval_months: Any,
    response_days: Any,
) -> FunderOrganisation:
    """An organisation admin (or a site administrator) changes the settings. Nothing is
    written unless every value is good; an unchanged form changes nothing and logs nothing."""
    require(
        funder_policy.can_change_settings(actor, organisation),
        "Only the organisation's admins can change its settings.",
    )
    procedure = optional_text(
        disagreement_procedure,
        field="disagreement_procedure",
        label=_("Default disagreement procedure"),
        max_length=PROCEDURE_MAX_LENGTH,
    )
    months = _whole_number(
        audit_interval_months,
        field="audit_interval_months",
        label=_("Months between audits"),
        low=1,
        high=MAX_AUDIT_INTERVAL_MONTHS,
    )
    days = _whole_number(
        response_days,
        field="response_days",
        label=_("Days a team has to respond"),
        low=1,
        high=MAX_RESPONSE_DAYS,
    )
    org = FunderOrganisation.objects.select_for_update().get(pk=organisation.pk)
    before = settings_content(org)
    org.disagreement_procedure = procedure
    org.audit_interval_months = months
    org.response_days = days
    if settings_content(org) == before:
        return org
    org.settings_changed_at = clock.now()
    org.full_clean()
    org.save(
        update_fields=[
            "disagreement_procedure",
            "audit_interval_months",
            "response_days",
            "settings_changed_at",
        ]
    )
    content = settings_content(org)
    links = ProjectFunder.objects.filter(
        organisation=org, status=ProjectFunder.Status.CONFIRMED
    ).select_related("project")
    for link in links:
        append_event(
            project=link.project,
            type="funder.settings_changed",
            actor=actor if actor is not None and actor.is_authenticated else None,
            content=content,
        )
    return org
