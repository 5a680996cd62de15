"""Reads for co-owned documents: lists, one document's state, the export."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from workings.documents import rules
from workings.documents.models import (
    Approval,
    ApprovalKind,
    Document,
    Kind,
    Submission,
    Suggestion,
    SuggestionStatus,
    Version,
)
from workings.documents.permissions import document_policy
from workings.projects.models import Membership, Project


def document_list(*, project: Project) -> QuerySet[Document]:
    return Document.objects.filter(project=project).order_by("id")


def labels(project: Project) -> dict[int, str]:
    """user id -> the name to show, honouring each member's credit preference."""
    return {
        m.user_id: m.label
        for m in Membership.objects.filter(project=project).select_related("user")
    }


def versions_of(document: Document) -> list[Version]:
    """Every version, newest first, with its approvals, dissents and submissions (four
    queries whatever the number of versions)."""
    return list(
        Version.objects.filter(document=document)
        .select_related("document__project")
        .order_by("-number")
        .prefetch_related(
            Prefetch("approvals", queryset=Approval.objects.order_by("created_at", "id")),
            "dissents",
            "submissions",
        )
    )


def version_get(document: Document, number: int) -> Version | None:
    return (
        Version.objects.filter(document=document, number=number)
        .select_related("document__project")
        .prefetch_related("approvals", "dissents", "submissions")
        .first()
    )


def latest_approved(document: Document) -> Version | None:
    return (
        Version.objects.filter(document=document, approved=True)
        .order_by("-number")
        .prefetch_related("approvals", "dissents", "submissions")
        .first()
    )


def open_suggestions(version: Version) -> QuerySet[Suggestion]:
    return Suggestion.objects.filter(
        of_version__document_id=version.document_id, status=SuggestionStatus.OPEN
    ).order_by("id")


def suggestions_of(document: Document) -> QuerySet[Suggestion]:
    return Suggestion.objects.filter(of_version__document=document).order_by("-id")


@dataclass
class Standing:
    """Where a version stands under the agreement's rule, in words a reader can follow."""

    rule: str
    rule_label: str
    owners: list[str]
    approved_by: list[str]
    waiting_for: list[str]
    needs_cosign: bool
    owners_more: int
    no_owners: bool
    dissents: list[Any] = field(default_factory=list)


def standing(version: Version, names: dict[int, str]) -> Standing:
    from workings.agreements.sections import FINAL_SAY_RULES

    terms = document_policy.terms(version.document.project)
    approvals = list(version.approvals.all())
    owner_approvers = [a.user_id for a in approvals if a.kind == ApprovalKind.OWNER]
    cosigned = any(a.kind == ApprovalKind.COSIGN for a in approvals)
    more, cosign = rules.still_needed(
        rule=terms.final_say,
        owners=terms.owner_ids,
        approvers=owner_approvers,
        lead_cosigned=cosigned,
    )
    return Standing(
        rule=terms.final_say,
        rule_label=FINAL_SAY_RULES.get(terms.final_say, ""),
        owners=[names.get(i, f"member {i}") for i in terms.owner_ids],
        approved_by=[names.get(i, f"member {i}") for i in owner_approvers],
        waiting_for=[
            names.get(i, f"member {i}") for i in terms.owner_ids if i not in owner_approvers
        ],
        needs_cosign=cosign,
        owners_more=more,
        no_owners=not terms.owner_ids,
    )


def latest_submission(document: Document) -> Submission | None:
    return (
        Submission.objects.filter(of_version__document=document)
        .select_related("of_version")
        .order_by("-submitted_on", "-id")
        .first()
    )


def public_summary(project: Project) -> str | None:
    """The latest approved plain-English summary's text, or None if there is none yet."""
    version = (
        Version.objects.filter(
            document__project=project, document__kind=Kind.SUMMARY, approved=True
        )
        .order_by("-number")
        .only("text")
        .first()
    )
    return version.text if version else None
