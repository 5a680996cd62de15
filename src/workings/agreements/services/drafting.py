"""Drafting an agreement version and proposing it. Each write is one transaction: check who
is asking, validate everything, then write the rows and append the event. Nothing is
edited once proposed: a change is a new version."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from workings.agreements import selectors
from workings.agreements.integrity import content_hash
from workings.agreements.models import (
    AgreementVersion,
    VersionStatus,
)
from workings.agreements.permissions import agreement_policy
from workings.agreements.sections import SECTION_KEYS, blank_content, template_content
from workings.agreements.validation import check_complete, clean_content
from workings.core import clock
from workings.core.exceptions import Conflict, NotAllowed, NotFound, ValidationFailed
from workings.core.notify import notify_after_commit
from workings.events.services import append_event
from workings.projects.models import Membership


class DraftConflict(Conflict):
    """Someone saved the draft first. Carries what they saved so the page can show both."""

    def __init__(self, message: str, *, theirs: dict[str, Any], revision: int, by: str) -> None:
        super().__init__(message, field="revision")
        self.theirs = theirs
        self.revision = revision
        self.by = by


def _eligible_named(project: Any) -> set[int]:
    return set(
        Membership.objects.filter(project=project, left_at__isnull=True).values_list(
            "user_id", flat=True
        )
    )


def _lock_version(version: AgreementVersion) -> AgreementVersion:
    return AgreementVersion.objects.select_for_update().select_related("project").get(pk=version.pk)


def _hash(version: AgreementVersion) -> str:
    return content_hash(
        origin=version.project.log_origin, number=version.number, content=version.content
    )


@transaction.atomic
def draft_start(
    *,
    actor: Any,
    project: Any,
    source: str = "template",
    from_number: int | None = None,
) -> AgreementVersion:
    """Start a draft: from the template or blank (the project's first agreement only), or
    from an existing version: the version in force (an amendment) or the version proposed
    for signing (a revision, which replaces it)."""
    if not agreement_policy.can_draft(actor, project):
        raise NotAllowed(_("Only a lead or a public contributor can start an agreement draft."))
    versions = AgreementVersion.objects.select_for_update().filter(project=project)
    existing = list(versions.order_by("number"))
    if any(v.status == VersionStatus.DRAFT for v in existing):
        draft = next(v for v in existing if v.status == VersionStatus.DRAFT)
        raise ValidationFailed(
            _(
                "There is already a draft (version %(number)s). Edit that one instead, so no "
                "one's words are lost."
            )
            % {"number": draft.number}
        )
    base: AgreementVersion | None = None
    if source in ("template", "blank"):
        if existing:
            raise ValidationFailed(
                _(
                    "This project already has an agreement. Start a new version from the version "
                    "in force (or from the one proposed for signing)."
                )
            )
        content = template_content() if source == "template" else blank_content()
        content = clean_content(content)
    elif source == "version":
        base = next((v for v in existing if v.number == from_number), None)
        if base is None:
            raise NotFound(_("There is no such version of the agreement."))
        if base.status not in (VersionStatus.IN_FORCE, VersionStatus.PROPOSED):
            raise ValidationFailed(
                _(
                    "A new version can only start from the version in force or the one proposed "
                    "for signing."
                )
            )
        content = base.content
    else:
        raise ValidationFailed(_("Start from the template, from blank, or from a version."))
    now = clock.now()
    replaced = [v for v in existing if v.status == VersionStatus.PROPOSED]
    for old in replaced:
        old.status = VersionStatus.REPLACED
        old.ended_at = now
        old.save(update_fields=["status", "ended_at"])
    number = (versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = AgreementVersion.objects.create(
        project=project,
        number=number,
        status=VersionStatus.DRAFT,
        based_on=base,
        started_from=source,
        content=content,
        created_by=actor,
        created_at=now,
        updated_by=actor,
        updated_at=now,
    )
    amending = base is not None and base.status == VersionStatus.IN_FORCE
    append_event(
        project=project,
        type="agreement.amendment_started" if amending else "agreement.draft_started",
        actor=actor,
        content={
            "version": number,
            "started_from": source,
            "based_on": base.number if base else None,
            "replaced": [v.number for v in replaced],
        },
        subjects=[version, *replaced],
    )
    return version


@transaction.atomic
def draft_save(
    *, actor: Any, version: AgreementVersion, revision: int, content: dict[str, Any]
) -> AgreementVersion:
    """Save the draft if it is still at `revision`; otherwise refuse with what was saved."""
    project = version.project
    if not agreement_policy.can_draft(actor, project):
        raise NotAllowed(_("Only a lead or a public contributor can edit the agreement draft."))
    locked = _lock_version(version)
    if locked.status != VersionStatus.DRAFT:
        raise ValidationFailed(
            _("Version %(number)s is %(value)s, so no one can edit it. Changes mean a new version.")
            % {"number": locked.number, "value": locked.get_status_display().lower()}
        )
    try:
        revision = int(revision)
    except (TypeError, ValueError):
        raise ValidationFailed(
            _("The form is missing its revision number; reload the page.")
        ) from None
    if revision != locked.revision:
        labels = selectors.membership_labels(project)
        by = labels.get(locked.updated_by_id, "someone")
        raise DraftConflict(
            f"{by} saved this draft while you were editing it. Nothing has been lost: your "
            "text is still in the form, and theirs is shown beside it. Combine the two, "
            "then save again.",
            theirs=locked.content,
            revision=locked.revision,
            by=by,
        )
    cleaned = clean_content(content, eligible_named=_eligible_named(project))
    changed = [
        k for k in SECTION_KEYS if cleaned["sections"][k] != locked.content["sections"].get(k)
    ]
    changed += [
        k
        for k in (
            "decision_rights",
            "procedure",
            "payment",
            "communication",
            "leaving",
            "named_parties",
            "documents",
        )
        if cleaned[k] != locked.content.get(k)
    ]
    # The conditional update is the real guard: two saves racing past the check above can
    # only have one winner.
    now = clock.now()
    won = AgreementVersion.objects.filter(
        pk=locked.pk, revision=revision, status=VersionStatus.DRAFT
    ).update(content=cleaned, revision=revision + 1, updated_by=actor, updated_at=now)
    if not won:
        raise Conflict(_("Someone saved this draft at the same moment. Reload and try again."))
    locked.refresh_from_db()
    append_event(
        project=project,
        type="agreement.draft_saved",
        actor=actor,
        content={"version": locked.number, "revision": locked.revision, "changed": changed},
        subjects=[locked],
    )
    return locked


@transaction.atomic
def version_propose(*, actor: Any, version: AgreementVersion) -> AgreementVersion:
    project = version.project
    if not agreement_policy.can_draft(actor, project):
        raise NotAllowed(_("Only a lead or a public contributor can propose the agreement."))
    locked = _lock_version(version)
    if locked.status != VersionStatus.DRAFT:
        raise ValidationFailed(
            _("Version %(number)s is %(value)s; only a draft can be proposed for signing.")
            % {"number": locked.number, "value": locked.get_status_display().lower()}
        )
    cleaned = clean_content(locked.content, eligible_named=_eligible_named(project))
    check_complete(cleaned)
    locked.content = cleaned
    locked.status = VersionStatus.PROPOSED
    locked.proposed_by = actor
    locked.proposed_at = clock.now()
    locked.content_hash = _hash(locked)
    locked.save()
    parties = selectors.parties_for(locked)
    append_event(
        project=project,
        type="agreement.version_proposed",
        actor=actor,
        content={
            "version": locked.number,
            "content_hash": locked.content_hash,
            "parties": [m.user_id for m in parties],
        },
        subjects=[locked],
    )
    notify_after_commit(
        user_ids={m.user_id for m in parties} - {actor.pk},
        project=project,
        kind="agreement.to_sign",
        title=_("Version %(number)s of the involvement agreement is waiting for your signature")
        % {"number": locked.number},
        url=reverse("agreements:version", args=[project.slug, locked.number]),
        due_to_me=True,
        key=f"agreement:{locked.pk}:to-sign",
    )
    return locked
