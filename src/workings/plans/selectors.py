"""Reads of the plan: milestones with their flags, planned against delivered, training."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet

from workings.plans.models import Evidence, Kind, Milestone, Status, Training
from workings.projects.models import Membership


def labels(project: Any) -> dict[int, str]:
    """membership id -> the name to show, honouring each member's credit preference."""
    return {
        m.pk: m.label for m in Membership.objects.filter(project=project).select_related("user")
    }


def milestone_list(*, project: Any) -> list[Milestone]:
    """Every milestone, soonest first, with how much evidence each has (one query)."""
    return list(
        Milestone.objects.filter(project=project)
        .select_related("project")  # get_absolute_url needs the slug
        .annotate(evidence_count=Count("evidence"))
        .order_by("due_on", "id")
    )


def evidence_of(milestone: Milestone) -> QuerySet[Evidence]:
    return milestone.evidence.order_by("id")


def training_list(*, project: Any) -> QuerySet[Training]:
    return Training.objects.filter(project=project).order_by("-given_on", "-id")


@dataclass
class Flags:
    """What needs attention: milestones past their due day (or done late), and research
    milestones done while an involvement milestone tied to them is not."""

    slipped: set[int] = field(default_factory=set)
    ties: list[tuple[Milestone, Milestone]] = field(default_factory=list)

    @property
    def tied_ids(self) -> set[int]:
        return {m.pk for pair in self.ties for m in pair}


def flags(milestones: list[Milestone], today: dt.date) -> Flags:
    by_id = {m.pk: m for m in milestones}
    out = Flags()
    for m in milestones:
        if m.slipped_on is not None or m.is_late(today):
            out.slipped.add(m.pk)
        research = by_id.get(m.tied_to_id) if m.tied_to_id else None
        if research is None or research.status != Status.DONE:
            continue
        if m.status != Status.DONE or (
            m.done_on and research.done_on and m.done_on > research.done_on
        ):
            out.ties.append((research, m))
    return out


@dataclass(frozen=True)
class KindFigures:
    kind: str
    label: str
    planned: int
    due: int  # due by today
    done: int
    on_time: int
    slipped: int
    dropped: int


def planned_against_delivered(milestones: list[Milestone], today: dt.date) -> list[KindFigures]:
    found = flags(milestones, today)
    rows = []
    for kind in Kind:
        mine = [m for m in milestones if m.kind == kind]
        if not mine and kind == Kind.ACTION:
            continue
        done = [m for m in mine if m.status == Status.DONE]
        rows.append(
            KindFigures(
                kind=kind.value,
                label=str(kind.label),
                planned=len(mine),
                due=sum(1 for m in mine if m.due_on <= today),
                done=len(done),
                on_time=sum(1 for m in done if m.done_on and m.done_on <= m.due_on),
                slipped=sum(1 for m in mine if m.pk in found.slipped),
                dropped=sum(1 for m in mine if m.status == Status.DROPPED),
            )
        )
    return rows
