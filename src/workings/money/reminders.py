"""Late payments for `workings send-reminders`: each claim that went past the agreement's
promise is recorded late once (a sealed log entry), and the claimant, the leads and the
funder's reviewers are told once (the provider is registered in apps.py; core/notify.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.money import services
from workings.money.models import Claim, ClaimStatus
from workings.projects.models import Membership
from workings.projects.permissions import project_policy
from workings.projects.roles import Role


@dataclass(frozen=True)
class LateNotice:
    project: Any
    user_ids: frozenset[int]
    title: str
    url: str
    due_on: dt.date
    key: str


def late_payments(today: dt.date) -> Iterator[LateNotice]:
    """Unpaid claims past their due day: record each one late (once), and say who must be
    told: the person who claimed, the project's leads and the funder's reviewers."""
    unpaid = (
        Claim.objects.filter(
            status__in=[ClaimStatus.SUBMITTED, ClaimStatus.APPROVED], due_on__lt=today
        )
        .select_related("project", "person", "offer")
        .order_by("id")
    )
    for claim in unpaid.iterator():
        services.late_claim_record(claim=claim, today=today)
        leads = set(
            Membership.objects.filter(
                project_id=claim.project_id, role=Role.LEAD, left_at__isnull=True
            ).values_list("user_id", flat=True)
        )
        yield LateNotice(
            project=claim.project,
            user_ids=frozenset(
                {claim.person.user_id} | leads | project_policy.reviewer_ids(claim.project)
            ),
            title=_(
                "Payment late since %(day)s: a claim for “%(title)s” was promised within "
                "%(days)s days"
            )
            % {
                "day": date_format(claim.due_on, "j F"),
                "title": claim.offer.title,
                "days": claim.payment_days,
            },
            url=reverse("money:claim", kwargs={"slug": claim.project.slug, "pk": claim.pk}),
            due_on=claim.due_on,
            key=f"money-claim:{claim.pk}:late",
        )


def payment_reminders(today: dt.date, notify: Any) -> dict[str, int]:
    """The reminder provider (core/notify.py): tells each late payment's people once."""
    sent = 0
    for late in late_payments(today):
        made = notify(
            user_ids=late.user_ids,
            project=late.project,
            kind="money.payment_late",
            title=late.title,
            url=late.url,
            due_on=late.due_on,
            key=late.key,
        )
        sent += len(made)
    return {"payments_late": sent}
