"""Offers of payment, claims with their expenses and receipts, and the involvement budget.

Amounts are Decimal columns in the project's currency (from the agreement in force when the
row was made, kept on the row so a later amendment never changes a past offer). Nothing
here holds bank details or any other way to pay someone: the finance office holds those
(docs/decisions/money-audiences.md).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workings.events.recorded import WHEN_WRITTEN, RecordedModel
from workings.money import snapshots as s


class ActivityKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    DOCUMENT_REVIEW = "document_review", _("Document review")
    TASK = "task", _("Task")


class RateKind(models.TextChoices):
    HOURLY = "hourly", _("per hour")
    PER_ACTIVITY = "per_activity", _("per activity")


class OfferStatus(models.TextChoices):
    OFFERED = "offered", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WAIVED = "waived", _("Waived (taking part unpaid)")


class Offer(RecordedModel):
    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        "projects.Membership", on_delete=models.PROTECT, related_name="payment_offers"
    )
    activity = models.CharField(max_length=20, choices=ActivityKind.choices)
    meeting = models.ForeignKey(
        "record.Meeting", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("what it is for"), max_length=200)
    hours = models.DecimalField(max_digits=7, decimal_places=2)  # preparation included
    preparation_hours = models.DecimalField(max_digits=7, decimal_places=2, default=Decimal(0))
    rate = models.DecimalField(max_digits=12, decimal_places=2)
    rate_kind = models.CharField(max_length=20, choices=RateKind.choices)
    currency = models.CharField(max_length=3)
    payment_days = models.PositiveIntegerField()
    agreement_version = models.IntegerField(null=True, blank=True)
    expenses_covered = models.TextField(blank=True, max_length=2000)
    status = models.CharField(
        max_length=20, choices=OfferStatus.choices, default=OfferStatus.OFFERED
    )
    benefits_advice_taken = models.BooleanField(default=False)
    public_sector_employee = models.BooleanField(default=False)
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    offered_at = models.DateTimeField(default=timezone.now)
    answered_on = models.DateField(null=True, blank=True)

    unrecorded_fields: ClassVar[dict[str, str]] = {"offered_at": WHEN_WRITTEN}

    class Meta:
        ordering = ["project_id", "-offered_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def fee(self) -> Decimal:
        from workings.money.amounts import rounded

        if self.rate_kind == RateKind.PER_ACTIVITY:
            return rounded(self.rate, self.currency)
        return rounded(self.hours * self.rate, self.currency)

    def snapshot(self) -> dict[str, Any]:
        return s.OfferSnapshot(
            project=self.project_id,
            person=self.person_id,
            activity=self.activity,
            meeting=self.meeting_id,
            title=self.title,
            hours=str(self.hours),
            preparation_hours=str(self.preparation_hours),
            rate=str(self.rate),
            rate_kind=self.rate_kind,
            currency=self.currency,
            payment_days=self.payment_days,
            agreement_version=self.agreement_version,
            expenses_covered=self.expenses_covered,
            status=self.status,
            benefits_advice_taken=self.benefits_advice_taken,
            public_sector_employee=self.public_sector_employee,
            offered_by=self.offered_by_id,
            answered_on=_day(self.answered_on),
        ).fields()


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for approval")
    APPROVED = "approved", _("Approved, waiting for payment")
    REJECTED = "rejected", _("Not approved")
    PAID = "paid", _("Paid")


class Claim(RecordedModel):
    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="claims")
    person = models.ForeignKey("projects.Membership", on_delete=models.PROTECT, related_name="+")
    hours = models.DecimalField(max_digits=7, decimal_places=2)
    fee = models.DecimalField(max_digits=12, decimal_places=2)
    expenses_total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    currency = models.CharField(max_length=3)
    note = models.TextField(blank=True, max_length=2000)
    status = models.CharField(
        max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED
    )
    claimed_on = models.DateField()
    # The agreement's promise when the claim was made, and the day it falls due.
    payment_days = models.PositiveIntegerField()
    due_on = models.DateField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField(null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    paid_on = models.DateField(null=True, blank=True)
    # The day the claim was first found late (and the lateness recorded in the log).
    late_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["project_id", "-claimed_on", "-id"]
        indexes = [
            models.Index(fields=["project", "status"]),
            models.Index(fields=["project", "-claimed_on", "-id"], name="money_claim_recent"),
        ]

    def __str__(self) -> str:
        return f"Claim {self.pk} for {self.offer}"

    @property
    def total(self) -> Decimal:
        return self.fee + self.expenses_total

    def days_to_payment(self, today: dt.date) -> int:
        """Days from the claim to its payment (or to today, while unpaid)."""
        return ((self.paid_on or today) - self.claimed_on).days

    def is_late(self, today: dt.date) -> bool:
        if self.status == ClaimStatus.REJECTED:
            return False
        return (self.paid_on or today) > self.due_on

    def snapshot(self) -> dict[str, Any]:
        return s.ClaimSnapshot(
            project=self.project_id,
            offer=self.offer_id,
            person=self.person_id,
            hours=str(self.hours),
            fee=str(self.fee),
            expenses_total=str(self.expenses_total),
            currency=self.currency,
            note=self.note,
            status=self.status,
            claimed_on=self.claimed_on.isoformat(),
            payment_days=self.payment_days,
            due_on=self.due_on.isoformat(),
            approved_by=self.approved_by_id,
            approved_on=_day(self.approved_on),
            paid_by=self.paid_by_id,
            paid_on=_day(self.paid_on),
            late_on=_day(self.late_on),
        ).fields()


class ExpenseKind(models.TextChoices):
    TRAVEL = "travel", _("Travel")
    CARER = "carer", _("Carer or support costs")
    DATA = "data", _("Phone or internet data")
    EQUIPMENT = "equipment", _("Equipment")
    OTHER = "other", _("Other")


def receipt_path(instance: Expense, filename: str) -> str:
    # A name that tells nobody anything: the project and a random token.
    import secrets

    return f"receipts/{instance.claim.project_id}/{secrets.token_hex(16)}"


class Expense(RecordedModel):
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="expenses")
    kind = models.CharField(max_length=20, choices=ExpenseKind.choices)
    description = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    receipt = models.FileField(upload_to=receipt_path, blank=True, max_length=200)
    receipt_type = models.CharField(max_length=40, blank=True)
    receipt_sha256 = models.CharField(max_length=64, blank=True)

    unrecorded_fields: ClassVar[dict[str, str]] = {
        "receipt": "where the file is stored: the snapshot holds its hash (receipt_sha256)",
    }

    class Meta:
        ordering = ["claim_id", "id"]

    def __str__(self) -> str:
        return self.description

    def snapshot(self) -> dict[str, Any]:
        return s.ExpenseSnapshot(
            claim=self.claim_id,
            kind=self.kind,
            description=self.description,
            amount=str(self.amount),
            receipt_type=self.receipt_type,
            receipt_sha256=self.receipt_sha256,
        ).fields()


class BudgetCategory(models.TextChoices):
    """The headings of the NIHR/INVOLVE involvement cost calculator."""

    FEES = "fees", _("Fees for meetings and activities")
    PREPARATION = "preparation", _("Preparation and reading time")
    TRAVEL = "travel", _("Travel")
    CARERS = "carers", _("Carer and support costs")
    SUBSISTENCE = "subsistence", _("Accommodation and meals")
    TRAINING = "training", _("Training and learning")
    EQUIPMENT = "equipment", _("Equipment, phone and data")
    VENUES = "venues", _("Venues and refreshments")
    STAFF = "staff", _("Involvement staff time")
    OTHER = "other", _("Other (say what)")


class BudgetLine(RecordedModel):
    project = models.ForeignKey("projects.Project", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField()  # the UK tax year it is planned for, by start year
    category = models.CharField(max_length=20, choices=BudgetCategory.choices)
    description = models.CharField(max_length=200)
    quantity = models.DecimalField(max_digits=10, decimal_places=2)
    unit_cost = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    notes = models.TextField(blank=True, max_length=2000)
    removed = models.BooleanField(default=False)

    class Meta:
        ordering = ["project_id", "year", "category", "id"]

    def __str__(self) -> str:
        return self.description

    @property
    def custom(self) -> bool:
        return self.category == BudgetCategory.OTHER

    @property
    def planned(self) -> Decimal:
        from workings.money.amounts import line_total

        return line_total(self.quantity, self.unit_cost, self.currency)

    def snapshot(self) -> dict[str, Any]:
        return s.BudgetLineSnapshot(
            project=self.project_id,
            year=self.year,
            category=self.category,
            description=self.description,
            quantity=str(self.quantity),
            unit_cost=str(self.unit_cost),
            currency=self.currency,
            notes=self.notes,
            removed=self.removed,
        ).fields()


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
