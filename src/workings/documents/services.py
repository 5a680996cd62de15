"""Writes for co-owned documents. One service = one transaction = one ledger event; every
input problem is a plain-English error raised before anything is written."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import Conflict, NotAllowed, NotFound, Problems, ValidationFailed
from workings.core.notify import notify_after_commit
from workings.core.text import check_plain_text
from workings.documents import rules
from workings.documents.models import (
    NOTE_MAX,
    SINGLE_KINDS,
    TEXT_MAX,
    Approval,
    ApprovalKind,
    Dissent,
    Document,
    Kind,
    Submission,
    Version,
)
from workings.documents.permissions import document_policy
from workings.events.services import append_event
from workings.projects.models import Project


class StaleBase(Conflict):
    """A proposal based on a version that is no longer the latest: the latest text is
    handed back so the two can be merged; nothing was written."""

    def __init__(self, message: str, *, latest: Version) -> None:
        super().__init__(message, field="text")
        self.latest = latest


def _text(value: Any, *, field: str, label: str, max_length: int = TEXT_MAX) -> str:
    if value is not None and not isinstance(value, str):
        raise ValidationFailed(f"{label} must be text.", field=field)
    text = check_plain_text(value or "", field=field, label=label, max_length=max_length)
    if not text:
        raise ValidationFailed(f"{label}: please write something.", field=field)
    return text


def _latest(document: Document, *, lock: bool = False) -> Version | None:
    versions = Version.objects.filter(document=document)
    if lock:
        versions = versions.select_for_update()
    return versions.order_by("-number").first()


def _version(document: Document, number: int) -> Version:
    version = Version.objects.filter(document=document, number=number).first()
    if version is None:
        raise NotFound(f"This document has no version {number}.")
    return version


@transaction.atomic
def document_create(
    *, actor: Any, project: Project, kind: str, title: str = "", text: str = ""
) -> Document:
    if not document_policy.can_write(actor, project):
        raise NotAllowed("Your role in this project does not allow starting a document.")
    if kind not in Kind.values:
        raise ValidationFailed("Choose the kind of document from the list.", field="kind")
    if kind in SINGLE_KINDS and Document.objects.filter(project=project, kind=kind).exists():
        raise ValidationFailed(
            f"This project already has its {Kind(kind).label.lower()}: propose a new version "
            "of it instead.",
            field="kind",
        )
    name = check_plain_text(title or "", field="title", label="Title", max_length=200)
    name = name or str(Kind(kind).label)
    if kind == Kind.SUMMARY and not text:
        # Version 1 of the summary is the text written when the project was started.
        text = project.summary
    first = _text(text, field="text", label="The text") if text else ""
    document = Document.objects.create(project=project, kind=kind, title=name, created_by=actor)
    subjects: list[Any] = [document]
    if first:
        subjects.append(
            Version.objects.create(document=document, number=1, text=first, author=actor)
        )
    append_event(
        project=project,
        type="document.created",
        actor=actor,
        content={"document": document.pk, "kind": kind},
        subjects=subjects,
    )
    return document


@transaction.atomic
def version_propose(
    *, actor: Any, document: Document, base: int | None, text: str, note: str = ""
) -> Version:
    """A new version based on `base` (None for a document's first). A stale base raises
    StaleBase with the latest version: someone else's words are never overwritten."""
    project = document.project
    if not document_policy.can_write(actor, project):
        raise NotAllowed("Your role in this project does not allow proposing a version.")
    problems = Problems()  # every broken rule is reported at once
    body = problems.check(_text, text, field="text", label="The text")
    why = problems.check(
        check_plain_text, note or "", field="note", label="What changed", max_length=300
    )
    problems.raise_any()
    Document.objects.select_for_update().filter(pk=document.pk).first()
    latest = _latest(document)
    latest_number = latest.number if latest else None
    if base != latest_number:
        assert latest is not None
        raise StaleBase(
            f"Someone proposed version {latest.number} while you were writing, so your text "
            f"was based on an older version. Your text is kept below, beside version "
            f"{latest.number}: combine the two, then propose again.",
            latest=latest,
        )
    if latest is not None and latest.text == body:
        raise ValidationFailed(
            f"This text is the same as version {latest.number}: change something first.",
            field="text",
        )
    version = Version.objects.create(
        document=document,
        number=(latest_number or 0) + 1,
        based_on=latest_number,
        text=body,
        note=why,
        author=actor,
    )
    append_event(
        project=project,
        type="document.version_proposed",
        actor=actor,
        content={"document": document.pk, "number": version.number, "based_on": base},
        subjects=[version],
    )
    notify_after_commit(
        user_ids=set(document_policy.terms(project).owner_ids) - {actor.pk},
        project=project,
        kind="document.to_approve",
        title=_("Version %(number)s of “%(title)s” is waiting for your approval")
        % {"number": version.number, "title": document.title},
        url=version.get_absolute_url(),
        due_to_me=True,
        key=f"document-version:{version.pk}:to-approve",
    )
    return version


def _not_superseded(version: Version, doing: str) -> None:
    latest = _latest(version.document)
    if latest is not None and latest.number != version.number:
        raise ValidationFailed(
            f"Version {version.number} has been replaced by version {latest.number}, so it "
            f"can no longer be {doing}. Look at version {latest.number} instead.",
            field="version",
        )


@transaction.atomic
def version_approve(
    *, actor: Any, document: Document, number: int, on_behalf_of: int | None = None
) -> Version:
    """An owner approves (or, where the agreement asks, the lead co-signs) the latest
    version; when the final-say rule is met the version becomes approved."""
    project = document.project
    if on_behalf_of is not None and on_behalf_of != actor.pk:
        raise NotAllowed(
            "You can approve only for yourself. Each owner approves in their own name."
        )
    Document.objects.select_for_update().filter(pk=document.pk).first()
    version = _version(document, number)
    terms = document_policy.terms(project)
    if not terms.owner_ids:
        raise ValidationFailed(
            "Nobody can approve this document yet: the agreement in force names no owners "
            "of documents. Name them in the agreement's section “Documents contributors own "
            "and who has the final say”.",
            field="version",
        )
    is_owner = document_policy.is_owner(actor, project, terms)
    cosign = not is_owner and document_policy.can_cosign(actor, project, terms)
    if not (is_owner or cosign):
        raise NotAllowed(
            "Only the owners named in the agreement can approve this document"
            + (", and the lead can co-sign." if terms.final_say == rules.OWNERS_AND_LEAD else ".")
        )
    _not_superseded(version, "approved")
    kind = ApprovalKind.OWNER if is_owner else ApprovalKind.COSIGN
    if Approval.objects.filter(of_version=version, user=actor, kind=kind).exists():
        raise ValidationFailed(f"You have already approved version {number}.", field="version")
    approval = Approval.objects.create(of_version=version, user=actor, kind=kind)
    subjects: list[Any] = [approval]
    met = _rule_met(version, terms)
    if met and not version.approved:
        version.approved = True
        version.approved_at = clock.now()
        version.save(update_fields=["approved", "approved_at"])
        subjects.append(version)
    append_event(
        project=project,
        type="document.approved",
        actor=actor,
        content={
            "document": document.pk,
            "number": number,
            "as": kind,
            "rule": terms.final_say,
            "agreement_version": terms.version_number,
            "now_approved": version.approved,
        },
        subjects=subjects,
    )
    return version


def _rule_met(version: Version, terms: Any) -> bool:
    approvals = list(Approval.objects.filter(of_version=version).values_list("user_id", "kind"))
    return rules.is_approved(
        rule=terms.final_say,
        owners=terms.owner_ids,
        approvers=[u for u, k in approvals if k == ApprovalKind.OWNER],
        lead_cosigned=any(k == ApprovalKind.COSIGN for _, k in approvals),
    )


@transaction.atomic
def dissent_add(*, actor: Any, document: Document, number: int, text: str) -> Dissent:
    project = document.project
    version = _version(document, number)
    if not document_policy.is_owner(actor, project):
        raise NotAllowed("Only an owner of this document can add a dissent note.")
    problems = Problems()  # every broken rule is reported at once
    if Approval.objects.filter(of_version=version, user=actor, kind=ApprovalKind.OWNER).exists():
        problems.add(
            f"You approved version {number}, so you cannot dissent from it. Propose a new "
            "version instead.",
            field="text",
        )
    elif Dissent.objects.filter(of_version=version, user=actor).exists():
        problems.add(f"You already added a dissent note to version {number}.", field="text")
    words = problems.check(
        _text, text, field="text", label="Your dissent note", max_length=NOTE_MAX
    )
    problems.raise_any()
    dissent = Dissent.objects.create(of_version=version, user=actor, text=words)
    append_event(
        project=project,
        type="document.dissent",
        actor=actor,
        content={"document": document.pk, "number": number},
        subjects=[dissent],
    )
    return dissent


@transaction.atomic
def version_submit(
    *, actor: Any, document: Document, number: int, application: str, on: dt.date | str | None
) -> Submission:
    """Register an approved version as submitted with a grant application on a date."""
    project = document.project
    if not document_policy.can_submit(actor, project):
        raise NotAllowed("Only the project's lead can record a submission.")
    version = _version(document, number)
    if not version.approved:
        raise ValidationFailed(
            f"Version {number} is not approved by its owners, so it cannot be submitted.",
            field="version",
        )
    newest = Version.objects.filter(document=document, approved=True).order_by("-number").first()
    if newest is not None and newest.number != number:
        raise ValidationFailed(
            f"Version {newest.number} is the latest approved version: submit that one.",
            field="version",
        )
    what = check_plain_text(
        application or "", field="application", label="Which application", max_length=200
    )
    if not what:
        raise ValidationFailed(
            "Say which application it went with (for example “NIHR RfPB stage 2”).",
            field="application",
        )
    day = _day(on)
    submission = Submission.objects.create(
        of_version=version, submitted_on=day, application=what, submitted_by=actor
    )
    append_event(
        project=project,
        type="document.submitted",
        actor=actor,
        content={"document": document.pk, "number": number, "on": day.isoformat()},
        subjects=[submission],
    )
    return submission


def _day(on: dt.date | str | None) -> dt.date:
    if on is None or on == "":
        return clock.today()
    if isinstance(on, dt.date):
        day = on
    else:
        try:
            day = dt.date.fromisoformat(str(on).strip())
        except ValueError:
            raise ValidationFailed(
                "Enter the date as year-month-day, such as 2026-11-30.", field="on"
            ) from None
    if day > clock.today():
        raise ValidationFailed("The date it was submitted cannot be in the future.", field="on")
    return day


@transaction.atomic
def summary_migrate(*, actor: Any, project: Project) -> Document:
    """The data migration's path: the project's existing summary text becomes version 1
    of its summary document, not approved. No permission check: it runs at deploy time,
    in the name of the project's lead, and says so in its entry."""
    document = Document.objects.create(
        project=project, kind=Kind.SUMMARY, title=str(Kind.SUMMARY.label), created_by=actor
    )
    version = Version.objects.create(
        document=document, number=1, text=project.summary, author=actor
    )
    append_event(
        project=project,
        type="document.created",
        actor=actor,
        content={"document": document.pk, "kind": Kind.SUMMARY, "migrated": True},
        subjects=[document, version],
    )
    return document
