"""Ending the funder memberships made before funder organisations existed.

Until then a lead could invite anyone "as funder" and that person read every sealed concern.
Such memberships are ended (recorded in the project's log as a removal with the reason
below) and pending funder invitations are withdrawn, so no project member's choice grants
reviewer powers. Called by the data migration 0002 and kept here so it can be tested."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from workings.core import clock
from workings.events.services import append_event
from workings.projects.models import Invitation, Membership

REASON = (
    "Funder reviewers are now appointed by their funder organisation, not invited by the "
    "project. This membership ended when that change was made; the organisation can appoint "
    "this person as its reviewer."
)


@transaction.atomic
def end_legacy_funder_roles(
    *, membership_ids: Iterable[int], invitation_ids: Iterable[int]
) -> tuple[int, int]:
    ended = withdrawn = 0
    for membership in Membership.objects.select_related("project").filter(
        pk__in=list(membership_ids), role="funder", left_at__isnull=True
    ):
        membership.left_at = clock.now()
        membership.left_reason = REASON
        membership.left_reason_public = True  # recorded in the public log, like a removal
        membership.save(update_fields=["left_at", "left_reason", "left_reason_public"])
        append_event(
            project=membership.project,
            type="member.removed",
            actor=None,
            content={"role": "funder", "reason": REASON},
            subjects=[membership],
        )
        ended += 1
    for invitation in Invitation.objects.select_related("project").filter(
        pk__in=list(invitation_ids), role="funder", status=Invitation.Status.PENDING
    ):
        invitation.status = Invitation.Status.WITHDRAWN
        invitation.answered_at = clock.now()
        invitation.save(update_fields=["status", "answered_at"])
        append_event(
            project=invitation.project,
            type="invitation.withdrawn",
            actor=None,
            content={"reason": REASON},
            subjects=[invitation],
        )
        withdrawn += 1
    return ended, withdrawn
