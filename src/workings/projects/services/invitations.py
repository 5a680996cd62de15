"""Invitations: made by a lead, answered (accepted or declined) by the person invited,
withdrawn by a lead. Tokens are stored only as their hash."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.email import email_subject
from workings.core.exceptions import NotAllowed, NotFound, Problems, ValidationFailed
from workings.core.text import optional_text
from workings.events.services import append_event
from workings.projects import validation as v
from workings.projects.models import Invitation, Membership, Project
from workings.projects.permissions import project_policy
from workings.projects.roles import Credit, Role
from workings.projects.services.project import FUNDER_ROLE_REFUSED, _given_role


def _token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _not_yet_with_us(project: Project, address: str) -> None:
    pending = Invitation.objects.filter(project=project, status=Invitation.Status.PENDING)
    if any(v.same_address(i.email, address) for i in pending.only("email")):
        raise ValidationFailed(
            _("%(address)s has already been invited and has not answered yet.")
            % {"address": address},
            field="email",
        )
    members = Membership.objects.filter(project=project, left_at__isnull=True).select_related(
        "user"
    )
    if any(v.same_address(m.user.email, address) for m in members):
        raise ValidationFailed(
            _("%(address)s is already a member of this project.") % {"address": address},
            field="email",
        )


@transaction.atomic
def invitation_create(
    *, actor: Any, project: Project, email: str, role: str, message: str = ""
) -> tuple[Invitation, str]:
    """Returns the invitation and its secret link token (sent by e-mail, never stored)."""
    if not project_policy.can(actor, "invite", project):
        raise NotAllowed(_("Only a lead can invite people."))
    problems = Problems()  # every broken rule is reported at once
    address = problems.check(v.email_address, email)
    chosen_role = problems.check(_given_role, role)
    text = problems.check(
        optional_text, message, field="message", label=_("Message"), max_length=2000
    )
    if address is not None:
        problems.check(_not_yet_with_us, project, address)
    problems.raise_any()
    raw = secrets.token_urlsafe(32)
    invitation = Invitation(
        project=project,
        email=address,
        role=chosen_role,
        message=text,
        token_hash=_token_hash(raw),
        invited_by=actor,
        created_at=clock.now(),
    )
    invitation.full_clean()
    invitation.save()
    append_event(
        project=project,
        type="member.invited",
        actor=actor,
        content={"email": address, "role": chosen_role},
        subjects=[invitation],
    )
    link = f"{settings.SITE_URL}/invitations/{raw}/"
    mail = {
        "inviter": actor.name,
        "title": project.title,
        "role": Role(chosen_role).label.lower(),
        "message": text,
        "address": address,
        "link": link,
    }
    transaction.on_commit(
        lambda: send_mail(
            subject=email_subject(
                render_to_string("projects/email/invitation_subject.txt", mail).strip()
            ),
            message=render_to_string("projects/email/invitation_body.txt", mail),
            from_email=None,
            recipient_list=[address],
        )
    )
    return invitation, raw


def invitation_get_by_token(raw: str) -> Invitation:
    invitation = (
        Invitation.objects.select_related("project", "invited_by")
        .filter(token_hash=_token_hash(raw))
        .first()
    )
    if invitation is None:
        raise NotFound(
            _("This invitation link is not valid. Ask the project's lead for a new one.")
        )
    return invitation


def _user_addresses(user: Any) -> list[str]:
    from allauth.account.models import EmailAddress

    verified = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return [user.email, *verified]


def invitation_for_answer(*, actor: Any, token: str) -> Invitation:
    """The invitation behind a link, if it was sent to one of the actor's addresses."""
    invitation = invitation_get_by_token(token)
    if not any(v.same_address(a, invitation.email) for a in _user_addresses(actor)):
        raise NotAllowed(
            _(
                "This invitation was sent to %(email)s, not to the address you are signed in "
                "with. Sign in with that address, or ask the lead to invite this one."
            )
            % {"email": invitation.email}
        )
    return invitation


def _answerable(actor: Any, token: str) -> Invitation:
    invitation = invitation_for_answer(actor=actor, token=token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Invitation.Status.PENDING:
        raise ValidationFailed(
            _("This invitation has already been %(value)s.")
            % {"value": invitation.get_status_display().lower()}
        )
    return invitation


@transaction.atomic
def invitation_accept(
    *, actor: Any, token: str, display_name: str = "", credit: str = Credit.NAME
) -> Membership:
    invitation = _answerable(actor, token)
    if not project_policy.can_give_role(invitation.role):
        raise ValidationFailed(str(FUNDER_ROLE_REFUSED), field="role")
    problems = Problems()  # every broken rule is reported at once
    name = problems.check(
        optional_text, display_name, field="display_name", label=_("Display name"), max_length=80
    )
    chosen_credit = problems.check(v.credit, credit)
    problems.raise_any()
    membership = Membership.objects.filter(project=invitation.project, user=actor).first()
    if membership is not None and membership.is_active:
        raise ValidationFailed(_("You are already a member of this project."))
    if membership is None:
        membership = Membership(project=invitation.project, user=actor)
    membership.role = invitation.role
    membership.display_name = name or actor.display_name
    membership.credit = chosen_credit
    membership.joined_at = clock.now()
    membership.left_at = None
    membership.left_reason = ""
    membership.left_reason_public = False
    membership.removed_by = None
    membership.full_clean()
    membership.save()
    invitation.status = Invitation.Status.ACCEPTED
    invitation.answered_at = clock.now()
    invitation.save(update_fields=["status", "answered_at"])
    append_event(
        project=invitation.project,
        type="invitation.accepted",
        actor=actor,
        content={"role": membership.role, "display_name": membership.display_name},
        subjects=[membership, invitation],
    )
    project_policy.forget(actor)
    return membership


@transaction.atomic
def invitation_decline(*, actor: Any, token: str) -> Invitation:
    invitation = _answerable(actor, token)
    invitation.status = Invitation.Status.DECLINED
    invitation.answered_at = clock.now()
    invitation.save(update_fields=["status", "answered_at"])
    append_event(
        project=invitation.project,
        type="invitation.declined",
        actor=actor,
        content={},
        subjects=[invitation],
    )
    return invitation


@transaction.atomic
def invitation_withdraw(*, actor: Any, project: Project, invitation_id: int) -> Invitation:
    if not project_policy.can(actor, "invite", project):
        raise NotAllowed(_("Only a lead can withdraw invitations."))
    invitation = (
        Invitation.objects.select_for_update().filter(project=project, pk=invitation_id).first()
    )
    if invitation is None:
        raise NotFound(_("That invitation does not exist."))
    if invitation.status != Invitation.Status.PENDING:
        raise ValidationFailed(
            _("Only an invitation still waiting for an answer can be withdrawn.")
        )
    invitation.status = Invitation.Status.WITHDRAWN
    invitation.answered_at = clock.now()
    invitation.save(update_fields=["status", "answered_at"])
    append_event(
        project=project, type="invitation.withdrawn", actor=actor, content={}, subjects=[invitation]
    )
    return invitation
