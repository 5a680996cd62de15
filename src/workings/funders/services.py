"""Writes for funder organisations, appointments, a project's funder, and sealed reads.

Organisation and appointment changes are site-level; each appointment change that alters
who reads a project's sealed concerns is also an event in the log of every project the
organisation has confirmed, so the project's members can see who reviews them and since when.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from workings.accounts import header
from workings.core import clock
from workings.core.exceptions import NotFound, ValidationFailed
from workings.core.text import optional_text, required_text
from workings.events.services import append_event
from workings.funders.models import (
    READER_KINDS,
    Appointment,
    AppointmentKind,
    FunderOrganisation,
    ProjectFunder,
    SealedRead,
)
from workings.funders.permissions import funder_policy, require
from workings.projects import validation as v
from workings.projects.models import Project
from workings.projects.permissions import project_policy


def _account_for(email: str) -> Any:
    from allauth.account.models import EmailAddress

    from workings.accounts.models import User

    address = v.email_address(email)
    user = User.objects.filter(email__iexact=address).first()
    if user is None:
        found = EmailAddress.objects.filter(email__iexact=address, verified=True).first()
        user = found.user if found is not None else None
    if user is None:
        raise ValidationFailed(
            _(
                "Nobody has an account with %(email)s yet. Ask them to sign up on Workings "
                "with that address first, then appoint them."
            )
            % {"email": address},
            field="email",
        )
    return user


def _kind(value: Any) -> str:
    if value not in AppointmentKind.values:
        raise ValidationFailed(
            _("Choose one of: reviewer, independent reviewer or organisation admin."),
            field="kind",
        )
    return str(value)


def _confirmed_projects(organisation: FunderOrganisation) -> list[Project]:
    return [
        link.project
        for link in ProjectFunder.objects.filter(
            organisation=organisation, status=ProjectFunder.Status.CONFIRMED
        ).select_related("project")
    ]


def _actor_ref(actor: Any) -> Any:
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def organisation_create(*, actor: Any, name: str, slug: str = "", admin_email: str) -> Any:
    """A site administrator (actor None at the command line) creates an organisation with
    its first admin."""
    require(funder_policy.can_create(actor), "Only a site administrator can add a funder.")
    title = required_text(name, field="name", label=_("Name"), max_length=200)
    key = v.slug(slug) if slug else slugify(title)[:50].strip("-")
    if not key:
        raise ValidationFailed(_("Give the organisation a web address."), field="slug")
    if FunderOrganisation.objects.filter(name__iexact=title).exists():
        raise ValidationFailed(_("There is already a funder called “%s”.") % title, field="name")
    if FunderOrganisation.objects.filter(slug=key).exists():
        raise ValidationFailed(_("The web address “%s” is already taken.") % key, field="slug")
    admin = _account_for(admin_email)
    organisation = FunderOrganisation(name=title, slug=key, created_at=clock.now())
    organisation.full_clean()
    organisation.save()
    Appointment.objects.create(
        organisation=organisation,
        user=admin,
        kind=AppointmentKind.ADMIN,
        started_at=clock.now(),
        appointed_by=_actor_ref(actor),
    )
    header.bump([admin.pk])  # their menu gains "Portfolio"
    return organisation


@transaction.atomic
def appointment_create(
    *, actor: Any, organisation: FunderOrganisation, email: str, kind: str
) -> Appointment:
    """Appoint someone with an account. Reviewers and independent reviewers read the sealed
    concerns of every project that has confirmed this organisation, from now on."""
    chosen = _kind(kind)
    require(
        funder_policy.can_appoint(actor, organisation, chosen),
        "Only the organisation's admins can appoint its reviewers.",
    )
    user = _account_for(email)
    if Appointment.objects.filter(
        organisation=organisation, user=user, kind=chosen, ended_at__isnull=True
    ).exists():
        raise ValidationFailed(
            _("%(email)s already holds that post.") % {"email": user.email}, field="email"
        )
    appointment = Appointment.objects.create(
        organisation=organisation,
        user=user,
        kind=chosen,
        started_at=clock.now(),
        appointed_by=_actor_ref(actor),
    )
    header.bump([user.pk])  # their menu gains the organisation's links
    if chosen in READER_KINDS:
        for project in _confirmed_projects(organisation):
            append_event(
                project=project,
                type="funder.reviewer_appointed",
                actor=_actor_ref(actor),
                content=_appointment_content(appointment),
            )
    funder_policy.forget(user)
    return appointment


def _appointment_content(appointment: Appointment) -> dict[str, Any]:
    return {
        "organisation": appointment.organisation.name,
        "appointment": appointment.pk,
        "kind": appointment.kind,
        "reviewer": appointment.user.display_name or appointment.user.name,
    }


@transaction.atomic
def appointment_end(
    *, actor: Any, organisation: FunderOrganisation, appointment_id: int, reason: str = ""
) -> Appointment:
    """End an appointment (never delete it). From now on the person reads nothing sealed
    through it, past concerns included."""
    appointment = (
        Appointment.objects.select_for_update()
        .select_related("user", "organisation")
        .filter(organisation=organisation, pk=appointment_id, ended_at__isnull=True)
        .first()
    )
    if appointment is None:
        raise NotFound(_("That appointment does not exist or has already ended."))
    require(
        funder_policy.can_end(actor, appointment),
        "Only the organisation's admins can end a reviewer's appointment.",
    )
    why = optional_text(reason, field="reason", label=_("Reason"), max_length=2000)
    appointment.ended_at = clock.now()
    appointment.ended_by = _actor_ref(actor)
    appointment.end_reason = why
    appointment.save(update_fields=["ended_at", "ended_by", "end_reason"])
    header.bump([appointment.user_id])  # their menu loses the organisation's links
    if appointment.kind in READER_KINDS:
        for project in _confirmed_projects(organisation):
            append_event(
                project=project,
                type="funder.reviewer_ended",
                actor=_actor_ref(actor),
                content=_appointment_content(appointment),
            )
    funder_policy.forget(appointment.user)
    return appointment


def _organisation(value: Any) -> FunderOrganisation:
    if isinstance(value, FunderOrganisation):
        return value
    organisation = FunderOrganisation.objects.filter(slug=str(value or "").strip()).first()
    if organisation is None:
        raise ValidationFailed(
            _(
                "That is not a funder organisation on Workings. Choose one from the list; "
                "a site administrator adds new ones."
            ),
            field="organisation",
        )
    return organisation


@transaction.atomic
def project_funder_name(*, actor: Any, project: Project, organisation: Any) -> ProjectFunder:
    """The lead names the project's funder organisation. Its admins must confirm it; until
    then any confirmed funder stays in place, so naming cannot remove the current reviewers."""
    require(
        funder_policy.can_name_funder(actor, project),
        "Only a lead can name the project's funder.",
    )
    chosen = _organisation(organisation)
    Project.objects.select_for_update().filter(pk=project.pk).first()
    links = ProjectFunder.objects.select_for_update().filter(project=project)
    if links.filter(organisation=chosen, status=ProjectFunder.Status.CONFIRMED).exists():
        raise ValidationFailed(
            _("%s has already confirmed that it funds this project.") % chosen.name,
            field="organisation",
        )
    if links.filter(organisation=chosen, status=ProjectFunder.Status.PROPOSED).exists():
        raise ValidationFailed(
            _("%s has already been asked to confirm and has not answered yet.") % chosen.name,
            field="organisation",
        )
    for pending in links.filter(status=ProjectFunder.Status.PROPOSED):
        pending.status = ProjectFunder.Status.WITHDRAWN
        pending.ended_at = clock.now()
        pending.save(update_fields=["status", "ended_at"])
        append_event(
            project=project,
            type="funder.withdrawn",
            actor=actor,
            content={"organisation": pending.organisation.name},
            subjects=[pending],
        )
    link = ProjectFunder(project=project, organisation=chosen, named_by=actor, named_at=clock.now())
    link.full_clean()
    link.save()
    append_event(
        project=project,
        type="funder.named",
        actor=actor,
        content={"organisation": chosen.name},
        subjects=[link],
    )
    return link


@transaction.atomic
def project_funder_answer(*, actor: Any, link_id: int, confirm: bool) -> ProjectFunder:
    """The organisation's admin confirms (or declines) that it funds the project. On
    confirming, a previously confirmed organisation is replaced and its reviewers stop
    reading the project's sealed concerns."""
    link = (
        ProjectFunder.objects.select_for_update()
        .select_related("organisation", "project")
        .filter(pk=link_id)
        .first()
    )
    if link is None or not funder_policy.can_view(actor, link.organisation):
        raise NotFound(_("We could not find that request."))
    require(
        funder_policy.can_answer(actor, link),
        "Only the organisation's admins can answer for it.",
    )
    if link.status != ProjectFunder.Status.PROPOSED:
        raise ValidationFailed(_("This request has already been answered."))
    project = link.project
    now = clock.now()
    if confirm:
        for old in ProjectFunder.objects.select_for_update().filter(
            project=project, status=ProjectFunder.Status.CONFIRMED
        ):
            old.status = ProjectFunder.Status.REPLACED
            old.ended_at = now
            old.save(update_fields=["status", "ended_at"])
            append_event(
                project=project,
                type="funder.replaced",
                actor=actor,
                content={"organisation": old.organisation.name},
                subjects=[old],
            )
    link.status = ProjectFunder.Status.CONFIRMED if confirm else ProjectFunder.Status.DECLINED
    link.answered_by = actor
    link.answered_at = now
    if not confirm:
        link.ended_at = now
    link.save(update_fields=["status", "answered_by", "answered_at", "ended_at"])
    append_event(
        project=project,
        type="funder.confirmed" if confirm else "funder.declined",
        actor=actor,
        content={"organisation": link.organisation.name},
        subjects=[link],
    )
    funder_policy.forget(actor)
    return link


def _reader_label(reader: Any, project: Project) -> str:
    for reviewer in project_policy.reviewers(project):
        if reviewer.user_id == reader.pk:
            return reviewer.label
    name = reader.display_name or reader.name
    if not project_policy.is_member(reader, project):
        return _("%s, one of the site's independent reviewers") % name
    return name


def sealed_read_record(
    *, reader: Any, project: Project, subject: str, concern_id: int | None = None, via: str
) -> SealedRead | None:
    """Record that `reader` read sealed content today (once per reader, thing and day), in a
    table the raiser is shown and as a sealed entry in the project's log. Returns the new
    row, or None if this read was already recorded today."""
    if reader is None or not reader.is_authenticated:
        return None
    now = clock.now()
    day = now.date()
    if SealedRead.objects.filter(project=project, reader=reader, subject=subject, day=day).exists():
        return None
    try:
        with transaction.atomic():
            row = SealedRead.objects.create(
                project=project,
                reader=reader,
                subject=subject,
                concern_id=concern_id,
                reader_label=_reader_label(reader, project)[:300],
                day=day,
                first_read_at=now,
                via=via,
            )
            append_event(
                project=project,
                type="sealed.read",
                actor=reader,
                content={"read": subject, "via": via},
                subjects=[row],
                sealed=True,
            )
    except IntegrityError:
        return None  # another request recorded the same read a moment ago
    return row
