"""An audit's figures, computed from the project's record (docs/decisions/audit-figures.md).

Each figure is stored as data, not prose: its key, its counts and the address of its
evidence. Its heading, its sentence and the UK Standards it speaks to come from this module
when the figure is shown (`describe`), so a stored audit reads in any language and the
mapping to the Standards is written once, here.

The cost is a fixed number of queries (each figure aggregates in the database), however long
the record: tests/audits/test_figures.py pins the count at 100 and 10,000 entries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, Sum
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from workings.agreements.models import AGREEING, AgreementSignature
from workings.agreements.selectors import document_terms_for, parties_for, version_in_force
from workings.audits.standards import Standard as S
from workings.concerns.models import Concern
from workings.core.vocab import INFLUENCE_ORDER
from workings.documents.models import Document
from workings.money.models import Claim
from workings.plans.models import OPEN_STATUSES, Kind, Milestone, Status, Training
from workings.projects.models import Membership
from workings.projects.roles import Role
from workings.record.models import Decision, Feedback

# key -> the Standards it is evidence for, in the order shown.
STANDARDS: dict[str, tuple[str, ...]] = {
    "agreement": (S.WORKING_TOGETHER, S.GOVERNANCE),
    "decisions": (S.GOVERNANCE, S.IMPACT),
    "feedback": (S.COMMUNICATIONS, S.IMPACT),
    "concerns": (S.WORKING_TOGETHER, S.GOVERNANCE),
    "milestones": (S.IMPACT, S.WORKING_TOGETHER),
    "documents": (S.COMMUNICATIONS, S.GOVERNANCE),
    "training": (S.SUPPORT,),
    "governance": (S.GOVERNANCE,),
    "leavers": (S.INCLUSIVE, S.WORKING_TOGETHER),
    "payments": (S.INCLUSIVE, S.SUPPORT),
}


def _url(name: str, slug: str, query: str = "") -> str:
    return reverse(name, args=[slug]) + query


def agreement(project: Any) -> dict[str, int]:
    version = version_in_force(project)
    if version is None:
        return {"in_force": 0, "parties": 0, "agreed": 0}
    parties = parties_for(version)
    agreed = set(
        AgreementSignature.objects.filter(version=version, answer__in=AGREEING).values_list(
            "party_id", flat=True
        )
    )
    return {
        "in_force": 1,
        "parties": len(parties),
        "agreed": sum(1 for m in parties if m.user_id in agreed),
    }


def decisions(project: Any) -> dict[str, int]:
    rows = (
        Decision.objects.filter(item__project=project)
        .exclude(promised="")
        .values("influence", "promised")
        .annotate(n=Count("pk"))
    )
    promised = met = 0
    for row in rows:
        promised += row["n"]
        if INFLUENCE_ORDER.get(row["influence"], -1) >= INFLUENCE_ORDER.get(row["promised"], 0):
            met += row["n"]
    return {"promised": promised, "met": met, "short": promised - met}


def feedback(project: Any, today: dt.date) -> dict[str, int]:
    answered = Q(answered_at__isnull=False)
    return Feedback.objects.filter(item__project=project).aggregate(
        given=Count("pk"),
        answered=Count("pk", filter=answered),
        on_time=Count("pk", filter=answered & Q(answered_at__date__lte=F("item__due_on"))),
        waiting=Count("pk", filter=~answered),
        overdue=Count("pk", filter=~answered & Q(item__due_on__lt=today)),
    )


def concerns(project: Any) -> dict[str, int]:
    out = {"raised": 0, "open": 0, "closed": 0}
    rows = (
        Concern.objects.filter(project=project).values("status", "outcome").annotate(n=Count("pk"))
    )
    for row in rows:
        out["raised"] += row["n"]
        if row["status"] == "closed":
            out["closed"] += row["n"]
            key = f"outcome_{row['outcome'] or 'none'}"
            out[key] = out.get(key, 0) + row["n"]
        else:
            out["open"] += row["n"]
    return out


def milestones(project: Any, today: dt.date) -> dict[str, int]:
    late = Q(slipped_on__isnull=False) | Q(status__in=OPEN_STATUSES, due_on__lt=today)
    done = Q(status=Status.DONE)
    return Milestone.objects.filter(
        project=project, kind__in=[Kind.RESEARCH, Kind.INVOLVEMENT]
    ).aggregate(
        planned=Count("pk"),
        due=Count("pk", filter=Q(due_on__lte=today)),
        done=Count("pk", filter=done),
        on_time=Count("pk", filter=done & Q(done_on__lte=F("due_on"))),
        slipped=Count("pk", filter=late),
        involvement=Count("pk", filter=Q(kind=Kind.INVOLVEMENT)),
    )


def documents(project: Any) -> dict[str, int]:
    return Document.objects.filter(project=project).aggregate(
        documents=Count("pk", distinct=True),
        approved=Count("pk", filter=Q(versions__approved=True), distinct=True),
    )


def training(project: Any) -> dict[str, Any]:
    row = Training.objects.filter(project=project).aggregate(
        entries=Count("pk"),
        people=Count("person", distinct=True),
        contributors=Count("person", filter=Q(person__role=Role.CONTRIBUTOR), distinct=True),
        hours=Sum("hours"),
    )
    row["hours"] = str(Decimal(str(row["hours"] or 0)).quantize(Decimal("0.01")))
    return row


def governance(project: Any) -> dict[str, int]:
    owners = set(document_terms_for(project).owner_ids)
    contributors = list(
        Membership.objects.filter(
            project=project, role=Role.CONTRIBUTOR, left_at__isnull=True
        ).values_list("user_id", flat=True)
    )
    return {
        "contributors": len(contributors),
        "owners": sum(1 for u in contributors if u in owners),
    }


def leavers(project: Any) -> dict[str, int]:
    left = Q(left_at__isnull=False)
    return Membership.objects.filter(project=project).aggregate(
        left=Count("pk", filter=left),
        contributors=Count("pk", filter=left & Q(role=Role.CONTRIBUTOR)),
        reasons_shared=Count("pk", filter=left & Q(left_reason_public=True) & ~Q(left_reason="")),
    )


def payments(project: Any) -> dict[str, int]:
    late = Q(late_on__isnull=False) | Q(paid_on__gt=F("due_on"))
    return (
        Claim.objects.filter(project=project)
        .exclude(status="rejected")
        .aggregate(
            claims=Count("pk"),
            paid=Count("pk", filter=Q(paid_on__isnull=False)),
            late=Count("pk", filter=late),
        )
    )


def compute(project: Any, today: dt.date) -> list[dict[str, Any]]:
    """Every figure of an audit opened today, as stored on the audit."""
    slug = project.slug
    found = [
        ("agreement", agreement(project), _url("agreements:home", slug)),
        ("decisions", decisions(project), _url("record:matrix", slug)),
        ("feedback", feedback(project, today), _url("record:timeline", slug, "?kind=feedback")),
        ("concerns", concerns(project), _url("concerns:list", slug)),
        ("milestones", milestones(project, today), _url("plans:home", slug)),
        ("documents", documents(project), _url("documents:list", slug)),
        ("training", training(project), _url("plans:home", slug, "#training-heading")),
        ("governance", governance(project), _url("agreements:home", slug)),
        ("leavers", leavers(project), _url("projects:members", slug)),
        ("payments", payments(project), _url("money:home", slug)),
    ]
    return [{"key": k, "counts": counts, "url": url} for k, counts, url in found]


@dataclass(frozen=True)
class Described:
    key: str
    label: str
    sentence: str
    standards: list[tuple[str, str]]  # (key, label)
    url: str
    counts: dict[str, Any]
    flagged: bool


def _sentence(key: str, c: dict[str, Any]) -> tuple[str, str, bool]:
    """(heading, sentence, needs attention) for one figure's counts."""
    g = c.get
    if key == "agreement":
        if not g("in_force"):
            return _("Agreement"), _("No agreement is in force."), True
        return (
            _("Agreement"),
            _("An agreement is in force; %(agreed)s of its %(parties)s parties have signed it.")
            % c,
            g("agreed") != g("parties"),
        )
    if key == "decisions":
        return (
            _("Decisions against the influence promised"),
            _(
                "%(met)s of %(promised)s decisions gave contributors the influence promised; "
                "%(short)s fell short."
            )
            % c,
            bool(g("short")),
        )
    if key == "feedback":
        return (
            _("Feedback answered on time"),
            _(
                "%(on_time)s of %(given)s pieces of feedback were answered on time; %(waiting)s "
                "are waiting for an answer (%(overdue)s past their day)."
            )
            % c,
            bool(g("overdue")) or g("on_time") != g("answered"),
        )
    if key == "concerns":
        return (
            _("Concerns and their outcomes"),
            ngettext(
                "%(raised)s concern raised: %(closed)s closed, %(open)s still open.",
                "%(raised)s concerns raised: %(closed)s closed, %(open)s still open.",
                g("raised") or 0,
            )
            % c,
            bool(g("open")),
        )
    if key == "milestones":
        return (
            _("Milestones met and slipped"),
            _(
                "%(done)s of %(planned)s milestones are done (%(on_time)s on time); %(slipped)s "
                "slipped."
            )
            % c,
            bool(g("slipped")),
        )
    if key == "documents":
        return (
            _("Documents approved by their owners"),
            _(
                "%(approved)s of %(documents)s co-owned documents have a version approved by "
                "their owners."
            )
            % c,
            g("approved") != g("documents"),
        )
    if key == "training":
        return (
            _("Training and support given"),
            _(
                "%(entries)s entries in the training and support log, for %(people)s people "
                "(%(contributors)s of them contributors), %(hours)s hours in all."
            )
            % c,
            not g("entries"),
        )
    if key == "governance":
        return (
            _("Contributors in governance roles"),
            _(
                "%(owners)s of %(contributors)s current contributors have final say over the "
                "project's documents."
            )
            % c,
            not g("owners"),
        )
    if key == "leavers":
        return (
            _("People who left"),
            ngettext(
                "%(left)s person left the project (contributors: %(contributors)s); "
                "%(reasons_shared)s chose to share why.",
                "%(left)s people left the project (contributors: %(contributors)s); "
                "%(reasons_shared)s chose to share why.",
                g("left") or 0,
            )
            % c,
            False,
        )
    return (
        _("Payments"),
        _(
            "%(paid)s of %(claims)s claims are paid; %(late)s were later than the agreement "
            "promised."
        )
        % c,
        bool(g("late")),
    )


def describe(figure: dict[str, Any]) -> Described:
    key = figure.get("key", "")
    counts = dict(figure.get("counts") or {})
    label, sentence, flagged = _sentence(key, counts)
    return Described(
        key=key,
        label=label,
        sentence=sentence,
        standards=[(s, str(S(s).label)) for s in STANDARDS.get(key, ())],
        url=str(figure.get("url", "")),
        counts=counts,
        flagged=flagged,
    )
