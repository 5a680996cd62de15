"""Changing a membership: a new role, new details, leaving, being removed. A project always
keeps a lead, and a lead's change never reveals who raised a concern."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed
from workings.core.text import optional_text, required_text
from workings.events.services import append_event
from workings.projects import validation as v
from workings.projects.hooks import membership_changed
from workings.projects.models import Membership, Project
from workings.projects.permissions import membership_policy, project_policy
from workings.projects.roles import Credit, Role
from workings.projects.services.project import _given_role


def _locked_membership(project: Project, membership_id: int) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .select_related("user", "project")
        .filter(project=project, pk=membership_id, left_at__isnull=True)
        .first()
    )
    if membership is None:
        raise NotFound(_("That person is not a current member of this project."))
    return membership


def _other_leads(project: Project, membership: Membership) -> int:
    return (
        Membership.objects.select_for_update()
        .filter(project=project, role=Role.LEAD, left_at__isnull=True)
        .exclude(pk=membership.pk)
        .count()
    )


def _protect_raiser(
    actor: Any, project: Project, membership: Membership, change: str, reason: str
) -> None:
    """While someone has a concern open, removing or demoting them is told to the funder's
    reviewers alone, in a sealed entry; the lead's answer is the same for everyone (the
    concerns app decides, through the membership-change hook)."""
    membership_changed(
        actor=actor, project=project, membership=membership, change=change, reason=reason
    )


@transaction.atomic
def membership_change_role(
    *, actor: Any, project: Project, membership_id: int, role: str, reason: str = ""
) -> Membership:
    membership = _locked_membership(project, membership_id)
    if not membership_policy.can_change_role(actor, membership):
        raise NotAllowed(_("Only a lead can change people's roles."))
    new_role = _given_role(role)
    why = optional_text(reason, field="reason", label=_("Reason"), max_length=2000)
    if new_role == membership.role:
        raise ValidationFailed(
            _("%(label)s already has that role.") % {"label": membership.label}, field="role"
        )
    if membership.role == Role.LEAD and _other_leads(project, membership) == 0:
        raise ValidationFailed(
            _("A project must always have a lead. Make someone else a lead first."), field="role"
        )
    _protect_raiser(actor, project, membership, f"role {membership.role} to {new_role}", why)
    old_role = membership.role
    membership.role = new_role
    membership.save(update_fields=["role"])
    append_event(
        project=project,
        type="member.role_changed",
        actor=actor,
        content={"from": old_role, "to": new_role, "reason": why},
        subjects=[membership],
    )
    project_policy.forget(membership.user)
    project_policy.forget(actor)
    return membership


@transaction.atomic
def membership_update(
    *, actor: Any, project: Project, display_name: str, credit: str
) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .filter(project=project, user=actor, left_at__isnull=True)
        .first()
    )
    if membership is None or not membership_policy.can_update(actor, membership):
        raise NotAllowed(_("You are not a member of this project."))
    membership.display_name = optional_text(
        display_name, field="display_name", label=_("Display name"), max_length=80
    )
    membership.credit = v.credit(credit)
    if membership.credit == Credit.PSEUDONYM and not membership.display_name:
        raise ValidationFailed(
            _("To be credited by a pseudonym, enter the pseudonym as your display name."),
            field="display_name",
        )
    membership.save(update_fields=["display_name", "credit"])
    append_event(
        project=project,
        type="member.updated",
        actor=actor,
        content={"display_name": membership.display_name, "credit": membership.credit},
        subjects=[membership],
    )
    return membership


@transaction.atomic
def membership_leave(
    *, actor: Any, project: Project, reason: str = "", credit: str, reason_public: bool = False
) -> Membership:
    """Walk away at any time. Nothing the person contributed is deleted. The reason is the
    team's to read unless the person chooses to publish it; a private one is kept out of the
    log (and so out of everything the public reads) altogether."""
    membership = (
        Membership.objects.select_for_update()
        .filter(project=project, user=actor, left_at__isnull=True)
        .first()
    )
    if membership is None or not project_policy.can(actor, "leave", project):
        raise NotAllowed(_("You are not a member of this project."))
    why = optional_text(reason, field="reason", label=_("Reason"), max_length=2000)
    chosen_credit = v.credit(credit)
    if membership.role == Role.LEAD and _other_leads(project, membership) == 0:
        raise ValidationFailed(
            _("You are the project's only lead. Make someone else a lead before you leave.")
        )
    membership.left_at = clock.now()
    membership.left_reason = why
    membership.left_reason_public = bool(reason_public)
    membership.credit = chosen_credit
    membership.save(update_fields=["left_at", "left_reason", "left_reason_public", "credit"])
    append_event(
        project=project,
        type="member.left",
        actor=actor,
        content={
            "role": membership.role,
            # The reason is committed in the member-only part (the team reads it); the words
            # the person chose to publish, if any, also in the public part.
            "reason": membership.left_reason,
            "published_reason": membership.public_left_reason,
            "reason_public": membership.left_reason_public,
            "credit": chosen_credit,
        },
        subjects=[membership],
    )
    project_policy.forget(actor)
    return membership


@transaction.atomic
def membership_remove(
    *, actor: Any, project: Project, membership_id: int, reason: str
) -> Membership:
    membership = _locked_membership(project, membership_id)
    if not membership_policy.can_remove(actor, membership):
        raise NotAllowed(_("Only a lead can remove people from a project."))
    why = required_text(reason, field="reason", label=_("Reason"), max_length=2000)
    if membership.role == Role.LEAD and _other_leads(project, membership) == 0:
        raise ValidationFailed(_("A project must always have a lead; this is the only one."))
    _protect_raiser(actor, project, membership, "removed", why)
    membership.left_at = clock.now()
    membership.left_reason = why
    membership.left_reason_public = True  # the lead's reason for a removal, as before
    membership.removed_by = actor
    membership.save(update_fields=["left_at", "left_reason", "left_reason_public", "removed_by"])
    append_event(
        project=project,
        type="member.removed",
        actor=actor,
        content={"role": membership.role, "reason": why},
        subjects=[membership],
    )
    project_policy.forget(membership.user)
    return membership
