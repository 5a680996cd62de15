from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm
from workings.publishing.models import HideCategory


class CommentForm(WorkingsForm):
    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=80,
        help_text=_(
            "Shown with your comment. A made-up name is fine. Leave it empty to be "
            "“A member of the public”."
        ),
    )
    # Long enough for the service to give its own plain message about a too-long comment.
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Up to 5,000 characters, plain text. A moderator reads every comment "
            "before it is shown."
        ),
    )
    # The honeypot: hidden from people (and from screen readers); bots fill it in.
    website = forms.CharField(label=_("Leave this box empty"), required=False)
    # The optional puzzle (only a browser running the page's script fills these in).
    pow_puzzle = forms.CharField(required=False, widget=forms.HiddenInput)
    pow_answer = forms.CharField(required=False, widget=forms.HiddenInput)


class HideForm(WorkingsForm):
    category = forms.ChoiceField(
        label=_("Why hide it?"), choices=HideCategory.choices, widget=forms.RadioSelect
    )


class AppealForm(WorkingsForm):
    text = forms.CharField(
        label=_("Why should the moderators think again?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Up to 2,000 characters. A different moderator will decide."),
    )


class ConsentRequestForm(WorkingsForm):
    seq = forms.IntegerField(
        label=_("Number of the entry"),
        min_value=0,
        help_text=_("Each entry in the list below shows its number."),
    )
    note = forms.CharField(
        label=_("Your message to its author (you can leave this empty)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Why you would like it published. Up to 1,000 characters. They can say no, "
            "and no one but the team sees their answer."
        ),
    )
