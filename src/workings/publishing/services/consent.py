"""The team's choice of public types, contributors' consent, and naming moderators."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core.exceptions import NotFound, ValidationFailed
from workings.events.models import Entry
from workings.events.services import append_event
from workings.projects.models import Membership
from workings.projects.permissions import project_policy
from workings.projects.roles import Role
from workings.publishing.models import Consent, Moderator, Publication
from workings.publishing.permissions import publishing_policy, require
from workings.publishing.selectors import publishable_types
from workings.publishing.withholding import needs_consent


@transaction.atomic
def publication_choose(*, actor: Any, project: Any, withheld: Iterable[str]) -> Publication:
    """The lead chooses which kinds of entry stay off the public page."""
    require(
        publishing_policy.can_choose_types(actor, project),
        _("Only the project's lead chooses what the project publishes."),
    )
    known = {t.name for t in publishable_types()}
    chosen = sorted(set(withheld))
    unknown = [t for t in chosen if t not in known]
    if unknown:
        raise ValidationFailed(
            _("These are not kinds of entry that can be published: %(names)s.")
            % {"names": ", ".join(unknown)},
            field="withheld",
        )
    row, _created = Publication.objects.select_for_update().get_or_create(project=project)
    row.withheld_types = " ".join(chosen)
    row.save()
    append_event(
        project=project,
        type="publishing.types_chosen",
        actor=actor,
        content={"withheld": chosen},
        subjects=[row],
    )
    return row


def _consent_row(*, project: Any, actor: Any, type_name: str, seq: int) -> Consent:
    row, _created = Consent.objects.select_for_update().get_or_create(
        project=project, user=actor, type=type_name, seq=seq
    )
    return row


@transaction.atomic
def consent_set(*, actor: Any, project: Any, type_name: str, publish: bool) -> Consent:
    """A contributor's default for one kind of their entries (asked once, changed any time)."""
    require(
        publishing_policy.can_consent(actor, project),
        _("Only a contributor gives consent, and only for their own entries."),
    )
    if type_name not in {t.name for t in publishable_types()} or not needs_consent(type_name):
        raise ValidationFailed(
            _("That is not a kind of entry that can be published."), field="type"
        )
    row = _consent_row(project=project, actor=actor, type_name=type_name, seq=Consent.DEFAULT)
    row.publish = bool(publish)
    row.save()
    append_event(
        project=project,
        type="publishing.consent_set",
        actor=actor,
        content={"type": type_name, "publish": row.publish},
        subjects=[row],
    )
    return row


@transaction.atomic
def entry_consent_set(*, actor: Any, project: Any, seq: int, publish: bool) -> Consent:
    """A contributor's choice for one entry they wrote, overriding their default. It also
    answers the team's open request about that entry, if there is one."""
    from workings.publishing.services.requests import close_open_request

    require(
        publishing_policy.can_consent(actor, project),
        _("Only a contributor gives consent, and only for their own entries."),
    )
    entry = Entry.objects.filter(log__project_id=project.pk, seq=seq).first()
    if entry is None or entry.actor_id != actor.pk or entry.sealed:
        raise NotFound(_("You did not write an entry with that number in this project."))
    row = _consent_row(project=project, actor=actor, type_name=entry.type, seq=seq)
    row.publish = bool(publish)
    row.save()
    request = close_open_request(project=project, seq=seq, publish=row.publish)
    content: dict[str, Any] = {"seq": seq, "publish": row.publish}
    if request is not None:
        content["request"] = request.pk
    append_event(
        project=project,
        type="publishing.entry_consent_set",
        actor=actor,
        content=content,
        subjects=[row] if request is None else [row, request],
    )
    return row


@transaction.atomic
def moderator_set(*, actor: Any, project: Any, user_id: int, active: bool) -> Moderator:
    """The lead names a member to moderate comments, or stands them down."""
    require(
        publishing_policy.can_name_moderators(actor, project),
        _("Only the project's lead names comment moderators."),
    )
    member = Membership.objects.filter(
        project=project, user_id=user_id, left_at__isnull=True
    ).first()
    if member is None or member.role == Role.FUNDER:
        raise ValidationFailed(
            _("Choose a current member of the project as a moderator."), field="user"
        )
    row, _created = Moderator.objects.select_for_update().get_or_create(
        project=project, user_id=user_id, defaults={"active": active}
    )
    row.active = bool(active)
    row.save()
    project_policy.forget(actor)
    append_event(
        project=project,
        type="publishing.moderator_set",
        actor=actor,
        content={"active": row.active},
        subjects=[row],
    )
    return row
