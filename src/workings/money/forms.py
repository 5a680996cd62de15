"""Money forms: plain fields only; the services check every rule."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from workings.core.forms import WorkingsForm
from workings.money.models import ActivityKind, BudgetCategory, ExpenseKind


class OfferForm(WorkingsForm):
    required_messages = {
        "title": _("Enter the name of the activity"),
        "hours": _("Enter the expected hours, preparation included"),
    }

    person = forms.TypedChoiceField(label=_("Who the offer is for"), coerce=int)
    activity = forms.ChoiceField(label=_("What it is for"), choices=ActivityKind.choices)
    meeting = forms.TypedChoiceField(
        label=_("Meeting (for a meeting)"), coerce=int, required=False, empty_value=None
    )
    title = forms.CharField(label=_("Name of the activity"), max_length=200)
    hours = forms.CharField(
        label=_("Expected hours, preparation included"), help_text=_("For example 2.5")
    )
    preparation_hours = forms.CharField(
        label=_("Of which preparation (hours)"), required=False, initial="0"
    )
    expenses_covered = forms.CharField(
        label=_("Expenses covered"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Leave empty to use what the agreement says."),
    )

    def __init__(self, *args: Any, people: Any = (), meetings: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = list(people)
        self.fields["meeting"].choices = [("", _("Not a meeting")), *meetings]


class AnswerForm(WorkingsForm):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        widget=forms.RadioSelect,
        choices=[
            ("accept", _("Accept: I would like to be paid")),
            ("decline", _("Decline: I will not do this activity")),
            ("waive", _("Waive: I will take part without being paid")),
        ],
    )
    benefits_advice_taken = forms.BooleanField(
        label=_("I have had advice about how payment may affect my benefits (if I get any)"),
        required=False,
    )
    public_sector_employee = forms.BooleanField(
        label=_("I work in the public sector and may need my employer's agreement"),
        required=False,
    )


class ClaimForm(WorkingsForm):
    required_messages = {
        "hours": _("Enter the hours, preparation included"),
    }
    # The service names an expense's fields as in the API's list of expenses.
    service_fields = {
        "kind": "expense_kind",
        "description": "expense_description",
        "amount": "expense_amount",
    }

    hours = forms.CharField(
        label=_("Hours, preparation included"),
        help_text=_("Filled in from the record; change it if it is wrong."),
    )
    note = forms.CharField(
        label=_("Note (needed if you claim more than the offer)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    expense_kind = forms.ChoiceField(
        label=_("Expense (if any)"),
        required=False,
        choices=[("", _("No expense")), *ExpenseKind.choices],
    )
    expense_description = forms.CharField(
        label=_("What the expense was"), required=False, max_length=200
    )
    expense_amount = forms.CharField(label=_("Expense amount"), required=False)
    receipt = forms.FileField(
        label=_("Receipt (a photo or a PDF)"),
        required=False,
        help_text=_("Photos have their hidden details (like where they were taken) removed."),
    )

    def expenses(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        if not data.get("expense_kind"):
            return []
        return [
            {
                "kind": data["expense_kind"],
                "description": data.get("expense_description", ""),
                "amount": data.get("expense_amount", ""),
                "receipt": data.get("receipt"),
            }
        ]


class RejectForm(WorkingsForm):
    required_messages = {
        "reason": _("Enter the reason"),
    }

    reason = forms.CharField(label=_("Why not"), widget=forms.Textarea(attrs={"rows": 3}))


class PayForm(WorkingsForm):
    required_messages = {
        "paid_on": _("Enter the day it was paid"),
    }

    paid_on = forms.DateField(
        label=_("Day it was paid"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class BudgetLineForm(WorkingsForm):
    required_messages = {
        "year": _("Enter the tax year (starting April)"),
        "category": _("Choose a heading"),
        "description": _("Enter a description"),
        "quantity": _("Enter the quantity"),
        "unit_cost": _("Enter the cost of each"),
    }

    year = forms.IntegerField(
        label=_("Tax year (starting April)"), help_text=_("For example 2026 for 2026–27")
    )
    category = forms.ChoiceField(label=_("Heading"), choices=BudgetCategory.choices)
    description = forms.CharField(label=_("Description"), max_length=200)
    quantity = forms.CharField(label=_("Quantity"), help_text=_("For example 12 meetings"))
    unit_cost = forms.CharField(label=_("Cost of each"), help_text=_("For example 75.00"))
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
