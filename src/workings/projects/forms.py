from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm
from workings.projects.permissions import MEMBER_ROLES
from workings.projects.roles import ROLE_DESCRIPTIONS, Credit, Role

# A project's members give these roles only: funder reviewers are appointed by the funder.
MEMBER_ROLE_CHOICES = [(r, label) for r, label in Role.choices if r in MEMBER_ROLES]


class DateInput(forms.DateInput):
    input_type = "date"


class ProjectForm(WorkingsForm):
    required_messages = {
        "title": _("Enter a title for the project"),
        "summary": _("Enter a plain-English summary"),
        "start_date": _("Enter the start date"),
        "end_date": _("Enter the end date"),
        "involvement_budget": _("Enter the involvement budget"),
        "currency": _("Enter the currency"),
    }

    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Plain-English summary"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Write it so that someone with no research background understands it."),
    )
    funder_name = forms.CharField(label=_("Funder"), max_length=200, required=False)
    funder_reference = forms.CharField(label=_("Funder reference"), max_length=100, required=False)
    start_date = forms.DateField(
        label=_("Start date"),
        widget=DateInput,
        help_text=_("Use the date picker, or type the day, month and year."),
    )
    end_date = forms.DateField(label=_("End date"), widget=DateInput)
    involvement_budget = forms.DecimalField(
        label=_("Involvement budget"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        initial=0,
        help_text=_("Money set aside for public involvement: payments, expenses, support."),
    )
    currency = forms.CharField(
        label=_("Currency"),
        max_length=3,
        initial="GBP",
        help_text=_("A three-letter code such as GBP."),
    )


class ProjectUpdateForm(ProjectForm):
    # The summary is a co-owned document once the project exists (Documents page).
    summary = None  # type: ignore[assignment]
    is_published = forms.BooleanField(
        label=_("Publish this project's record"),
        required=False,
        help_text=_("Anyone, signed in or not, can then read the project's summary and record."),
    )


class InvitationForm(WorkingsForm):
    required_messages = {
        "email": _("Enter their e-mail address"),
        "role": _("Choose a role"),
    }

    email = forms.CharField(label=_("E-mail address"), max_length=254, widget=forms.EmailInput)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=MEMBER_ROLE_CHOICES,
        widget=forms.RadioSelect,
        help_text=" ".join(
            f"{Role(r).label}: {d}" for r, d in ROLE_DESCRIPTIONS.items() if r in MEMBER_ROLES
        ),
    )
    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class AcceptForm(WorkingsForm):
    display_name = forms.CharField(
        label=_("Your name in this project"),
        max_length=80,
        required=False,
        help_text=_("A pseudonym is fine. Leave empty to use your profile's display name."),
    )
    credit = forms.ChoiceField(
        label=_("How should the record credit you?"),
        choices=Credit.choices,
        initial=Credit.NAME,
        widget=forms.RadioSelect,
    )


class MembershipForm(AcceptForm):
    pass


class LeaveForm(WorkingsForm):
    required_messages = {
        "confirm": _("Tick the box to say you understand that you will no longer be a member"),
    }

    reason = forms.CharField(
        label=_("Why are you leaving?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
        help_text=_("You do not have to give a reason."),
    )
    reason_public = forms.ChoiceField(
        label=_("Who may read your reason?"),
        choices=[
            ("private", _("Only the project team. It is not published.")),
            (
                "public",
                _("Anyone: it is published with the record once the project is published."),
            ),
        ],
        initial="private",
        widget=forms.RadioSelect,
    )
    credit = forms.ChoiceField(
        label=_("How should your past contributions be credited?"),
        choices=Credit.choices,
        initial=Credit.NAME,
        widget=forms.RadioSelect,
    )
    confirm = forms.BooleanField(
        label=(
            _(
                "I understand that I will no longer be a member. "
                "What I contributed stays in the record."
            )
        ),
    )

    def clean_reason_public(self) -> bool:
        return self.cleaned_data.get("reason_public") == "public"


class RoleForm(WorkingsForm):
    required_messages = {
        "role": _("Choose the new role"),
    }

    role = forms.ChoiceField(label=_("New role"), choices=MEMBER_ROLE_CHOICES)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class RemoveForm(WorkingsForm):
    required_messages = {
        "reason": _("Enter the reason for removing this person"),
    }

    reason = forms.CharField(
        label=_("Reason for removing this person"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The reason is kept in the record and shown to the person."),
    )
