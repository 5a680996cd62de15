"""Forms for the audit pages: lenient fields; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.audits.standards import QUESTIONS, RATINGS, Standard
from workings.core.forms import WorkingsForm
from workings.plans.forms import DAY_HINT


class AssessmentForm(WorkingsForm):
    def __init__(self, *args: Any, contributor: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for standard in Standard:
            self.fields[standard.value] = forms.TypedChoiceField(
                label=f"{standard.label}: {QUESTIONS[standard]}",
                choices=RATINGS,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer from 1 to 5.")},
            )
        if contributor:
            self.fields["anonymous"] = forms.BooleanField(
                label=_("Keep my name from the research team"),
                required=False,
                help_text=_(
                    "Nobody sees anyone's own answers, only each side's totals. With this ticked, "
                    "the team is not told that you answered either."
                ),
            )


class FindingForm(WorkingsForm):
    standard = forms.ChoiceField(label=_("Which standard it is about"), choices=Standard.choices)
    text = forms.CharField(label=_("What was found"), widget=forms.Textarea(attrs={"rows": 3}))
    action = forms.CharField(label=_("What will be done about it"), max_length=300)
    owner = forms.ChoiceField(label=_("Who will see it done"), required=False)
    due_on = forms.CharField(label=_("Done by"), help_text=DAY_HINT)

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        from workings.plans.forms import member_choices

        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = member_choices(project)


class SignForm(WorkingsForm):
    statement = forms.CharField(
        label=_("Your statement (what the audit concluded)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
