from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm
from workings.reports.models import ReplyAnswer


class ReplyOpenForm(WorkingsForm):
    required_messages = {
        "days": _("Enter how many days contributors have to reply"),
    }

    purpose = forms.CharField(
        label=_("What is the annex for?"),
        help_text=_("For example: the stage 2 application to the funder."),
        max_length=200,
    )
    days = forms.IntegerField(
        label=_("Days contributors have to reply"),
        help_text=_("Counted from today. The window closes at the end of the last day."),
        min_value=1,
        max_value=90,
        initial=14,
    )


class ReplyAnswerForm(WorkingsForm):
    kind = forms.ChoiceField(
        label=_("Your answer"),
        choices=ReplyAnswer.Kind.choices,
        widget=forms.RadioSelect,
    )
    statement = forms.CharField(
        label=_("Your statement"),
        help_text=_("It appears in the annex exactly as you write it. Leave empty to decline."),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=10000,
    )


class RegisterForm(WorkingsForm):
    audience = forms.ChoiceField(label=_("Which annex to register"), choices=())
    checkpoint = forms.IntegerField(
        label=_("Number of entries in the record"),
        help_text=_(
            "The record as it was when it had this many entries. Leave empty for the latest."
        ),
        required=False,
        min_value=1,
    )

    def __init__(self, *args: object, audiences: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["audience"].choices = [
            (a, _("The %(audience)s annex") % {"audience": a}) for a in audiences
        ]


class WithdrawForm(WorkingsForm):
    reason = forms.CharField(
        label=_("Why is this registration being withdrawn?"),
        help_text=_("Shown with the registration for ever."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )


class NarrativeForm(WorkingsForm):
    text = forms.CharField(
        label=_("Narrative"),
        help_text=_("Written together by the team and contributors. Each save is a new version."),
        widget=forms.Textarea(attrs={"rows": 16}),
        required=False,
        max_length=50000,
    )
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False)
