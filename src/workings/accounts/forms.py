from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm


class SignupExtraForm(WorkingsForm):
    """allauth's sign-up form plus the name people see (a pseudonym is fine)."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        required=False,
        help_text=_("The name other people see. A pseudonym is fine. You can change it later."),
    )

    field_order = ["email", "display_name", "password1", "password2"]

    def signup(self, request: Any, user: Any) -> None:
        user.display_name = self.cleaned_data.get("display_name", "")
        user.save(update_fields=["display_name"])


class ProfileForm(WorkingsForm):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        required=False,
        help_text=_(
            "Shown to others unless a project asks for something else. A pseudonym is fine."
        ),
    )
    pref_larger_text = forms.BooleanField(label=_("Larger text"), required=False)
    pref_high_contrast = forms.BooleanField(label=_("High contrast"), required=False)
    pref_reduced_motion = forms.BooleanField(label=_("Reduce motion"), required=False)


class TokenCreateForm(WorkingsForm):
    required_messages = {
        "name": _("Enter a name for the token"),
    }

    name = forms.CharField(
        label=_("Token name"),
        max_length=80,
        help_text=_("For example the name of the script or computer that will use it."),
    )
