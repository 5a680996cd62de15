"""Writes to audits: each one service, one transaction, one ledger event."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from workings.audits import figures, notices
from workings.audits.models import Audit, AuditKind, AuditStatus, Finding, SelfAssessment, Side
from workings.audits.permissions import audit_policy, require
from workings.audits.standards import Standard
from workings.core import clock
from workings.core.exceptions import Conflict, ValidationFailed
from workings.core.text import optional_text, required_text
from workings.events.services import append_event
from workings.plans.services import action_add, my_membership
from workings.record.models import Item


@transaction.atomic
def audit_open(*, actor: Any, project: Any, kind: str = AuditKind.ON_DEMAND) -> Audit:
    """Open an audit: its figures are computed from the record as it stands today. Asked
    for by the funder's reviewers or a contributor; a scheduled one opens with no actor."""
    if kind == AuditKind.ON_DEMAND:
        require(
            audit_policy.can_ask(actor, project),
            _("Only the funder's reviewers or a public contributor can ask for an audit."),
        )
    elif kind != AuditKind.SCHEDULED:
        raise ValidationFailed(_("Choose a scheduled audit or one asked for."), field="kind")
    if not Item.objects.filter(project=project).exists():
        raise ValidationFailed(
            _("This project has nothing in its record yet, so there is nothing to audit.")
        )
    if Audit.objects.select_for_update().filter(project=project, status=AuditStatus.OPEN).exists():
        raise Conflict(_("An audit of this project is already open. Finish and sign it first."))
    number = (Audit.objects.filter(project=project).aggregate(n=Max("number"))["n"] or 0) + 1
    today = clock.today()
    audit = Audit.objects.create(
        project=project,
        number=number,
        kind=kind,
        requested_by=actor if kind == AuditKind.ON_DEMAND else None,
        opened_on=today,
        figures=figures.compute(project, today),
    )
    append_event(
        project=project,
        type="audits.audit_opened",
        actor=actor,
        content={"audit": audit.pk},
        subjects=[audit],
    )
    transaction.on_commit(lambda: notices.opened(audit))
    return audit


def _ratings(data: Any) -> dict[str, int]:
    data = data if isinstance(data, dict) else {}
    out: dict[str, int] = {}
    missing = []
    for standard in Standard:
        try:
            value = int(data.get(standard.value) or 0)
        except (TypeError, ValueError):
            value = 0
        if not 1 <= value <= 5:
            missing.append(str(standard.label))
        out[standard.value] = value
    if missing:
        raise ValidationFailed(
            _("Rate every standard from 1 to 5. Not rated yet: %(names)s.")
            % {"names": ", ".join(missing)},
            field="ratings",
        )
    return out


@transaction.atomic
def assessment_give(
    *, actor: Any, audit: Audit, ratings: Any, anonymous: bool = False
) -> SelfAssessment:
    audit = Audit.objects.select_for_update().select_related("project").get(pk=audit.pk)
    project = audit.project
    require(
        audit_policy.can_assess(actor, audit),
        _(
            "Only contributors and the research team give self-assessments, while the audit is "
            "open."
        ),
    )
    mine = my_membership(actor, project)
    assert mine is not None  # can_assess needs a current member's role
    if SelfAssessment.objects.filter(audit=audit, membership=mine).exists():
        raise ValidationFailed(
            _(
                "You have already given your self-assessment for this audit. Each person answers "
                "once."
            )
        )
    side = audit_policy.side_of(actor, project)
    try:
        with transaction.atomic():
            assessment = SelfAssessment.objects.create(
                audit=audit,
                side=side,
                membership=mine,
                anonymous=bool(anonymous) and side == Side.CONTRIBUTORS,
                ratings=_ratings(ratings),
            )
    except IntegrityError:
        raise ValidationFailed(
            _(
                "You have already given your self-assessment for this audit. Each person answers "
                "once."
            )
        ) from None
    append_event(
        project=project,
        type="audits.self_assessed",
        actor=actor,
        content={"assessment": assessment.pk, "audit": audit.pk},
        subjects=[assessment],
        sealed=True,
    )
    return assessment


@transaction.atomic
def finding_add(
    *,
    actor: Any,
    audit: Audit,
    standard: Any,
    text: Any,
    action: Any,
    owner: Any,
    due_on: Any,
) -> Finding:
    audit = Audit.objects.select_for_update().select_related("project").get(pk=audit.pk)
    require(
        audit_policy.can_find(actor, audit),
        _(
            "Findings are added by the project's members and the funder's reviewers while the "
            "audit is open."
        ),
    )
    if standard not in Standard.values:
        raise ValidationFailed(_("Choose the standard the finding is about."), field="standard")
    if owner in (None, "", 0, "0"):
        raise ValidationFailed(
            _("Give the action an owner: the member who will see it done."), field="owner"
        )
    body = required_text(text, field="text", label=_("What was found"), max_length=3000)
    milestone = action_add(
        actor=actor, project=audit.project, title=action, due_on=due_on, owner=owner
    )
    finding = Finding.objects.create(
        audit=audit, standard=standard, text=body, action=milestone, written_by=actor
    )
    append_event(
        project=audit.project,
        type="audits.finding_added",
        actor=actor,
        content={"finding": finding.pk, "audit": audit.pk},
        subjects=[finding],
    )
    return finding


@transaction.atomic
def audit_sign(*, actor: Any, audit: Audit, statement: Any = "") -> Audit:
    audit = Audit.objects.select_for_update().select_related("project").get(pk=audit.pk)
    require(
        audit_policy.can_sign(actor, audit),
        _("Only the funder's reviewers sign an audit, and only while it is open."),
    )
    audit.statement = optional_text(
        statement, field="statement", label=_("Statement"), max_length=3000
    )
    audit.status = AuditStatus.SIGNED
    audit.signed_by = actor
    audit.signed_on = clock.today()
    audit.save()
    append_event(
        project=audit.project,
        type="audits.audit_signed",
        actor=actor,
        content={"audit": audit.pk},
        subjects=[audit],
    )
    return audit
