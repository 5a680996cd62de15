"""Verification forms: plain fields only; the services check every rule."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm
from workings.verification.claims import claims_from_lines
from workings.verification.models import Choice, Source


class RequestForm(WorkingsForm):
    required_messages = {
        "deadline": _("Enter the deadline for answers"),
    }
    # The claims are split from the text pasted here.
    service_fields = {"claims": "text"}

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("For example: Checking the involvement section of the application."),
    )
    source = forms.ChoiceField(
        label=_("Where do the claims come from?"),
        choices=Source.choices,
        initial=Source.INVOLVEMENT,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Text from the annex"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Only if you chose the annex: paste the part to check."),
    )
    deadline = forms.DateField(
        label=_("Deadline for answers"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Give people at least two weeks."),
    )


class ClaimsForm(WorkingsForm):
    required_messages = {
        "claims": _("Enter the claims, one per line"),
    }

    claims = forms.CharField(
        label=_("Claims, one per line"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Change the wording, join or split claims, or delete a line to leave it out."),
    )

    def cleaned_claims(self) -> list[str]:
        return claims_from_lines(self.cleaned_data["claims"])


class AnswerForm(WorkingsForm):
    """One question per claim (with an optional comment and the choice of showing it),
    then whether the funder may know who answered."""

    def __init__(self, *args: Any, claims: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.claims = claims
        for claim in claims:
            self.fields[f"choice_{claim.pk}"] = forms.ChoiceField(
                label=_("Claim %(number)s: “%(text)s”")
                % {"number": claim.number, "text": claim.text},
                choices=Choice.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer for claim %(number)s")
                    % {"number": claim.number}
                },
            )
            self.fields[f"comment_{claim.pk}"] = forms.CharField(
                label=_("Your comment on claim %(number)s") % {"number": claim.number},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"annex_{claim.pk}"] = forms.BooleanField(
                label=_(
                    "The comment may be shown, without my name, in the project's public report"
                ),
                required=False,
            )
        self.fields["anonymous"] = forms.BooleanField(
            label=_("Do not tell the funder who I am"),
            required=False,
            help_text=_(
                "The research team never sees who answered what. Tick this and the funder "
                "will not know either."
            ),
        )

    def answers(self) -> dict[str, dict[str, Any]]:
        data = self.cleaned_data
        return {
            str(c.pk): {
                "choice": data.get(f"choice_{c.pk}", ""),
                "comment": data.get(f"comment_{c.pk}", ""),
                "in_annex": data.get(f"annex_{c.pk}", False),
            }
            for c in self.claims
        }
