from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.concerns.models import Mode, Outcome
from workings.concerns.procedure import mode_readers
from workings.core.forms import WorkingsForm


class ConcernFields(WorkingsForm):
    required_messages = {
        "subject": _("Enter a subject for your concern"),
        "outcome_wanted": _("Enter the outcome you want"),
    }

    subject = forms.CharField(label=_("Subject"), max_length=200)
    what_happened = forms.CharField(
        label=_("What happened"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("In your own words. Markdown is fine; HTML is not."),
    )
    outcome_wanted = forms.CharField(
        label=_("What outcome do you want?"), widget=forms.Textarea(attrs={"rows": 4})
    )
    link = forms.CharField(
        label=_("Link to an item in the record"),
        required=False,
        max_length=40,
        help_text=_(
            "A feedback item, decision, disagreement or meeting, written like decision:12."
        ),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Length is the service's rule, so pages and API give the same message.
        for name in ("what_happened", "outcome_wanted"):
            self.fields[name].max_length = None


class AnonymousRaiseForm(ConcernFields):
    """The no-account form has a trap for programs: a box people never see (hidden by the
    style sheet, outside the tab order and hidden from screen readers) that programs filling
    every box fill in. It works without JavaScript; no third-party script is involved."""

    TRAP = "website"
    website = forms.CharField(
        label=_("Leave this box empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def visible_fields(self) -> list[forms.BoundField]:
        return [f for f in super().visible_fields() if f.name != self.TRAP]

    @property
    def trap(self) -> forms.BoundField:
        return self[self.TRAP]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.pop(self.TRAP, ""):
            raise forms.ValidationError(
                _(
                    "This concern was not sent, because a box meant to be left empty was "
                    "filled in. Please try again, leaving that box empty."
                )
            )
        return data


class RaiseForm(ConcernFields):
    """Nothing is chosen for the person: each way of raising it says, in the same words as
    the page's box, who will read it."""

    mode = forms.ChoiceField(
        label=_("Who may read it and know it was you?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose open, confidential or anonymous.")},
    )
    field_order = ["mode", "subject", "what_happened", "outcome_wanted", "link"]

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        readers = mode_readers(project)
        self.fields["mode"].choices = [(m, f"{Mode(m).label}: {readers[m]}") for m in Mode.values]


class ReplyForm(WorkingsForm):
    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}))


class EscalateForm(WorkingsForm):
    reason = forms.CharField(
        label=_("Why you are moving it on"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AskTeamForm(WorkingsForm):
    message = forms.CharField(
        label=_("What you ask the team"), widget=forms.Textarea(attrs={"rows": 3})
    )


class SummaryForm(WorkingsForm):
    required_messages = {
        "text": _("Enter the summary the team would see"),
    }

    text = forms.CharField(
        label=_("Summary the team would see"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The raiser must approve it first. Leave out anything that could identify them."
        ),
    )


class SummaryAnswerForm(WorkingsForm):
    decision = forms.ChoiceField(
        label=_("Do you approve this summary?"),
        choices=[("approve", _("Yes, the team may see it")), ("decline", _("No, do not show it"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CloseForm(WorkingsForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when a concern is not upheld."),
    )

    def __init__(self, *args: object, outcomes: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = outcomes


class ReceiptForm(WorkingsForm):
    code = forms.CharField(
        label=_("Your receipt code"),
        max_length=60,
        help_text=_("The 20 digits you were shown when you sent your concern. You can paste it."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
