"""What payments ask of each person, for the home page (core/needs.py): offers of payment
waiting for their answer, and (for the lead) claims to approve or pay, by the day they fall
due. Two queries whatever the number of projects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.core.needs import Need
from workings.money.models import Claim, ClaimStatus, Offer, OfferStatus
from workings.money.permissions import money_policy


def money_needs(user: Any, projects: Sequence[Any], today: dt.date) -> list[Need]:
    by_id = {p.pk: p for p in projects}
    needs = []
    offers = Offer.objects.filter(
        project_id__in=list(by_id), status=OfferStatus.OFFERED, person__user=user
    ).select_related("person")
    for offer in offers.order_by("id"):
        offer.project = by_id[offer.project_id]
        if money_policy.can_answer(user, offer):
            needs.append(
                Need(
                    title=_("Say whether you accept the offer of payment for “%(title)s”")
                    % {"title": offer.title},
                    url=reverse("money:offer", args=[offer.project.slug, offer.pk]),
                    kind="answer",
                    project=offer.project,
                )
            )
    managed = [p.pk for p in projects if money_policy.can_manage(user, p)]
    claims = Claim.objects.filter(
        project_id__in=managed, status__in=[ClaimStatus.SUBMITTED, ClaimStatus.APPROVED]
    ).select_related("person")
    for claim in claims.order_by("due_on", "id"):
        claim.project = by_id[claim.project_id]
        if not money_policy.can_pay(user, claim):
            continue
        late = claim.due_on < today
        if claim.status == ClaimStatus.SUBMITTED:
            title = _("Approve or turn down a claim for payment (due %(date)s)")
        else:
            title = _("Pay an approved claim (due %(date)s)")
        needs.append(
            Need(
                title=title % {"date": date_format(claim.due_on, "j F Y")},
                url=reverse("money:claim", args=[claim.project.slug, claim.pk]),
                kind="overdue" if late else "answer",
                project=claim.project,
                due=claim.due_on,
                overdue=late,
            )
        )
    return needs
