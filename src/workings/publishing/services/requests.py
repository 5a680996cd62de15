"""Consent on request: whoever chooses what is public asks the author of one entry whether
it may be published; the author (still a contributor, or one who left) answers yes or no,
and the answer is that entry's own consent, overriding their default for its kind."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotFound, ValidationFailed
from workings.core.notify import notify_after_commit
from workings.core.text import optional_text
from workings.events.models import Entry
from workings.events.services import append_event
from workings.projects.models import Membership
from workings.projects.roles import Role
from workings.publishing.models import Consent, ConsentRequest, RequestStatus
from workings.publishing.permissions import publishing_policy, require
from workings.publishing.selectors import publishable_types
from workings.publishing.withholding import needs_consent, public_check, withheld_types

NOTE_MAX = 1000


def answer_url(request: ConsentRequest) -> str:
    return reverse("publishing:consent-request", args=[request.project.slug, request.pk])


def _askable_entry(project: Any, seq: Any) -> Entry:
    try:
        number = int(seq)
    except (TypeError, ValueError):
        raise ValidationFailed(_("Choose an entry by its number."), field="seq") from None
    entry = Entry.objects.filter(log__project_id=project.pk, seq=number, sealed=False).first()
    if entry is None:
        raise NotFound(_("There is no entry with that number in this project's record."))
    public = {t.name for t in publishable_types()}
    wrote_as_contributor = (
        entry.actor_id is not None
        and Membership.objects.filter(
            project_id=project.pk, user_id=entry.actor_id, role=Role.CONTRIBUTOR
        ).exists()
    )
    if entry.type not in public or not needs_consent(entry.type) or not wrote_as_contributor:
        raise ValidationFailed(
            _(
                "This entry does not need anyone's consent: only entries that public "
                "contributors wrote, of kinds the public could read, wait for it."
            ),
            field="seq",
        )
    if entry.type in withheld_types(project):
        raise ValidationFailed(
            _(
                "The team keeps this kind of entry off the public page. Make the kind "
                "public on the Publishing page first, then ask."
            ),
            field="seq",
        )
    if not public_check(project)(entry.seq, entry.type, entry.actor_id):
        raise ValidationFailed(_("This entry is already published."), field="seq")
    return entry


@transaction.atomic
def consent_request(*, actor: Any, project: Any, seq: Any, note: Any = "") -> ConsentRequest:
    """Ask the author of one entry whether it may be published (once per entry)."""
    require(
        publishing_policy.can_request_consent(actor, project),
        _("Only whoever chooses what the project publishes can ask for consent."),
    )
    entry = _askable_entry(project, seq)
    text = optional_text(note, field="note", label=_("Your message"), max_length=NOTE_MAX)
    if ConsentRequest.objects.select_for_update().filter(project=project, seq=entry.seq).exists():
        raise ValidationFailed(
            _(
                "Its author has already been asked about this entry. Each entry is asked "
                "about once; they can change their answer whenever they like."
            ),
            field="seq",
        )
    request = ConsentRequest.objects.create(
        project=project,
        seq=entry.seq,
        author_id=entry.actor_id,
        requested_by=actor,
        note=text,
        created_at=clock.now(),
    )
    append_event(
        project=project,
        type="publishing.consent_requested",
        actor=actor,
        content={"seq": entry.seq, "note": text},
        subjects=[request],
    )
    notify_after_commit(
        user_ids={entry.actor_id},
        project=project,
        kind="publishing.consent_requested",
        title=_("The team asks whether entry %(seq)s you wrote may be shown on the public page")
        % {"seq": entry.seq},
        url=answer_url(request),
        key=f"consent-request:{request.pk}",
    )
    return request


def close_open_request(*, project: Any, seq: int, publish: bool) -> ConsentRequest | None:
    """The author's choice for an entry answers any open request about it (called inside
    the transaction that records the choice, which names the request as a subject)."""
    request = (
        ConsentRequest.objects.select_for_update()
        .filter(project=project, seq=seq, status=RequestStatus.OPEN)
        .first()
    )
    if request is None:
        return None
    request.status = RequestStatus.ANSWERED
    request.publish = publish
    request.answered_at = clock.now()
    request.save()
    return request


@transaction.atomic
def consent_request_answer(*, actor: Any, request: ConsentRequest, publish: bool) -> Consent:
    """The author answers: yes or no for this entry, overriding their default."""
    from workings.publishing.services.consent import entry_consent_set

    locked = (
        ConsentRequest.objects.select_for_update(of=("self",))
        .select_related("project")
        .get(pk=request.pk)
    )
    require(
        publishing_policy.can_answer_request(actor, locked),
        _("Only the person who wrote the entry answers this request."),
    )
    if locked.status != RequestStatus.OPEN:
        raise ValidationFailed(
            _(
                "You have already answered this request. You can still change your choice "
                "for this entry on the page of your publishing choices."
            )
        )
    return entry_consent_set(actor=actor, project=locked.project, seq=locked.seq, publish=publish)
