"""Reads of agreements. Other capabilities depend on the functions at the top of this module
(procedure_for, decision_rights_for, payment_terms_for, feedback_response_days,
version_in_force, amendment_history, answers_for): keep their signatures stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from workings.agreements.models import (
    AGREEING,
    OPEN_STATUSES,
    AgreementComment,
    AgreementSignature,
    AgreementVersion,
    VersionStatus,
)
from workings.projects.models import Membership
from workings.projects.roles import Role


@dataclass(frozen=True)
class Stage:
    name: str
    handler: str
    handler_role: str  # "lead" | "independent" | "funder" | "team"
    response_days: int


@dataclass(frozen=True)
class Procedure:
    stages: tuple[Stage, ...]
    independent_person: str
    # 0-based index of the stage from which a contributor may escalate to the funder alone.
    funder_stage_index: int
    is_default: bool
    version_id: int | None


@dataclass(frozen=True)
class PaymentTerms:
    rate_kind: str  # "hourly" | "per_activity"
    rate: Decimal
    currency: str
    expenses_policy: str
    payment_days: int


DEFAULT_PROCEDURE = Procedure(
    stages=(
        Stage("Talk it through with the involvement lead", "The involvement lead", "lead", 10),
        Stage("The independent person", "The independent person", "independent", 14),
        Stage("The funder's reviewer", "The funder's reviewer", "funder", 28),
    ),
    independent_person="",
    funder_stage_index=2,
    is_default=True,
    version_id=None,
)
DEFAULT_FEEDBACK_RESPONSE_DAYS = 14


def version_in_force(project: Any) -> AgreementVersion | None:
    return (
        AgreementVersion.objects.filter(project=project, status=VersionStatus.IN_FORCE)
        .order_by("-number")
        .first()
    )


def procedure_from_content(content: dict[str, Any], *, version_id: int | None) -> Procedure:
    data = content.get("procedure") or {}
    stages = tuple(
        Stage(
            name=s["name"],
            handler=s.get("handler", ""),
            handler_role=s.get("handler_role", "team"),
            response_days=int(s["response_days"]),
        )
        for s in data.get("stages", [])
    )
    return Procedure(
        stages=stages,
        independent_person=data.get("independent_person", ""),
        funder_stage_index=int(data.get("funder_stage_index", 0)),
        is_default=False,
        version_id=version_id,
    )


def procedure_for(project: Any) -> Procedure:
    """The disagreement procedure of the version in force, else the default procedure."""
    version = version_in_force(project)
    if version is None:
        return DEFAULT_PROCEDURE
    return procedure_from_content(version.content, version_id=version.pk)


def decision_rights_for(project: Any) -> dict[str, str]:
    """Research area -> promised influence level, from the version in force ({} if none)."""
    version = version_in_force(project)
    return dict(version.content.get("decision_rights") or {}) if version else {}


def payment_terms_from_content(content: dict[str, Any]) -> PaymentTerms | None:
    data = content.get("payment")
    if not data:
        return None
    return PaymentTerms(
        rate_kind=data["rate_kind"],
        rate=Decimal(str(data["rate"])),
        currency=data["currency"],
        expenses_policy=data.get("expenses_policy", ""),
        payment_days=int(data["payment_days"]),
    )


def payment_terms_for(project: Any) -> PaymentTerms | None:
    version = version_in_force(project)
    return payment_terms_from_content(version.content) if version else None


@dataclass(frozen=True)
class DocumentTerms:
    """Who owns the project's co-owned documents and the rule that approves a version."""

    final_say: str
    owner_ids: tuple[int, ...]
    version_number: int | None  # the agreement version that says so; None: no agreement


def document_terms_for(project: Any) -> DocumentTerms:
    """From the version in force; with none (or an older one silent on documents), no
    owners, so no version can be approved until the agreement names them."""
    version = version_in_force(project)
    if version is None:
        return DocumentTerms(final_say="all", owner_ids=(), version_number=None)
    data = version.content.get("documents") or {}
    return DocumentTerms(
        final_say=data.get("final_say", "all"),
        owner_ids=tuple(int(i) for i in data.get("owners", [])),
        version_number=version.number,
    )


def feedback_response_days(project: Any) -> int:
    """Days within which feedback gets an answer (communication section). The default (14)
    applies only when nothing is in force or the version predates the setting; a value that
    is there but is not a whole number of days raises, because the due date it gives is
    written into a log that cannot be corrected."""
    version = version_in_force(project)
    if version is None:
        return DEFAULT_FEEDBACK_RESPONSE_DAYS
    communication = version.content.get("communication")
    if communication is None or "feedback_response_days" not in communication:
        return DEFAULT_FEEDBACK_RESPONSE_DAYS
    days = communication["feedback_response_days"]
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ValueError(
            f"Agreement version {version.number} has feedback_response_days={days!r}, "
            "not a whole number of days: the validation that stores it has a bug."
        )
    return days


def amendment_history(project: Any) -> QuerySet[AgreementVersion]:
    """Every version, newest first, with status and dates (created, proposed, in force,
    ended) on each row."""
    return (
        AgreementVersion.objects.filter(project=project)
        .select_related("created_by", "proposed_by", "based_on")
        .order_by("-number")
    )


def answers_for(version: AgreementVersion) -> QuerySet[AgreementSignature]:
    """Every party's answer to this version, reservations and refusals included, in order."""
    return (
        AgreementSignature.objects.filter(version=version)
        .select_related("party", "membership", "membership__user")
        .order_by("signed_at", "id")
    )


# --- Reads used by this app's pages and services -------------------------------------------


def current_version(project: Any) -> AgreementVersion | None:
    """The open version (a draft, or one proposed for signing), if any."""
    return (
        AgreementVersion.objects.filter(project=project, status__in=OPEN_STATUSES)
        .order_by("-number")
        .first()
    )


def version_get(project: Any, number: int) -> AgreementVersion | None:
    return (
        AgreementVersion.objects.filter(project=project, number=number)
        .select_related("project", "created_by", "updated_by", "proposed_by", "based_on")
        .first()
    )


def parties_for(version: AgreementVersion) -> list[Membership]:
    """Every party: all current leads and contributors, plus current members the agreement
    names. Computed now, so someone who joins later becomes a party to the version in force
    (and is asked to sign it), and someone who has left is no longer waited for."""
    named = [int(i) for i in (version.content.get("named_parties") or [])]
    return list(
        Membership.objects.filter(project_id=version.project_id, left_at__isnull=True)
        .filter(Q(role__in=[Role.LEAD, Role.CONTRIBUTOR]) | Q(user_id__in=named))
        .select_related("user")
        .order_by("joined_at", "id")
    )


def waiting_for(version: AgreementVersion) -> list[Membership]:
    """Parties who have not answered this version yet."""
    answered = set(
        AgreementSignature.objects.filter(version=version).values_list("party_id", flat=True)
    )
    return [m for m in parties_for(version) if m.user_id not in answered]


def all_parties_agreed(version: AgreementVersion) -> bool:
    parties = parties_for(version)
    agreed = set(
        AgreementSignature.objects.filter(version=version, answer__in=AGREEING).values_list(
            "party_id", flat=True
        )
    )
    return bool(parties) and all(m.user_id in agreed for m in parties)


def comments_for(version: AgreementVersion) -> dict[str, list[dict[str, Any]]]:
    """Comments by section, as threads: each top-level comment with its replies in order.
    One query whatever the number of comments."""
    rows = list(
        AgreementComment.objects.filter(version=version)
        .select_related("author")
        .order_by("created_at", "id")
    )
    by_id: dict[int, dict[str, Any]] = {}
    threads: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        node = {"comment": row, "replies": []}
        by_id[row.pk] = node
        if row.parent_id and row.parent_id in by_id:
            by_id[row.parent_id]["replies"].append(node)
        else:
            threads.setdefault(row.section, []).append(node)
    return threads


def membership_labels(project: Any) -> dict[int, str]:
    """user id -> the name to show, honouring each member's credit preference."""
    return {
        m.user_id: m.label
        for m in Membership.objects.filter(project=project).select_related("user")
    }


def pending_signature_for(user: Any, project: Any) -> AgreementVersion | None:
    """A version this person is a party to and has not answered: the proposed one first,
    else the version in force (for people who joined after it came into force)."""
    if user is None or not user.is_authenticated:
        return None
    for version in (current_version(project), version_in_force(project)):
        if version is None or version.status not in (
            VersionStatus.PROPOSED,
            VersionStatus.IN_FORCE,
        ):
            continue
        if any(m.user_id == user.pk for m in waiting_for(version)):
            return version
    return None
