"""Claims with expenses and receipts; approval, payment and lateness."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import Conflict, Problems, ValidationFailed
from workings.core.notify import notify_after_commit
from workings.core.text import optional_text, required_text
from workings.events.services import append_event
from workings.money import amounts, receipts, selectors
from workings.money.models import (
    Claim,
    ClaimStatus,
    Expense,
    ExpenseKind,
    Offer,
    RateKind,
)
from workings.money.permissions import money_policy, require
from workings.money.services.common import append_sealed, choice


def _expense_rows(
    expenses: Iterable[dict[str, Any]], currency: str, problems: Problems
) -> list[dict[str, Any]]:
    """Each expense checked, every problem collected (an expense's fields are named as the
    claim form's single expense is)."""
    rows = []
    for number, item in enumerate(expenses, start=1):
        kind = problems.check(
            choice,
            item.get("kind"),
            ExpenseKind,
            field="kind",
            message=_("Expense %(n)s: choose travel, carer costs, data, equipment or other.")
            % {"n": number},
        )
        description = problems.check(
            required_text,
            item.get("description"),
            field="description",
            label=_("What the expense was"),
            max_length=200,
        )
        amount = problems.check(
            amounts.amount,
            item.get("amount"),
            field="amount",
            label=_("The expense amount"),
            currency=currency,
            allow_zero=False,
        )
        receipt = problems.check(receipts.clean, item["receipt"]) if item.get("receipt") else None
        rows.append(
            {"kind": kind, "description": description, "amount": amount, "receipt": receipt}
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
    problems = Problems()  # every broken rule is reported at once
    if (
        offer.meeting_id is not None
        and not offer.meeting.participants.filter(pk=offer.person_id).exists()
    ):
        problems.add(
            _(
                "The record does not show you at this meeting, so it cannot be claimed. "
                "Ask the lead to correct who attended first."
            ),
            field="hours",
        )
    claimed_hours = (
        prefilled_hours(offer)
        if hours in (None, "")
        else problems.check(amounts.quantity, hours, field="hours", label=_("Hours"))
    )
    text = problems.check(optional_text, note, field="note", label=_("Note"), max_length=2000)
    fee = Decimal(0)
    if claimed_hours is not None:
        fee = (
            amounts.rounded(offer.rate, offer.currency)
            if offer.rate_kind == RateKind.PER_ACTIVITY
            else amounts.rounded(claimed_hours * offer.rate, offer.currency)
        )
        if fee > offer.fee and text == "":
            problems.add(
                _("This claims more than the offer (%(offer)s). Add a note saying why.")
                % {"offer": amounts.shown(offer.fee, offer.currency)},
                field="note",
            )
    rows = _expense_rows(expenses, offer.currency, problems)
    problems.raise_any()
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
        append_sealed(offer.project, "money.claim_made", actor, [claim, *saved], claim=claim.pk)
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
    append_sealed(claim.project, "money.claim_approved", actor, [claim], claim=claim.pk)
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
    why = required_text(reason, field="reason", label=_("Reason"), max_length=2000)
    claim.status = ClaimStatus.REJECTED
    claim.approved_by = actor
    claim.approved_on = clock.today()
    claim.save()
    append_sealed(claim.project, "money.claim_rejected", actor, [claim], claim=claim.pk, reason=why)
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
    append_sealed(
        claim.project,
        "money.claim_paid",
        actor,
        [claim],
        claim=claim.pk,
        days_to_payment=claim.days_to_payment(day),
        late=claim.is_late(day),
    )
    notify_after_commit(
        user_ids={claim.person.user_id},
        project=claim.project,
        kind="money.paid",
        title=_("Your claim for “%(title)s” was paid on %(day)s")
        % {"title": claim.offer.title, "day": date_format(day, "j F Y")},
        url=reverse("money:claim", args=[claim.project.slug, claim.pk]),
        key=f"claim:{claim.pk}:paid",
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
    append_sealed(claim.project, "money.claim_late", None, [claim], claim=claim.pk)
    append_event(
        project=claim.project,
        type="money.payment_late",
        actor=None,
        content={"due_on": claim.due_on.isoformat(), "promised_days": claim.payment_days},
    )
