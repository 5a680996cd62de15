from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm
from workings.funders.models import AppointmentKind


class AppointForm(WorkingsForm):
    required_messages = {
        "kind": _("Choose a post"),
    }

    email = forms.CharField(
        label=_("Their e-mail address"),
        max_length=254,
        widget=forms.EmailInput,
        help_text=_("The address they signed up to Workings with."),
    )
    kind = forms.ChoiceField(
        label=_("Post"),
        choices=[
            (
                AppointmentKind.REVIEWER,
                _(
                    "Reviewer: reads the projects' records and private "
                    "concerns, receives escalations, countersigns the records"
                ),
            ),
            (
                AppointmentKind.INDEPENDENT,
                _(
                    "Independent reviewer: the independent person named "
                    "in a project's agreement, with a reviewer's reading "
                    "rights"
                ),
            ),
        ],
        widget=forms.RadioSelect,
    )


class EndForm(WorkingsForm):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NameFunderForm(WorkingsForm):
    organisation = forms.ChoiceField(label=_("Funder organisation"))

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.choices = [("", _("Choose the funder"))] + choices  # type: ignore[attr-defined]
        field.help_text = _(
            "The organisation's admins are asked to confirm. Once they do, their reviewers "
            "read the record and any confidential or anonymous concern. Nobody in the project "
            "chooses who those reviewers are."
        )


class SettingsForm(WorkingsForm):
    required_messages = {
        "audit_interval_months": _("Enter the number of months between audits"),
        "response_days": _("Enter the number of days a team has to respond"),
    }

    disagreement_procedure = forms.CharField(
        label=_("Default disagreement procedure"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "How you expect a disagreement between a team and its public contributors to be "
            "settled when their agreement says nothing else: the stages, who is asked, and "
            "when you, the funder, step in."
        ),
    )
    audit_interval_months = forms.IntegerField(
        label=_("Months between audits"),
        min_value=1,
        max_value=60,
        help_text=_("How often each project's involvement is checked. Usually 12."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    response_days = forms.IntegerField(
        label=_("Days a team has to respond"),
        min_value=1,
        max_value=180,
        help_text=_(
            "How many days you expect a team to take to answer feedback or a concern. "
            "Each project you fund sees this in its record."
        ),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
