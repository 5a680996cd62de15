"""Own accounts (reflections only their author can edit, every version kept) and
corrections (new entries linked to what they correct; nothing is edited in place)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.core.text import required_text
from workings.events.services import append_event
from workings.projects.models import Project
from workings.record.models import AccountVersion, Item, Kind
from workings.record.permissions import record_policy
from workings.record.services import common as c


def _about(project: Project, about_id: Any) -> Item | None:
    if about_id in (None, ""):
        return None
    try:
        pk = int(about_id)
    except (TypeError, ValueError):
        raise ValidationFailed(
            _("Choose an entry of this project's record."), field="about"
        ) from None
    item = Item.objects.filter(project=project, pk=pk).first()
    if item is None:
        raise ValidationFailed(_("That entry is not part of this project's record."), field="about")
    return item


@transaction.atomic
def account_write(
    *, actor: Any, project: Project, title: str, text: str, about_id: Any = None
) -> Item:
    if not record_policy.can_write_account(actor, project):
        raise NotAllowed(_("Own accounts are written by public contributors."))
    membership = c.author_membership(actor, project)
    about = _about(project, about_id)
    title = required_text(title, field="title", label=_("Title"), max_length=c.TITLE_MAX)
    body = required_text(text, field="text", label=_("Your account"), max_length=c.LONG_TEXT_MAX)
    item = c.new_item(
        project=project,
        kind=Kind.ACCOUNT,
        actor=actor,
        membership=membership,
        title=title,
        body=body,
        area=about.area if about else "",
        about=about,
    )
    AccountVersion.objects.create(item=item, number=1, text=body, created_at=item.created_at)
    append_event(
        project=project,
        type="record.account_written",
        actor=actor,
        content={"item": item.pk, "about": about.pk if about else None, "version": 1},
        subjects=[item],
    )
    return item


@transaction.atomic
def account_edit(*, actor: Any, project: Project, item_id: int, text: str) -> Item:
    item = c.locked_item(project, item_id, Kind.ACCOUNT, noun="own account", field="text")
    if not record_policy.can_edit_account(actor, item):
        raise NotAllowed(_("Only the person who wrote an own account can edit it."))
    body = required_text(text, field="text", label=_("Your account"), max_length=c.LONG_TEXT_MAX)
    if body == item.body:
        raise ValidationFailed(_("Nothing has changed in your account."), field="text")
    number = AccountVersion.objects.filter(item=item).count() + 1
    AccountVersion.objects.create(item=item, number=number, text=body, created_at=clock.now())
    item.body = body
    item.save(update_fields=["body"])
    append_event(
        project=project,
        type="record.account_edited",
        actor=actor,
        content={"item": item.pk, "version": number},
        subjects=[item],
    )
    return item


@transaction.atomic
def correction_make(*, actor: Any, project: Project, item_id: int, text: str) -> Item:
    original = Item.objects.filter(project=project, pk=item_id).select_related("project").first()
    if original is None:
        raise ValidationFailed(_("There is no such entry in this project."), field="text")
    if not record_policy.can_correct(actor, original):
        if original.kind == Kind.ACCOUNT:
            raise NotAllowed(_("An own account is changed only by its author, who can edit it."))
        raise NotAllowed(_("Your role in this project does not allow writing entries."))
    membership = c.author_membership(actor, project)
    body = required_text(text, field="text", label=_("The correction"), max_length=c.TEXT_MAX)
    item = c.new_item(
        project=project,
        kind=Kind.CORRECTION,
        actor=actor,
        membership=membership,
        title=f"Correction to “{original.title}”"[: c.TITLE_MAX],
        body=body,
        area=original.area,
        corrects=original,
    )
    append_event(
        project=project,
        type="record.correction_made",
        actor=actor,
        content={"item": item.pk, "corrects": original.pk},
        subjects=[item],
    )
    return item
