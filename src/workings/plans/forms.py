"""Forms for the plan's pages: lenient fields (text in, text out); the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm
from workings.plans.models import EvidenceKind, Status, TrainingKind

DAY_HINT = _("For example 2026-03-31 (year, month, day).")


def member_choices(project: Any) -> list[tuple[Any, str]]:
    from workings.projects.models import Membership

    rows = Membership.objects.filter(project=project, left_at__isnull=True).select_related("user")
    return [("", _("Choose a person"))] + [(m.pk, m.label) for m in rows.order_by("id")]


class MilestoneForm(WorkingsForm):
    required_messages = {
        "kind": _("Choose the kind of milestone"),
        "due_on": _("Enter the due date"),
        "owner": _("Choose who owns it"),
    }

    kind = forms.ChoiceField(
        label=_("Kind of milestone"),
        choices=[("research", _("Research")), ("involvement", _("Involvement"))],
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("What will be done"), max_length=300)
    description = forms.CharField(
        label=_("More about it"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    due_on = forms.CharField(label=_("Due date"), help_text=DAY_HINT)
    owner = forms.ChoiceField(label=_("Who owns it"))
    tied_to = forms.ChoiceField(
        label=_("Must happen before this research milestone"),
        required=False,
        help_text=_(
            "Only for involvement milestones, such as reviewing a protocol before it goes for "
            "ethics approval."
        ),
    )

    def __init__(self, *args: Any, project: Any, research: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = member_choices(project)
        self.fields["tied_to"].choices = [("", _("Not tied"))] + [(m.pk, m.title) for m in research]


class ProgressForm(WorkingsForm):
    status = forms.ChoiceField(label=_("How it stands"), choices=Status.choices)
    progress = forms.CharField(
        label=_("How far along, in per cent (0 to 100)"), required=False, max_length=4
    )


class EvidenceForm(WorkingsForm):
    required_messages = {
        "kind": _("Choose the kind of evidence"),
    }

    kind = forms.ChoiceField(label=_("Kind of evidence"), choices=EvidenceKind.choices)
    ref = forms.CharField(
        label=_("Entry or document number"),
        required=False,
        help_text=_("The number at the end of the entry's or document's address."),
    )
    path = forms.CharField(
        label=_("Page address"),
        required=False,
        help_text=_("For a page of this project, for example its minutes."),
    )
    note = forms.CharField(label=_("What it shows"), required=False, max_length=300)


class TrainingForm(WorkingsForm):
    required_messages = {
        "kind": _("Choose the kind of training or support"),
        "given_on": _("Enter when it was given"),
    }

    person = forms.ChoiceField(label=_("Who was trained or supported"))
    kind = forms.ChoiceField(label=_("Kind"), choices=TrainingKind.choices)
    what = forms.CharField(label=_("What it was"), max_length=300)
    given_on = forms.CharField(label=_("When"), help_text=DAY_HINT)
    given_by = forms.CharField(label=_("Who gave it"), max_length=300)
    hours = forms.CharField(label=_("Hours"), required=False, max_length=10)

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = member_choices(project)


def meeting_choices(project: Any) -> list[tuple[Any, str]]:
    from workings.record.models import Item, Kind

    rows = Item.objects.filter(project=project, kind=Kind.MEETING).order_by("-occurred_on", "-id")
    return [("", _("None"))] + [
        (i.pk, f"{i.title} ({i.occurred_on:%Y-%m-%d})" if i.occurred_on else i.title)
        for i in rows[:200]
    ]


class MinutesForm(WorkingsForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    met_on = forms.CharField(label=_("Day of the meeting"), help_text=DAY_HINT)
    meeting = forms.ChoiceField(
        label=_("The meeting in the record"),
        required=False,
        help_text=_("If the meeting is already in the working record, choose it."),
    )
    draft = forms.CharField(
        label=_("The minutes"), widget=forms.Textarea(attrs={"rows": 12}), max_length=20000
    )
    comments_until = forms.CharField(
        label=_("Contributors can comment until"),
        help_text=_("The last day for comments. For example 2026-03-31 (year, month, day)."),
    )

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = meeting_choices(project)


class MinutesCommentForm(WorkingsForm):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text=_("Say what is missing, wrong or unclear. Everyone in the project sees it."),
    )


class MinutesFinaliseForm(WorkingsForm):
    final = forms.CharField(
        label=_("The final minutes"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        max_length=20000,
        help_text=_(
            "Change the draft as the comments asked. Leave it as it is if nothing changes."
        ),
    )
    change_note = forms.CharField(
        label=_("What changed after the comments"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_("Say what you changed and why, or why you changed nothing."),
    )
