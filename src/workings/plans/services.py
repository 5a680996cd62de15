"""Writes to the plan: each one service, one transaction, one ledger event."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import Problems, ValidationFailed
from workings.core.text import optional_text, required_text
from workings.events.services import append_event
from workings.plans import notices
from workings.plans.models import (
    Evidence,
    EvidenceKind,
    Kind,
    Milestone,
    Status,
    Training,
    TrainingKind,
)
from workings.plans.permissions import plans_policy, require
from workings.projects.models import Membership

PLANNED_KINDS = (Kind.RESEARCH, Kind.INVOLVEMENT)


def parse_day(value: Any, *, field: str, label: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value or "").strip())
    except ValueError:
        raise ValidationFailed(
            _("%(label)s: give a date like 2026-03-31.") % {"label": label}, field=field
        ) from None


def _member(project: Any, value: Any, *, field: str, label: str) -> Membership:
    try:
        pk = int(value)
    except (TypeError, ValueError):
        pk = 0
    membership = Membership.objects.filter(project=project, pk=pk, left_at__isnull=True).first()
    if membership is None:
        raise ValidationFailed(
            _("%(label)s: choose a current member of this project.") % {"label": label},
            field=field,
        )
    return membership


def my_membership(user: Any, project: Any) -> Membership | None:
    if user is None or not user.is_authenticated:
        return None
    return Membership.objects.filter(project=project, user=user, left_at__isnull=True).first()


def _due(project: Any, value: Any) -> dt.date:
    due = parse_day(value, field="due_on", label=_("Due date"))
    if due < project.start_date:
        raise ValidationFailed(
            _("The due date is before the project starts (on %(day)s). Choose a later date.")
            % {"day": date_format(project.start_date, "j F Y")},
            field="due_on",
        )
    return due


def _tie(project: Any, kind: str, value: Any, itself: Milestone | None = None) -> Milestone | None:
    if value in (None, "", 0, "0"):
        return None
    if kind != Kind.INVOLVEMENT:
        raise ValidationFailed(
            _("Only an involvement milestone can be tied to a research milestone."),
            field="tied_to",
        )
    try:
        pk = int(value)
    except (TypeError, ValueError):
        pk = 0
    other = Milestone.objects.filter(pk=pk).first()
    if other is None or other.project_id != project.pk:
        raise ValidationFailed(
            _(
                "That milestone belongs to another project (or does not exist). Tie this "
                "milestone to a research milestone of this project."
            ),
            field="tied_to",
        )
    if other.kind != Kind.RESEARCH or (itself is not None and other.pk == itself.pk):
        raise ValidationFailed(
            _("Tie an involvement milestone to a research milestone."), field="tied_to"
        )
    return other


def _fields(
    project: Any, data: dict[str, Any], kind: str, itself: Milestone | None = None
) -> dict[str, Any]:
    """Every field checked, every broken rule reported at once."""
    problems = Problems()
    fields = {
        "title": problems.check(
            required_text, data.get("title"), field="title", label=_("Title"), max_length=200
        ),
        "description": problems.check(
            optional_text,
            data.get("description"),
            field="description",
            label=_("Description"),
            max_length=2000,
        ),
        "due_on": problems.check(_due, project, data.get("due_on")),
        "owner": problems.check(
            _member, project, data.get("owner"), field="owner", label=_("Who owns it")
        ),
        "tied_to": problems.check(_tie, project, kind, data.get("tied_to"), itself),
    }
    problems.raise_any()
    return fields


@transaction.atomic
def milestone_add(*, actor: Any, project: Any, kind: Any, **data: Any) -> Milestone:
    require(plans_policy.can_plan(actor, project), _("Only the project's lead plans milestones."))
    problems = Problems()
    if kind not in PLANNED_KINDS:
        problems.add(_("Choose research or involvement."), field="kind")
    fields = problems.check(_fields, project, data, kind)
    problems.raise_any()
    milestone = Milestone.objects.create(project=project, kind=kind, **(fields or {}))
    append_event(
        project=project,
        type="plans.milestone_added",
        actor=actor,
        content={"milestone": milestone.pk},
        subjects=[milestone],
    )
    return milestone


def action_add(*, actor: Any, project: Any, title: str, due_on: Any, owner: Any) -> Milestone:
    """An audit's action, tracked like a milestone (called inside the audit's transaction:
    the audits app checks who may add it)."""
    milestone = Milestone.objects.create(
        project=project,
        kind=Kind.ACTION,
        title=required_text(title, field="title", label=_("Action"), max_length=200),
        due_on=_due(project, due_on),
        owner=_member(project, owner, field="owner", label=_("Who owns the action")),
    )
    append_event(
        project=project,
        type="plans.milestone_added",
        actor=actor,
        content={"milestone": milestone.pk},
        subjects=[milestone],
    )
    return milestone


@transaction.atomic
def milestone_change(*, actor: Any, milestone: Milestone, **data: Any) -> Milestone:
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    require(
        plans_policy.can_plan(actor, milestone.project),
        _("Only the project's lead re-plans milestones."),
    )
    for name, value in _fields(milestone.project, data, milestone.kind, milestone).items():
        setattr(milestone, name, value)
    milestone.save()  # slipped_on stays: a slip, once recorded, is never cleared
    append_event(
        project=milestone.project,
        type="plans.milestone_changed",
        actor=actor,
        content={"milestone": milestone.pk},
        subjects=[milestone],
    )
    return milestone


def _progress(value: Any) -> int:
    try:
        number = int(str(value if value not in (None, "") else "0").strip().rstrip("%"))
    except ValueError:
        number = -1
    if not 0 <= number <= 100:
        raise ValidationFailed(_("Progress: give a number from 0 to 100."), field="progress")
    return number


@transaction.atomic
def milestone_progress(
    *, actor: Any, milestone: Milestone, status: Any, progress: Any = None
) -> Milestone:
    milestone = Milestone.objects.select_for_update().select_related("project").get(pk=milestone.pk)
    project = milestone.project
    mine = my_membership(actor, project)
    require(
        plans_policy.can_report(actor, milestone, mine.pk if mine else None),
        _("Only the milestone's owner or the project's lead reports its progress."),
    )
    problems = Problems()  # every broken rule is reported at once
    if status not in Status.values:
        problems.add(_("Choose how the milestone stands."), field="status")
    number = 100 if status == Status.DONE else problems.check(_progress, progress)
    problems.raise_any()
    milestone.status = status
    milestone.progress = number
    milestone.done_on = clock.today() if status == Status.DONE else None
    milestone.save()
    append_event(
        project=project,
        type="plans.milestone_progress",
        actor=actor,
        content={"milestone": milestone.pk},
        subjects=[milestone],
    )
    if status == Status.DONE and milestone.kind == Kind.RESEARCH:
        behind = [m for m in milestone.tied.all() if m.is_open()]
        if behind:
            transaction.on_commit(lambda: notices.tie_broken(milestone, behind))
    return milestone


@transaction.atomic
def milestone_slip_record(*, milestone: Milestone, today: dt.date) -> bool:
    """Record once that an open milestone went past its due day (the daily reminders run
    this). Returns whether it was recorded now."""
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    if milestone.slipped_on is not None or not milestone.is_open() or milestone.due_on >= today:
        return False
    milestone.slipped_on = today
    milestone.save()
    append_event(
        project=milestone.project,
        type="plans.milestone_slipped",
        actor=None,
        content={"milestone": milestone.pk, "due_on": milestone.due_on.isoformat()},
        subjects=[milestone],
    )
    return True


def _evidence_ref(project: Any, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    from workings.documents.models import Document
    from workings.record.models import Item

    if kind == EvidenceKind.LINK:
        path = str(data.get("path") or "").strip()
        prefix = f"/projects/{project.slug}/"
        if not path.startswith(prefix) or any(c in path for c in "<>\"' "):
            raise ValidationFailed(
                _("Give the address of a page of this project (it starts with %(prefix)s).")
                % {"prefix": prefix},
                field="path",
            )
        return {"path": path[:300], "ref": None}
    try:
        ref = int(data.get("ref") or 0)
    except (TypeError, ValueError):
        ref = 0
    model = Item if kind == EvidenceKind.ENTRY else Document
    if not model.objects.filter(project=project, pk=ref).exists():
        raise ValidationFailed(
            _("Choose an entry or document of this project as evidence."), field="ref"
        )
    return {"ref": ref, "path": ""}


@transaction.atomic
def evidence_add(*, actor: Any, milestone: Milestone, kind: Any, **data: Any) -> Evidence:
    project = milestone.project
    require(
        plans_policy.can_add_evidence(actor, project),
        _("Your role in this project does not allow adding evidence."),
    )
    problems = Problems()  # every broken rule is reported at once
    if kind not in EvidenceKind.values:
        problems.add(_("Choose what kind of evidence it is."), field="kind")
        ref = None
    else:
        ref = problems.check(_evidence_ref, project, kind, data)
    note = problems.check(
        optional_text, data.get("note"), field="note", label=_("Note"), max_length=300
    )
    problems.raise_any()
    mine = my_membership(actor, project)
    assert mine is not None  # can_add_evidence needs a current membership
    evidence = Evidence.objects.create(
        milestone=milestone, kind=kind, note=note, added_by=mine, **(ref or {})
    )
    append_event(
        project=project,
        type="plans.evidence_added",
        actor=actor,
        content={"evidence": evidence.pk, "milestone": milestone.pk},
        subjects=[evidence],
    )
    return evidence


def _hours(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        hours = Decimal(str(value).strip())
    except InvalidOperation:
        hours = Decimal(-1)
    if not Decimal(0) < hours <= Decimal(999):
        raise ValidationFailed(
            _("Hours: give a number such as 1.5, or leave it empty."), field="hours"
        )
    return hours.quantize(Decimal("0.01"))


@transaction.atomic
def training_log(*, actor: Any, project: Any, kind: Any, **data: Any) -> Training:
    require(
        plans_policy.can_log_training(actor, project),
        _("Your role in this project does not allow logging training."),
    )
    mine = my_membership(actor, project)
    assert mine is not None
    problems = Problems()  # every broken rule is reported at once
    person = problems.check(
        _member, project, data.get("person") or mine.pk, field="person", label=_("Who")
    )
    if (
        person is not None
        and person.pk != mine.pk
        and not plans_policy.can_log_for_others(actor, project)
    ):
        problems.add(_("You can log training and support you received yourself."), field="person")
    if kind not in TrainingKind.values:
        problems.add(_("Choose training, support or mentoring."), field="kind")
    given_on = problems.check(parse_day, data.get("given_on"), field="given_on", label=_("When"))
    if given_on is not None and given_on > clock.today():
        problems.add(_("When: the day cannot be in the future."), field="given_on")
    fields = {
        "what": problems.check(
            required_text, data.get("what"), field="what", label=_("What"), max_length=200
        ),
        "given_by": problems.check(
            required_text,
            data.get("given_by"),
            field="given_by",
            label=_("Who gave it"),
            max_length=200,
        ),
        "hours": problems.check(_hours, data.get("hours")),
    }
    problems.raise_any()
    training = Training.objects.create(
        project=project,
        person=person,
        kind=kind,
        given_on=given_on,
        recorded_by=mine,
        **fields,
    )
    append_event(
        project=project,
        type="plans.training_logged",
        actor=actor,
        content={"training": training.pk},
        subjects=[training],
    )
    return training
