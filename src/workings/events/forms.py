from __future__ import annotations

from django import forms


class EraseForm(forms.Form):
    reason = forms.CharField(
        label="Why is this content being erased?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=(
            "Required. The reason is kept in the record, with the date, in place of the "
            "content. Do not repeat the personal information you are erasing."
        ),
    )
