"""Forms for document pages: lenient fields (text in, text out); the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm
from workings.documents.models import Kind


class DocumentForm(WorkingsForm):
    required_messages = {
        "kind": _("Choose the kind of document"),
    }

    kind = forms.ChoiceField(label=_("Kind of document"), choices=Kind.choices)
    title = forms.CharField(
        label=_("Title (only for “other document”)"), required=False, max_length=300
    )


class ProposeForm(WorkingsForm):
    base = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(
        label=_("The text"),
        strip=False,
        error_messages={"required": _("Enter the text of the document")},
        widget=forms.Textarea(attrs={"rows": 18}),
    )
    note = forms.CharField(label=_("What did you change?"), required=False)


class SuggestForm(WorkingsForm):
    original = forms.CharField(
        label=_("Words to change (copy them exactly from the text)"),
        strip=False,
        error_messages={"required": _("Copy the words you want to change.")},
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    replacement = forms.CharField(
        label=_("Your suggested words"),
        strip=False,
        error_messages={"required": _("Write the words you suggest instead.")},
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DissentForm(WorkingsForm):
    text = forms.CharField(
        label=_("Your dissent note: why you do not agree with this version"),
        error_messages={"required": _("Enter your dissent note: why you do not agree")},
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class SubmitForm(WorkingsForm):
    application = forms.CharField(
        label=_("Which application did it go with?"),
        max_length=300,
        error_messages={
            "required": _("Say which application it went with (for example “NIHR RfPB stage 2”).")
        },
    )
    on = forms.CharField(
        label=_("Date it was submitted (year-month-day)"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "2026-11-30"}),
    )
