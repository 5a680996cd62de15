"""Late payments for `workings send-reminders`: each claim that went past the agreement's
promise is recorded late once (a sealed log entry), and the claimant, the leads and the
funder's reviewers are told once (the provider is registered in apps.py; core/notify.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.money import services
from workings.money.models import Claim, ClaimStatus
from workings.projects.models import Membership
from workings.projects.permissions import project_policy
from workings.projects.roles import Role


def _told(project: Any) -> set[int]:
    """Who hears of any late payment in the project: its leads and the funder's reviewers."""
    leads = Membership.objects.filter(
        project=project, role=Role.LEAD, left_at__isnull=True
    ).values_list("user_id", flat=True)
    return set(leads) | project_policy.reviewer_ids(project)


def payment_reminders(today: dt.date, notify: Any) -> dict[str, int]:
    """The reminder provider (core/notify.py): each unpaid claim past its due day is recorded
    late (once), and the person who claimed, the leads and the funder's reviewers are told
    (once each, by the notice's key)."""
    unpaid = (
        Claim.objects.filter(
            status__in=[ClaimStatus.SUBMITTED, ClaimStatus.APPROVED], due_on__lt=today
        )
        .select_related("project", "person", "offer")
        .order_by("id")
    )
    told: dict[int, set[int]] = {}
    sent = 0
    for claim in unpaid.iterator():
        services.late_claim_record(claim=claim, today=today)
        if claim.project_id not in told:
            told[claim.project_id] = _told(claim.project)
        made = notify(
            user_ids=told[claim.project_id] | {claim.person.user_id},
            project=claim.project,
            kind="money.payment_late",
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
        sent += len(made)
    return {"payments_late": sent}
