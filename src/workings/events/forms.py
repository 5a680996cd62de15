from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm
from workings.events.models import HiddenEntry


class EraseForm(WorkingsForm):
    reason = forms.CharField(
        label=_("Why is this content being erased?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "Required. The reason is kept in the record, with the date, in place of the "
            "content. Do not repeat the personal information you are erasing."
        ),
    )


class DataRequestForm(WorkingsForm):
    reason = forms.CharField(
        label=_("The data-protection request"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_(
            "Required. Say who asked and why, for example a request reference. The person "
            "who wrote the entry is sent this reason, and it is kept in the record. Do not "
            "repeat the personal information being erased."
        ),
    )


class HideForm(WorkingsForm):
    category = forms.ChoiceField(
        label=_("Why hide this entry from the public?"),
        choices=HiddenEntry.Category.choices,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("More about why (shown to the public)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        help_text=_(
            "Needed if you chose “Another reason”. Anyone can read this in place of the "
            "entry, so do not repeat what you are hiding."
        ),
    )
