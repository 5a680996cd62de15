"""Erase a person on a data-protection request, while every project's record stays verifiable.

One transaction, by a site administrator (`workings erase-person`):
1. the person's memberships lose their display name and private leaving reason, and are
   credited as anonymous;
2. every entry whose snapshots hold one of those memberships is erased on request (its leaf
   stays, so proofs and checkpoints still verify; the erasure records the rows as they now
   are, so `workings verify --project` compares them again);
3. every entry the person wrote is erased on request, which blanks their words in every row
   that held them (each app's eraser, events/erasure.py);
4. rows outside the log that only serve the person (notices, preferences, API tokens,
   e-mail addresses, authenticators) are deleted (core/person_data.py);
5. the account itself keeps no name or address and can no longer sign in.
Sealed entries (concerns) are not erased: only their independent reviewers read them, and a
concern's handling must stay provable; they are counted and reported instead, and the person
is no longer identifiable through the account. See docs/decisions/personal-data.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.core.person_data import erase_outside_log
from workings.events.content import full_content
from workings.events.models import EntryContent
from workings.events.permissions import LOG_OWN_TYPES, log_policy
from workings.events.services import entry_erase_on_request
from workings.projects.models import Membership
from workings.projects.roles import Credit


@dataclass
class PersonErased:
    entries_erased: int = 0
    sealed_kept: int = 0
    rows_deleted: dict[str, int] = field(default_factory=dict)
    projects: list[str] = field(default_factory=list)


def _holds_membership(content: Any, membership_ids: set[int]) -> bool:
    if not isinstance(content, dict):
        return False
    for snap in content.get("snapshots") or []:
        if (
            isinstance(snap, dict)
            and snap.get("model") == "projects.membership"
            and snap.get("id") in membership_ids
        ):
            return True
    return False


def _entries_to_erase(person: Any, memberships: list[Membership]) -> tuple[list[Any], int]:
    """(body rows to erase in log order, how many sealed entries of theirs are kept)."""
    ids = {m.pk for m in memberships}
    project_ids = {m.project_id for m in memberships}
    bodies = (
        EntryContent.objects.select_related("entry", "entry__log")
        .filter(entry__log__project_id__in=project_ids, erased_at__isnull=True)
        .order_by("entry__log_id", "entry__seq")
    )
    chosen, sealed = [], 0
    for body in bodies.iterator():
        entry = body.entry
        mine = entry.actor_id == person.pk
        if not mine and not _holds_membership(full_content(body), ids):
            continue
        if entry.sealed:
            sealed += 1 if mine else 0
            continue
        if entry.type in LOG_OWN_TYPES:
            continue
        chosen.append(body)
    return chosen, sealed


@transaction.atomic
def person_erase(*, actor: Any, person: Any, reason: str) -> PersonErased:
    if not log_policy.handles_data_requests(actor):
        raise NotAllowed(_("Only a site administrator can act on a data-protection request."))
    if actor.pk == person.pk:
        raise ValidationFailed(_("A site administrator cannot erase their own account here."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(
            _("Say what the data-protection request is (it is kept in the record)."),
            field="reason",
        )
    memberships = list(Membership.objects.select_related("project").filter(user=person))
    done = PersonErased(projects=sorted({m.project.slug for m in memberships}))
    Membership.objects.filter(pk__in=[m.pk for m in memberships]).update(
        display_name="", left_reason="", left_reason_public=False, credit=Credit.ANONYMOUS
    )
    bodies, done.sealed_kept = _entries_to_erase(person, memberships)
    projects = {m.project_id: m.project for m in memberships}
    for body in bodies:
        body.refresh_from_db(fields=["erased_at"])
        if body.erased_at is not None:
            continue  # erased already, as a quote of an earlier one in this loop
        entry_erase_on_request(
            actor=actor,
            project=projects[body.entry.log.project_id],
            seq=body.entry.seq,
            reason=reason,
        )
        done.entries_erased += 1
    done.rows_deleted = erase_outside_log(person)
    _forget_account(person)
    return done


def _forget_account(person: Any) -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    EmailAddress.objects.filter(user=person).delete()
    Authenticator.objects.filter(user=person).delete()
    person.email = f"erased-{person.pk}@erased.invalid"
    person.display_name = ""
    person.pref_larger_text = person.pref_high_contrast = person.pref_reduced_motion = False
    person.is_active = False
    person.sessions_epoch += 1
    person.set_unusable_password()
    person.save()
