from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.funders.models import AppointmentKind


class AppointForm(forms.Form):
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
                    "Reviewer: reads the projects' records and sealed "
                    "concerns, receives escalations, witnesses checkpoints"
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


class EndForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NameFunderForm(forms.Form):
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
