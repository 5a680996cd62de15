"""Offers of payment, and the answer only the person offered gives."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import Conflict, Problems, ValidationFailed
from workings.core.text import optional_text, required_text
from workings.money import amounts, selectors
from workings.money.models import (
    ActivityKind,
    Offer,
    OfferStatus,
    RateKind,
)
from workings.money.permissions import money_policy, require
from workings.money.services.common import append_sealed, choice
from workings.projects.models import Membership
from workings.projects.roles import Role

ANSWERS = {
    "accept": OfferStatus.ACCEPTED,
    "decline": OfferStatus.DECLINED,
    "waive": OfferStatus.WAIVED,
}


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
    problems = Problems()  # every broken rule is reported at once
    if membership is None or membership.role != Role.CONTRIBUTOR:
        problems.add(
            _("Payment is offered to a current public contributor of the project."),
            field="person",
        )
    kind = problems.check(
        choice,
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
            problems.add(_("Choose the meeting this payment is for."), field="meeting")
    total_hours = problems.check(amounts.quantity, hours, field="hours", label=_("Expected hours"))
    preparation = problems.check(
        amounts.quantity,
        preparation_hours or "0",
        field="preparation_hours",
        label=_("Preparation hours"),
    )
    if total_hours is not None and preparation is not None and preparation > total_hours:
        problems.add(
            _("The expected hours include preparation, so they cannot be fewer than it."),
            field="preparation_hours",
        )
    title = problems.check(
        required_text, title, field="title", label=_("What it is for"), max_length=200
    )
    expenses = problems.check(
        optional_text,
        expenses_covered or terms.expenses_policy,
        field="expenses_covered",
        label=_("Expenses covered"),
        max_length=2000,
    )
    problems.raise_any()
    assert membership is not None
    offer = Offer.objects.create(
        project=project,
        person=membership,
        activity=kind,
        meeting=found_meeting,
        title=title,
        hours=total_hours,
        preparation_hours=preparation,
        rate=terms.rate,
        rate_kind=terms.rate_kind if terms.rate_kind in RateKind.values else RateKind.HOURLY,
        currency=terms.currency,
        payment_days=terms.payment_days,
        agreement_version=terms.agreement_version,
        expenses_covered=expenses,
        offered_by=actor,
        offered_at=clock.now(),
    )
    append_sealed(project, "money.offer_made", actor, [offer], offer=offer.pk)
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
    append_sealed(
        offer.project, "money.offer_answered", actor, [offer], offer=offer.pk, answer=answer
    )
    return offer
