"""Writes for projects, members and invitations. Each is one transaction that writes the
rows and appends the event to the project's log (events.services.append_event)."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from workings.core import clock
from workings.core.email import email_subject
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed
from workings.events.services import append_event, log_create
from workings.projects import validation as v
from workings.projects.models import Invitation, Membership, Project
from workings.projects.permissions import membership_policy, project_policy
from workings.projects.roles import Credit, Role

FUNDER_ROLE_REFUSED = _(
    "Nobody in a project can make someone a funder reviewer. The funder organisation "
    "appoints its own reviewers: name your funder on the project's Funder page, and the "
    "organisation confirms it."
)


def _given_role(value: Any) -> str:
    """A role a member may give (invite with or change to): never the funder reviewer's."""
    chosen = v.role(value)
    if not project_policy.can_give_role(chosen):
        raise ValidationFailed(str(FUNDER_ROLE_REFUSED), field="role")
    return chosen


def _unique_slug(title: str) -> str:
    base = slugify(title)[:50].strip("-") or "project"
    slug, n = base, 2
    while Project.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


SUMMARY_IS_A_DOCUMENT = (
    "The plain-English summary belongs to its owners now: propose a new version of it on "
    "the project's Documents page, where its owners approve it."
)


def _project_fields(data: dict[str, Any], *, creating: bool = True) -> dict[str, Any]:
    start, end = v.date_range(data.get("start_date"), data.get("end_date"))
    summary = {}
    if creating:
        # The starting text only: after creation, the summary is a co-owned document.
        summary["summary"] = v.required_text(
            data.get("summary"), field="summary", label="Plain-English summary", max_length=5000
        )
    return {
        "title": v.required_text(data.get("title"), field="title", label="Title", max_length=200),
        **summary,
        "funder_name": v.optional_text(
            data.get("funder_name"), field="funder_name", label="Funder", max_length=200
        ),
        "funder_reference": v.optional_text(
            data.get("funder_reference"),
            field="funder_reference",
            label="Funder reference",
            max_length=100,
        ),
        "start_date": start,
        "end_date": end,
        "involvement_budget": v.budget(data.get("involvement_budget")),
        "currency": v.currency(data.get("currency") or "GBP"),
    }


@transaction.atomic
def project_create(*, actor: Any, **data: Any) -> Project:
    if not project_policy.can_create(actor):
        raise NotAllowed("Sign in to start a project.")
    wanted_slug = data.pop("slug", None)
    fields = _project_fields(data)
    slug = v.slug(wanted_slug) if wanted_slug else _unique_slug(fields["title"])
    if Project.objects.filter(slug=slug).exists():
        raise ValidationFailed(f"The web address “{slug}” is already taken.", field="slug")
    project = Project(slug=slug, created_at=clock.now(), **fields)
    project.full_clean()
    project.save()
    log_create(project=project)
    lead = Membership.objects.create(
        project=project,
        user=actor,
        role=Role.LEAD,
        display_name=actor.display_name,
        joined_at=clock.now(),
    )
    append_event(
        project=project,
        type="project.created",
        actor=actor,
        content={"title": project.title},
        subjects=[project, lead],
    )
    project_policy.forget(actor)
    return project


@transaction.atomic
def project_update(*, actor: Any, project: Project, **data: Any) -> Project:
    if not project_policy.can(actor, "update", project):
        raise NotAllowed("Only a lead can change the project's details.")
    project = Project.objects.select_for_update().get(pk=project.pk)
    if data.get("summary") not in (None, project.summary):
        raise ValidationFailed(SUMMARY_IS_A_DOCUMENT, field="summary")
    fields = _project_fields(data, creating=False)
    if "is_published" in data:
        fields["is_published"] = bool(data["is_published"])
    before = project.snapshot()
    for name, value in fields.items():
        setattr(project, name, value)
    project.full_clean()
    project.save()
    after = project.snapshot()
    changed = sorted(k for k in after if after[k] != before[k])
    append_event(
        project=project,
        type="project.updated",
        actor=actor,
        content={"changed": changed},
        subjects=[project],
    )
    return project


def _token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def invitation_create(
    *, actor: Any, project: Project, email: str, role: str, message: str = ""
) -> tuple[Invitation, str]:
    """Returns the invitation and its secret link token (sent by e-mail, never stored)."""
    if not project_policy.can(actor, "invite", project):
        raise NotAllowed("Only a lead can invite people.")
    address = v.email_address(email)
    chosen_role = _given_role(role)
    text = v.optional_text(message, field="message", label="Message", max_length=2000)
    pending = Invitation.objects.filter(project=project, status=Invitation.Status.PENDING)
    if any(v.same_address(i.email, address) for i in pending.only("email")):
        raise ValidationFailed(
            f"{address} has already been invited and has not answered yet.", field="email"
        )
    members = Membership.objects.filter(project=project, left_at__isnull=True).select_related(
        "user"
    )
    if any(v.same_address(m.user.email, address) for m in members):
        raise ValidationFailed(f"{address} is already a member of this project.", field="email")
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
    transaction.on_commit(
        lambda: send_mail(
            subject=email_subject(f"You are invited to join “{project.title}”"),
            message=(
                f"{actor.name} has invited you to join “{project.title}” as "
                f"{Role(chosen_role).label.lower()}.\n\n"
                + (f"Their message: {text}\n\n" if text else "")
                + f"To accept or decline, open this link and sign in with {address}:\n{link}\n"
            ),
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
        raise NotFound("This invitation link is not valid. Ask the project's lead for a new one.")
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
            f"This invitation was sent to {invitation.email}, not to the address you are signed "
            "in with. Sign in with that address, or ask the lead to invite this one."
        )
    return invitation


def _answerable(actor: Any, token: str) -> Invitation:
    invitation = invitation_for_answer(actor=actor, token=token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != Invitation.Status.PENDING:
        raise ValidationFailed(
            f"This invitation has already been {invitation.get_status_display().lower()}."
        )
    return invitation


@transaction.atomic
def invitation_accept(
    *, actor: Any, token: str, display_name: str = "", credit: str = Credit.NAME
) -> Membership:
    invitation = _answerable(actor, token)
    if not project_policy.can_give_role(invitation.role):
        raise ValidationFailed(str(FUNDER_ROLE_REFUSED), field="role")
    name = v.optional_text(display_name, field="display_name", label="Display name", max_length=80)
    chosen_credit = v.credit(credit)
    membership = Membership.objects.filter(project=invitation.project, user=actor).first()
    if membership is not None and membership.is_active:
        raise ValidationFailed("You are already a member of this project.")
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
        raise NotAllowed("Only a lead can withdraw invitations.")
    invitation = (
        Invitation.objects.select_for_update().filter(project=project, pk=invitation_id).first()
    )
    if invitation is None:
        raise NotFound("That invitation does not exist.")
    if invitation.status != Invitation.Status.PENDING:
        raise ValidationFailed("Only an invitation still waiting for an answer can be withdrawn.")
    invitation.status = Invitation.Status.WITHDRAWN
    invitation.answered_at = clock.now()
    invitation.save(update_fields=["status", "answered_at"])
    append_event(
        project=project, type="invitation.withdrawn", actor=actor, content={}, subjects=[invitation]
    )
    return invitation


def _locked_membership(project: Project, membership_id: int) -> Membership:
    membership = (
        Membership.objects.select_for_update()
        .select_related("user", "project")
        .filter(project=project, pk=membership_id, left_at__isnull=True)
        .first()
    )
    if membership is None:
        raise NotFound("That person is not a current member of this project.")
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
    concerns app decides; imported lazily)."""
    from workings.concerns.services import raiser_membership_check

    raiser_membership_check(
        actor=actor, project=project, membership=membership, change=change, reason=reason
    )


@transaction.atomic
def membership_change_role(
    *, actor: Any, project: Project, membership_id: int, role: str, reason: str = ""
) -> Membership:
    membership = _locked_membership(project, membership_id)
    if not membership_policy.can_change_role(actor, membership):
        raise NotAllowed("Only a lead can change people's roles.")
    new_role = _given_role(role)
    why = v.optional_text(reason, field="reason", label="Reason", max_length=2000)
    if new_role == membership.role:
        raise ValidationFailed(f"{membership.label} already has that role.", field="role")
    if membership.role == Role.LEAD and _other_leads(project, membership) == 0:
        raise ValidationFailed(
            "A project must always have a lead. Make someone else a lead first.", field="role"
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
        raise NotAllowed("You are not a member of this project.")
    membership.display_name = v.optional_text(
        display_name, field="display_name", label="Display name", max_length=80
    )
    membership.credit = v.credit(credit)
    if membership.credit == Credit.PSEUDONYM and not membership.display_name:
        raise ValidationFailed(
            "To be credited by a pseudonym, enter the pseudonym as your display name.",
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
        raise NotAllowed("You are not a member of this project.")
    why = v.optional_text(reason, field="reason", label="Reason", max_length=2000)
    chosen_credit = v.credit(credit)
    if membership.role == Role.LEAD and _other_leads(project, membership) == 0:
        raise ValidationFailed(
            "You are the project's only lead. Make someone else a lead before you leave."
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
        raise NotAllowed("Only a lead can remove people from a project.")
    why = v.required_text(reason, field="reason", label="Reason", max_length=2000)
    if membership.role == Role.LEAD and _other_leads(project, membership) == 0:
        raise ValidationFailed("A project must always have a lead; this is the only one.")
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
