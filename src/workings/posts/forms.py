"""Posts forms: plain fields only; the services check every rule."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm
from workings.posts.models import Frequency, HideReason, PostStatus


class PostForm(WorkingsForm):
    required_messages = {
        "title": _("Enter a title for the post"),
        "status": _("Choose whether to publish the post"),
    }

    title = forms.CharField(label=_("Title"), max_length=200)
    byline = forms.CharField(
        label=_("Name shown as the writer"),
        max_length=120,
        required=False,
        help_text=_("Leave empty to use the name the project shows for you. A pseudonym is fine."),
    )
    series = forms.CharField(
        label=_("Series"),
        max_length=80,
        required=False,
        help_text=_("If this post is one of a series, its name. Readers can follow one series."),
    )
    body = forms.CharField(
        label=_("The post"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Plain text. You can use Markdown: *italic*, **bold**, - lists, [links](…)."),
    )
    image = forms.FileField(
        label=_("A picture"),
        required=False,
        help_text=_(
            "A photo or image (JPEG, PNG or WebP), up to 5 MB. Its hidden details are removed."
        ),
    )
    image_alt = forms.CharField(
        label=_("Describe the picture"),
        max_length=300,
        required=False,
        help_text=_("Needed with a picture: one sentence for people who cannot see it."),
    )
    status = forms.ChoiceField(
        label=_("Publish"),
        choices=PostStatus.choices,
        widget=forms.RadioSelect,
        initial=PostStatus.DRAFT,
    )
    publish_at = forms.DateTimeField(
        label=_("From (date and time, UTC)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Leave empty to publish now. A later time schedules the post."),
    )


class CommentForm(WorkingsForm):
    name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        help_text=_("Shown with your comment. It does not have to be your real name."),
    )
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Up to 5,000 characters. A moderator reads it before it is shown."),
    )
    # The honeypot: hidden from people and screen readers; a bot fills it in.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class HideForm(WorkingsForm):
    required_messages = {
        "reason": _("Choose why to hide it"),
    }

    reason = forms.ChoiceField(label=_("Why hide it"), choices=HideReason.choices)
    note = forms.CharField(
        label=_("Note to the writer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only the writer sees this, on their private page."),
    )


class AppealForm(WorkingsForm):
    appeal = forms.CharField(
        label=_("Why should it come back?"), widget=forms.Textarea(attrs={"rows": 4})
    )


class ModeratorForm(WorkingsForm):
    required_messages = {
        "membership": _("Choose a member"),
    }

    membership = forms.TypedChoiceField(label=_("Member"), coerce=int)


class SubscribeForm(WorkingsForm):
    email = forms.CharField(
        label=_("Your e-mail address"),
        max_length=400,
        widget=forms.TextInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        help_text=_("Any address works, in any language. We send one e-mail to check it is yours."),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        initial=Frequency.IMMEDIATELY,
    )
    series = forms.CharField(required=False, widget=forms.HiddenInput)
    website = CommentForm.base_fields["website"]


class FrequencyForm(WorkingsForm):
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Frequency.choices, widget=forms.RadioSelect
    )
