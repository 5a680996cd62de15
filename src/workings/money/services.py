"""Writes for money: one function, one transaction, one or more log entries.

Every write about one person's money is appended sealed (snapshots.py says why); budget
lines are members-only entries. Bad input raises ValidationFailed before anything is
written, so nothing is ever half-written (a receipt file saved before a later failure is
deleted again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import Conflict, ValidationFailed
from workings.events.services import append_event
from workings.money import amounts, receipts, selectors
from workings.money.models import (
    ActivityKind,
    BudgetCategory,
    BudgetLine,
    Claim,
    ClaimStatus,
    Expense,
    ExpenseKind,
    Offer,
    OfferStatus,
    RateKind,
)
from workings.money.permissions import money_policy, require
from workings.projects import validation as v
from workings.projects.models import Membership
from workings.projects.roles import Role

ANSWERS = {
    "accept": OfferStatus.ACCEPTED,
    "decline": OfferStatus.DECLINED,
    "waive": OfferStatus.WAIVED,
}


def _choice(value: Any, choices: Any, *, field: str, message: str) -> str:
    if value not in choices.values:
        raise ValidationFailed(message, field=field)
    return str(value)


def _sealed(project: Any, type: str, actor: Any, rows: Iterable[Any], **content: Any) -> None:
    append_event(
        project=project, type=type, actor=actor, content=content, subjects=list(rows), sealed=True
    )


@transaction.atomic
def offer_make(
    *,
    actor: Any,
    project: Any,
    person: Any,
    activity: str,
    title: str,
    hours: Any,
    preparation_hours: Any = "0",
    meeting: Any = None,
    expenses_covered: str = "",
) -> Offer:
    """The lead offers a contributor payment for one activity, at the agreement's rate."""
    require(money_policy.can_manage(actor, project), _("Only the project's lead offers payment."))
    terms = selectors.terms_required(project)
    membership = (
        Membership.objects.filter(project=project, pk=getattr(person, "pk", person), left_at=None)
        .select_related("user")
        .first()
    )
    if membership is None or membership.role != Role.CONTRIBUTOR:
        raise ValidationFailed(
            _("Payment is offered to a current public contributor of the project."),
            field="person",
        )
    kind = _choice(
        activity,
        ActivityKind,
        field="activity",
        message=_("Choose what the payment is for: a meeting, a document review or a task."),
    )
    found_meeting = None
    if kind == ActivityKind.MEETING:
        from workings.record.models.meetings import Meeting

        found_meeting = Meeting.objects.filter(
            item__project=project, pk=getattr(meeting, "pk", meeting) or 0
        ).first()
        if found_meeting is None:
            raise ValidationFailed(_("Choose the meeting this payment is for."), field="meeting")
    total_hours = amounts.quantity(hours, field="hours", label=_("Expected hours"))
    preparation = amounts.quantity(
        preparation_hours or "0", field="preparation_hours", label=_("Preparation hours")
    )
    if preparation > total_hours:
        raise ValidationFailed(
            _("The expected hours include preparation, so they cannot be fewer than it."),
            field="preparation_hours",
        )
    offer = Offer.objects.create(
        project=project,
        person=membership,
        activity=kind,
        meeting=found_meeting,
        title=v.required_text(title, field="title", label=_("What it is for"), max_length=200),
        hours=total_hours,
        preparation_hours=preparation,
        rate=terms.rate,
        rate_kind=terms.rate_kind if terms.rate_kind in RateKind.values else RateKind.HOURLY,
        currency=terms.currency,
        payment_days=terms.payment_days,
        agreement_version=terms.agreement_version,
        expenses_covered=v.optional_text(
            expenses_covered or terms.expenses_policy,
            field="expenses_covered",
            label=_("Expenses covered"),
            max_length=2000,
        ),
        offered_by=actor,
        offered_at=clock.now(),
    )
    _sealed(project, "money.offer_made", actor, [offer], offer=offer.pk)
    return offer


@transaction.atomic
def offer_answer(
    *,
    actor: Any,
    offer: Offer,
    answer: str,
    benefits_advice_taken: bool = False,
    public_sector_employee: bool = False,
) -> Offer:
    """Only the person offered answers: accept, decline, or waive (take part unpaid)."""
    offer = Offer.objects.select_for_update().select_related("person", "project").get(pk=offer.pk)
    require(
        offer.person.user_id == getattr(actor, "pk", None),
        _("Only the person offered answers an offer."),
    )
    if offer.status != OfferStatus.OFFERED:
        raise Conflict(_("This offer has already been answered."))
    require(money_policy.can_answer(actor, offer), _("Only the person offered answers an offer."))
    if answer not in ANSWERS:
        raise ValidationFailed(_("Choose accept, decline or waive."), field="answer")
    offer.status = ANSWERS[answer]
    offer.benefits_advice_taken = bool(benefits_advice_taken)
    offer.public_sector_employee = bool(public_sector_employee)
    offer.answered_on = clock.today()
    offer.save()
    _sealed(offer.project, "money.offer_answered", actor, [offer], offer=offer.pk, answer=answer)
    return offer


def _expense_rows(expenses: Iterable[dict[str, Any]], currency: str) -> list[dict[str, Any]]:
    rows = []
    for number, item in enumerate(expenses, start=1):
        kind = _choice(
            item.get("kind"),
            ExpenseKind,
            field="kind",
            message=_("Expense %(n)s: choose travel, carer costs, data, equipment or other.")
            % {"n": number},
        )
        rows.append(
            {
                "kind": kind,
                "description": v.required_text(
                    item.get("description"),
                    field="description",
                    label=_("What the expense was"),
                    max_length=200,
                ),
                "amount": amounts.amount(
                    item.get("amount"),
                    field="amount",
                    label=_("The expense amount"),
                    currency=currency,
                    allow_zero=False,
                ),
                "receipt": receipts.clean(item["receipt"]) if item.get("receipt") else None,
            }
        )
    return rows


@transaction.atomic
def claim_make(
    *,
    actor: Any,
    offer: Offer,
    hours: Any = None,
    note: str = "",
    expenses: Iterable[dict[str, Any]] = (),
) -> Claim:
    """The person claims against an accepted offer: hours (pre-filled from the meeting they
    attended) and expenses with receipts. Due by the agreement's promise from today."""
    offer = Offer.objects.select_for_update().select_related("person", "project").get(pk=offer.pk)
    require(
        money_policy.can_claim(actor, offer),
        _("Only the person who accepted this offer can claim against it."),
    )
    if (
        offer.meeting_id is not None
        and not offer.meeting.participants.filter(pk=offer.person_id).exists()
    ):
        raise ValidationFailed(
            _(
                "The record does not show you at this meeting, so it cannot be claimed. "
                "Ask the lead to correct who attended first."
            ),
            field="hours",
        )
    claimed_hours = (
        prefilled_hours(offer)
        if hours in (None, "")
        else amounts.quantity(hours, field="hours", label=_("Hours"))
    )
    fee = (
        amounts.rounded(offer.rate, offer.currency)
        if offer.rate_kind == RateKind.PER_ACTIVITY
        else amounts.rounded(claimed_hours * offer.rate, offer.currency)
    )
    text = v.optional_text(note, field="note", label=_("Note"), max_length=2000)
    if fee > offer.fee and not text:
        raise ValidationFailed(
            _("This claims more than the offer (%(offer)s). Add a note saying why.")
            % {"offer": amounts.shown(offer.fee, offer.currency)},
            field="note",
        )
    rows = _expense_rows(expenses, offer.currency)
    terms = selectors.terms_for(offer.project)
    days = terms.payment_days if terms else offer.payment_days
    today = clock.today()
    claim = Claim.objects.create(
        project=offer.project,
        offer=offer,
        person=offer.person,
        hours=claimed_hours,
        fee=fee,
        expenses_total=amounts.total((r["amount"] for r in rows), offer.currency),
        currency=offer.currency,
        note=text,
        claimed_on=today,
        payment_days=days,
        due_on=today + dt.timedelta(days=days),
    )
    saved: list[Expense] = []
    try:
        for row in rows:
            expense = Expense(
                claim=claim, kind=row["kind"], description=row["description"], amount=row["amount"]
            )
            found = row["receipt"]
            if found is not None:
                expense.receipt_type = found.content_type
                expense.receipt_sha256 = found.sha256
                expense.receipt.save("receipt", ContentFile(found.data), save=False)
            expense.save()
            saved.append(expense)
        _sealed(offer.project, "money.claim_made", actor, [claim, *saved], claim=claim.pk)
    except BaseException:
        for expense in saved:
            if expense.receipt:
                expense.receipt.delete(save=False)
        raise
    return claim


def prefilled_hours(offer: Offer) -> Decimal:
    """The meeting's recorded length plus the offer's preparation; else the offer's hours."""
    if offer.meeting_id is not None:
        return Decimal(offer.meeting.hours) + offer.preparation_hours
    return offer.hours


def _claim_locked(claim: Claim) -> Claim:
    return (
        Claim.objects.select_for_update()
        .select_related("person", "project", "offer")
        .get(pk=claim.pk)
    )


@transaction.atomic
def claim_approve(*, actor: Any, claim: Claim) -> Claim:
    claim = _claim_locked(claim)
    require(
        money_policy.can_decide(actor, claim),
        _("Only the project's lead approves a claim, and never their own."),
    )
    if claim.status != ClaimStatus.SUBMITTED:
        raise Conflict(_("This claim has already been decided."))
    claim.status = ClaimStatus.APPROVED
    claim.approved_by = actor
    claim.approved_on = clock.today()
    claim.save()
    _sealed(claim.project, "money.claim_approved", actor, [claim], claim=claim.pk)
    return claim


@transaction.atomic
def claim_reject(*, actor: Any, claim: Claim, reason: str) -> Claim:
    claim = _claim_locked(claim)
    require(
        money_policy.can_decide(actor, claim),
        _("Only the project's lead decides a claim, and never their own."),
    )
    if claim.status != ClaimStatus.SUBMITTED:
        raise Conflict(_("This claim has already been decided."))
    why = v.required_text(reason, field="reason", label=_("Reason"), max_length=2000)
    claim.status = ClaimStatus.REJECTED
    claim.approved_by = actor
    claim.approved_on = clock.today()
    claim.save()
    _sealed(claim.project, "money.claim_rejected", actor, [claim], claim=claim.pk, reason=why)
    return claim


@transaction.atomic
def claim_pay(*, actor: Any, claim: Claim, paid_on: dt.date | None = None) -> Claim:
    """Record that an approved claim was paid. Paying twice is refused."""
    claim = _claim_locked(claim)
    require(
        money_policy.can_pay(actor, claim),
        _("Only the project's lead records a payment, and never for their own claim."),
    )
    if claim.status == ClaimStatus.PAID:
        raise Conflict(
            _("This claim was already paid on %(day)s: it cannot be paid twice.")
            % {"day": f"{claim.paid_on:%d %B %Y}"}
        )
    if claim.status != ClaimStatus.APPROVED:
        raise ValidationFailed(_("Approve the claim before recording its payment."))
    day = paid_on or clock.today()
    if day < claim.claimed_on or day > clock.today():
        raise ValidationFailed(
            _("The payment day must be between the claim day and today."), field="paid_on"
        )
    claim.status = ClaimStatus.PAID
    claim.paid_by = actor
    claim.paid_on = day
    claim.save()
    if claim.late_on is None and claim.is_late(day):
        _mark_late(claim, day)
    _sealed(
        claim.project,
        "money.claim_paid",
        actor,
        [claim],
        claim=claim.pk,
        days_to_payment=claim.days_to_payment(day),
        late=claim.is_late(day),
    )
    return claim


@transaction.atomic
def late_claim_record(*, claim: Claim, today: dt.date) -> bool:
    """Record, once, that a claim went past the agreement's promise. True if newly late."""
    claim = _claim_locked(claim)
    if claim.late_on is not None or not claim.is_late(today):
        return False
    _mark_late(claim, claim.paid_on or today)
    return True


def _mark_late(claim: Claim, day: dt.date) -> None:
    """The claim's new state, sealed; and, for the members, that a promise was broken:
    when it fell due and what was promised, with no name and no amount."""
    claim.late_on = day
    claim.save()
    _sealed(claim.project, "money.claim_late", None, [claim], claim=claim.pk)
    append_event(
        project=claim.project,
        type="money.payment_late",
        actor=None,
        content={"due_on": claim.due_on.isoformat(), "promised_days": claim.payment_days},
    )


def _budget_fields(project: Any, data: dict[str, Any], currency: str) -> dict[str, Any]:
    year = data.get("year")
    try:
        year_number = int(year)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        year_number = 0
    if not 2000 <= year_number <= 2100:
        raise ValidationFailed(_("Give the tax year the line is for, like 2026."), field="year")
    category = _choice(
        data.get("category"),
        BudgetCategory,
        field="category",
        message=_("Choose one of the budget headings (or Other, saying what)."),
    )
    return {
        "year": year_number,
        "category": category,
        "description": v.required_text(
            data.get("description"), field="description", label=_("Description"), max_length=200
        ),
        "quantity": amounts.quantity(data.get("quantity"), field="quantity", label=_("Quantity")),
        "unit_cost": amounts.amount(
            data.get("unit_cost"), field="unit_cost", label=_("Unit cost"), currency=currency
        ),
        "notes": v.optional_text(
            data.get("notes", ""), field="notes", label=_("Notes"), max_length=2000
        ),
    }


@transaction.atomic
def budget_line_add(*, actor: Any, project: Any, **data: Any) -> BudgetLine:
    require(money_policy.can_manage(actor, project), _("Only the project's lead plans the budget."))
    currency = selectors.currency_of(project)
    line = BudgetLine.objects.create(
        project=project, currency=currency, **_budget_fields(project, data, currency)
    )
    append_event(
        project=project,
        type="money.budget_line_added",
        actor=actor,
        content={"line": line.pk},
        subjects=[line],
    )
    return line


@transaction.atomic
def budget_line_change(*, actor: Any, line: BudgetLine, **data: Any) -> BudgetLine:
    line = BudgetLine.objects.select_for_update().get(pk=line.pk, removed=False)
    require(
        money_policy.can_manage(actor, line.project), _("Only the project's lead plans the budget.")
    )
    for name, value in _budget_fields(line.project, data, line.currency).items():
        setattr(line, name, value)
    line.save()
    append_event(
        project=line.project,
        type="money.budget_line_changed",
        actor=actor,
        content={"line": line.pk},
        subjects=[line],
    )
    return line


@transaction.atomic
def budget_line_remove(*, actor: Any, line: BudgetLine) -> BudgetLine:
    line = BudgetLine.objects.select_for_update().get(pk=line.pk, removed=False)
    require(
        money_policy.can_manage(actor, line.project), _("Only the project's lead plans the budget.")
    )
    line.removed = True
    line.save()
    append_event(
        project=line.project,
        type="money.budget_line_removed",
        actor=actor,
        content={"line": line.pk},
        subjects=[line],
    )
    return line
