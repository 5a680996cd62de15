"""Comments on a proposed version, each party's answer to it, and the version coming into
force once every party has agreed (the one before it is superseded)."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from workings.agreements import selectors
from workings.agreements.models import (
    AgreementComment,
    AgreementSignature,
    AgreementVersion,
    Answer,
    VersionStatus,
)
from workings.agreements.permissions import agreement_policy
from workings.agreements.sections import SECTION_KEYS
from workings.agreements.services.drafting import _lock_version
from workings.core import clock
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.core.text import check_plain_text
from workings.events.services import append_event

COMMENT_MAX = 4000
WORDS_MAX = 4000


@transaction.atomic
def comment_create(
    *,
    actor: Any,
    version: AgreementVersion,
    section: str,
    body: str,
    parent_id: int | None = None,
) -> AgreementComment:
    project = version.project
    if not agreement_policy.can_comment(actor, project):
        raise NotAllowed(_("Only members of this project can comment on its agreement."))
    if section not in SECTION_KEYS:
        raise ValidationFailed(_("Choose which section you are commenting on."), field="section")
    text = check_plain_text(body, field="body", label=_("Your comment"), max_length=COMMENT_MAX)
    if not text:
        raise ValidationFailed(_("Write your comment before sending it."), field="body")
    parent = None
    if parent_id:
        parent = AgreementComment.objects.filter(pk=parent_id, version=version).first()
        if parent is None or parent.section != section:
            raise ValidationFailed(
                _("You can only reply to a comment on the same section of the same version."),
                field="parent",
            )
    comment = AgreementComment.objects.create(
        version=version,
        section=section,
        parent=parent,
        author=actor,
        body=text,
        created_at=clock.now(),
    )
    append_event(
        project=project,
        type="agreement.comment_added",
        actor=actor,
        content={
            "version": version.number,
            "section": section,
            "reply_to": parent.pk if parent else None,
        },
        subjects=[comment],
    )
    return comment


@transaction.atomic
def signature_create(
    *,
    actor: Any,
    version: AgreementVersion,
    answer: str,
    words: str = "",
    party: Any = None,
) -> AgreementSignature:
    """A party's own answer. Brings the version into force when every party has agreed; no
    one can do that any other way."""
    project = version.project
    if party is not None and getattr(party, "pk", party) != actor.pk:
        raise NotAllowed(
            _("You can only answer for yourself. No one can sign on someone else's behalf.")
        )
    locked = _lock_version(version)
    if locked.status not in (VersionStatus.PROPOSED, VersionStatus.IN_FORCE):
        if locked.status == VersionStatus.DRAFT:
            raise ValidationFailed(
                _("Version %(number)s is still a draft; it can be signed once proposed.")
                % {"number": locked.number}
            )
        raise ValidationFailed(
            _(
                "Version %(number)s is no longer current (%(value)s), so it cannot be signed. "
                "Look at the current version instead."
            )
            % {"number": locked.number, "value": locked.get_status_display().lower()}
        )
    membership = next((m for m in selectors.parties_for(locked) if m.user_id == actor.pk), None)
    if membership is None:
        raise NotAllowed(
            _("You are not a party to this agreement, so you are not asked to sign it.")
        )
    earlier = AgreementSignature.objects.filter(version=locked, party=actor).first()
    if earlier is not None:
        raise ValidationFailed(
            _(
                "You already answered version %(number)s (%(value)s). Answers are never "
                "changed; if your view has changed, comment on the version or start a new one."
            )
            % {"number": locked.number, "value": earlier.get_answer_display().lower()}
        )
    if answer not in Answer.values:
        raise ValidationFailed(_("Choose one of the three answers."), field="answer")
    text = check_plain_text(words, field="words", label=_("Your words"), max_length=WORDS_MAX)
    if answer != Answer.AGREE and not text:
        raise ValidationFailed(
            _("Say in your own words what your reservations are, or why you do not agree."),
            field="words",
        )
    try:
        with transaction.atomic():
            signature = AgreementSignature.objects.create(
                version=locked,
                party=actor,
                membership=membership,
                answer=answer,
                words=text,
                content_hash=locked.content_hash,
                signed_at=clock.now(),
            )
    except IntegrityError:
        raise ValidationFailed(
            _("You already answered version %(number)s.") % {"number": locked.number}
        ) from None
    append_event(
        project=project,
        type="agreement.signed",
        actor=actor,
        content={
            "version": locked.number,
            "content_hash": locked.content_hash,
            "answer": answer,
            "words": text,
        },
        subjects=[signature, locked],
    )
    if locked.status == VersionStatus.PROPOSED and selectors.all_parties_agreed(locked):
        _bring_into_force(actor=actor, version=locked)
    return signature


def _bring_into_force(*, actor: Any, version: AgreementVersion) -> None:
    """Only ever called from signature_create: the parties' answers are the only trigger."""
    now = clock.now()
    previous = list(
        AgreementVersion.objects.select_for_update().filter(
            project_id=version.project_id, status=VersionStatus.IN_FORCE
        )
    )
    for old in previous:
        old.status = VersionStatus.SUPERSEDED
        old.ended_at = now
        old.save(update_fields=["status", "ended_at"])
    version.status = VersionStatus.IN_FORCE
    version.in_force_at = now
    version.save(update_fields=["status", "in_force_at"])
    answers = selectors.answers_for(version)
    append_event(
        project=version.project,
        type="agreement.in_force",
        actor=actor,
        content={
            "version": version.number,
            "content_hash": version.content_hash,
            "superseded": [v.number for v in previous],
            "answers": {
                "agree": sum(1 for a in answers if a.answer == Answer.AGREE),
                "with_reservations": sum(1 for a in answers if a.answer == Answer.RESERVATIONS),
            },
            "trigger": "every party agreed",
        },
        subjects=[version, *previous],
    )
