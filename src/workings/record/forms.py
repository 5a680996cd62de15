"""Forms for the record pages. They only shape input; the services hold every rule."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm
from workings.core.vocab import InfluenceLevel, ResearchArea
from workings.record.models.decisions import Stance
from workings.record.models.disagreements import DisagreementOutcome
from workings.record.models.feedback import Outcome
from workings.record.models.items import Kind
from workings.record.models.meetings import Activity
from workings.record.selectors import LEFT, STATUSES


class DateInput(forms.DateInput):
    """A native date picker; its value must be ISO (YYYY-MM-DD), whatever the locale."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(d, initial) for d in items]


AREA_CHOICES = [("", "Choose a research area"), *ResearchArea.choices]
OPTIONAL_AREA = [("", "None in particular"), *ResearchArea.choices]


class MeetingForm(WorkingsForm):
    required_messages = {
        "occurred_on": _("Enter the date of the meeting"),
        "activity": _("Choose the kind of activity"),
        "title": _("Enter a title for the meeting"),
        "hours": _("Enter how many hours it took"),
        "summary": _("Enter a plain-English summary of the meeting"),
    }

    occurred_on = forms.DateField(
        label=_("Date"), widget=DateInput, help_text=_("For example 2026-03-31.")
    )
    activity = forms.ChoiceField(label=_("Kind of activity"), choices=Activity.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    participants = forms.MultipleChoiceField(
        label=_("Who took part"), widget=forms.CheckboxSelectMultiple, choices=()
    )
    hours = forms.DecimalField(
        label=_("Hours"), max_digits=5, decimal_places=2, help_text=_("How long it took, up to 24.")
    )
    area = forms.ChoiceField(label=_("Research area"), choices=OPTIONAL_AREA, required=False)
    summary = forms.CharField(
        label=_("Plain-English summary"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What happened, in plain English. Markdown is fine; HTML is not."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_(
            "Up to 5 files, each at most 10 MB: PDF, PNG, JPEG, plain text, .docx or .odt."
        ),
    )

    def __init__(self, *args: Any, members: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].choices = [(m.pk, m.label) for m in members]


class FeedbackForm(WorkingsForm):
    """Fields by role: contributors give feedback in their own name, so only researchers
    (who record it for a group) see "On behalf of". The research area is optional."""

    required_messages = {
        "title": _("Enter a title for your feedback"),
    }

    about = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Title"), max_length=200, help_text=_("A few words to find it by.")
    )
    text = forms.CharField(
        label=_("Your feedback"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What you want the team to know, in your own words."),
    )
    area = forms.ChoiceField(
        label=_("Which part of the research is it about?"),
        choices=[("", _("Not sure")), *ResearchArea.choices],
        required=False,
    )
    on_behalf_of = forms.CharField(
        label=_("On behalf of"),
        max_length=200,
        required=False,
        help_text=_("Name the group of contributors this feedback came from."),
    )

    def __init__(self, *args: Any, speaks_for_contributors: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if speaks_for_contributors:
            del self.fields["on_behalf_of"]
        else:
            self.fields["text"].label = _("The feedback")
            self.fields["text"].help_text = _("What the contributors said.")


class AnswerForm(WorkingsForm):
    required_messages = {
        "outcome": _("Choose an outcome"),
    }

    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    what_done = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 4}), help_text=_("We did…")
    )
    why = forms.CharField(
        label=_("Why"), widget=forms.Textarea(attrs={"rows": 4}), help_text=_("Because…")
    )
    answer_due_on = forms.DateField(
        label=_("If not yet decided: the date by which you will give a real answer"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "Needed only for “Not yet decided”. The feedback stays open until then, and "
            "everyone is reminded if the date passes."
        ),
    )


class SatisfactionForm(WorkingsForm):
    satisfied = forms.TypedChoiceField(
        label=_("Does this answer satisfy you?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
    )
    why = forms.CharField(
        label=_("Why"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed if you are not satisfied."),
    )


class DecisionForm(WorkingsForm):
    required_messages = {
        "area": _("Choose a research area"),
        "occurred_on": _("Enter the date of the decision"),
    }

    area = forms.ChoiceField(label=_("Research area"), choices=AREA_CHOICES)
    title = forms.CharField(label=_("What was decided"), max_length=200)
    text = forms.CharField(
        label=_("More detail"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    decided_by = forms.CharField(
        label=_("Who decided"),
        max_length=300,
        help_text=_("For example: the trial management group."),
    )
    influence = forms.ChoiceField(
        label=_("How much say did contributors have?"),
        choices=InfluenceLevel.choices,
        widget=forms.RadioSelect,
    )
    occurred_on = forms.DateField(label=_("Date of the decision"), widget=DateInput)


class DecisionViewForm(WorkingsForm):
    required_messages = {
        "words": _("Enter your view in your own words"),
    }

    stance = forms.ChoiceField(
        label=_("Your view"), choices=Stance.choices, widget=forms.RadioSelect
    )
    words = forms.CharField(label=_("In your own words"), widget=forms.Textarea(attrs={"rows": 5}))


class DisagreementForm(WorkingsForm):
    subject = forms.CharField(label=_("What the disagreement is about"), max_length=200)
    area = forms.ChoiceField(label=_("Research area"), choices=OPTIONAL_AREA, required=False)
    text = forms.CharField(
        label=_("Background"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    occurred_on = forms.DateField(label=_("When it arose"), widget=DateInput)


class PositionForm(WorkingsForm):
    text = forms.CharField(
        label=_("Your position"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Only you can edit this. Every version is kept and can be read."),
    )


class OutcomeForm(WorkingsForm):
    required_messages = {
        "outcome": _("Choose an outcome"),
    }

    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[c for c in DisagreementOutcome.choices if c[0] != DisagreementOutcome.OPEN],
        widget=forms.RadioSelect,
    )
    outcome_text = forms.CharField(
        label=_("What was agreed or what happened"), widget=forms.Textarea(attrs={"rows": 4})
    )
    research_team_gave = forms.CharField(
        label=_("What the research team gave"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed for a compromise."),
    )
    contributors_gave = forms.CharField(
        label=_("What contributors gave"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed for a compromise."),
    )
    what_changed = forms.CharField(
        label=_("What it changed"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AccountForm(WorkingsForm):
    required_messages = {
        "title": _("Enter a title for your account"),
    }

    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Your account"),
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("In your own words. Only you can edit it; every version is kept."),
    )
    about_id = forms.IntegerField(widget=forms.HiddenInput, required=False)


class AccountEditForm(WorkingsForm):
    text = forms.CharField(label=_("Your account"), widget=forms.Textarea(attrs={"rows": 10}))


class CorrectionForm(WorkingsForm):
    text = forms.CharField(
        label=_("The correction"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say what was wrong and what is right. The original stays, shown beside this."),
    )


KIND_CHOICES = [("", "All kinds"), *Kind.choices, (LEFT, "Members who left")]


class TimelineFilterForm(WorkingsForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=KIND_CHOICES, required=False)
    area = forms.ChoiceField(
        label=_("Research area"),
        choices=[("", _("All areas")), *ResearchArea.choices],
        required=False,
    )
    person = forms.TypedChoiceField(
        label=_("Person"), choices=(), coerce=int, required=False, empty_value=None
    )
    date_from = forms.DateField(label=_("From"), widget=DateInput, required=False)
    date_to = forms.DateField(label=_("To"), widget=DateInput, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any")), *STATUSES.items()], required=False
    )
    q = forms.CharField(label=_("Search"), max_length=100, required=False)

    def __init__(self, *args: Any, members: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "Anyone"), *((m.pk, m.label) for m in members)]
