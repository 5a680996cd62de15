"""The demo's plan: STRIDE's research and involvement milestones over its three years, one
tied pair done out of order (the leaflet was finished after recruitment had opened), one
slipped milestone (recruitment is behind), the training and support log, and the steering
committee's minutes: one set made final after two contributors' comments, and one draft with
two contributors' comments."""

from __future__ import annotations

from typing import Any

from workings.core.demo import DemoContext, demo_day
from workings.plans import services
from workings.plans.models import Milestone
from workings.projects.models import Membership

DEMO_ORDER = 45

# key: (kind, title, due, owner, tied to, done on, progress, planned on)
MILESTONES: dict[str, tuple[str, str, str, str, str, str, int]] = {
    "ethics": (
        "research",
        "Protocol submitted for ethics approval",
        "2024-12-15",
        "researcher1",
        "",
        "2024-12-10",
        100,
    ),
    "review": (
        "involvement",
        "Contributors review the protocol before ethics submission",
        "2024-11-30",
        "contributor1",
        "ethics",
        "2024-11-25",
        100,
    ),
    "recruit_open": (
        "research",
        "Recruitment opens in three stroke units",
        "2025-04-01",
        "researcher2",
        "",
        "2025-03-20",
        100,
    ),
    "leaflet": (
        "involvement",
        "Contributors shape the recruitment leaflet",
        "2025-03-25",
        "contributor2",
        "recruit_open",
        "2025-03-24",
        100,
    ),
    "review_year1": (
        "involvement",
        "First yearly review of how involvement is going",
        "2025-09-30",
        "lead",
        "",
        "2025-09-25",
        100,
    ),
    "first_100": (
        "research",
        "First 100 participants recruited",
        "2025-10-31",
        "researcher2",
        "",
        "2025-10-20",
        100,
    ),
    "recruit_all": (
        "research",
        "Recruitment complete: 300 participants",
        "2026-06-30",
        "researcher2",
        "",
        "",
        80,
    ),
    "analysis": (
        "research",
        "Analysis of the main outcome complete",
        "2027-03-31",
        "researcher1",
        "",
        "",
        0,
    ),
    "co_analysis": (
        "involvement",
        "Contributors help make sense of the interview findings",
        "2027-02-28",
        "contributor3",
        "analysis",
        "",
        0,
    ),
    "report": ("research", "Final report to the funder", "2027-08-15", "lead", "", "", 0),
    "lay_summary": (
        "involvement",
        "Contributors co-write the plain-English summary of results",
        "2027-06-30",
        "contributor4",
        "report",
        "",
        0,
    ),
}

TRAINING = (
    # (person, kind, what, day, given by, hours)
    (
        "contributor1",
        "training",
        "Research awareness: how a trial works",
        "2024-10-14",
        "The regional research support service",
        "3",
    ),
    (
        "contributor2",
        "training",
        "Research awareness: how a trial works",
        "2024-10-14",
        "The regional research support service",
        "3",
    ),
    (
        "contributor3",
        "support",
        "Help setting up video calls at home",
        "2024-11-02",
        "Tom Brennan",
        "1",
    ),
    (
        "contributor4",
        "mentoring",
        "Buddy for the first steering group meetings",
        "2025-01-20",
        "Margaret Hughes",
        "",
    ),
    (
        "researcher1",
        "training",
        "Working with public contributors",
        "2024-10-21",
        "The funder's involvement team",
        "2",
    ),
    (
        "contributor2",
        "training",
        "Reading a statistical analysis plan",
        "2025-06-09",
        "Dr Priya Natarajan",
        "2",
    ),
)


def build(ctx: DemoContext) -> None:
    stride = ctx.projects["stride"]
    if Milestone.objects.filter(project=stride).exists():
        return
    lead = ctx.people["lead"]
    member = {
        key: Membership.objects.get(project=stride, user=ctx.people[key]).pk
        for key in (
            "lead",
            "researcher1",
            "researcher2",
            "contributor1",
            "contributor2",
            "contributor3",
            "contributor4",
        )
    }
    made: dict[str, Any] = {}
    with demo_day("2024-10-01", 10):
        for key, (kind, title, due, owner, tied, _done, _progress) in MILESTONES.items():
            made[key] = services.milestone_add(
                actor=lead,
                project=stride,
                kind=kind,
                title=title,
                due_on=due,
                owner=member[owner],
                tied_to=made[tied].pk if tied else None,
            )
    for key, (_kind, _title, _due, _owner, _tied, done, progress) in MILESTONES.items():
        if done:
            with demo_day(done, 16):
                services.milestone_progress(actor=lead, milestone=made[key], status="done")
        elif progress:
            with demo_day("2026-05-15", 11):
                services.milestone_progress(
                    actor=lead, milestone=made[key], status="under_way", progress=progress
                )
    with demo_day("2026-07-01", 6):
        services.milestone_slip_record(
            milestone=made["recruit_all"], today=stride_day("2026-07-01")
        )
    _evidence(ctx, stride, made)
    for person, kind, what, day, given_by, hours in TRAINING:
        with demo_day(day, 15):
            services.training_log(
                actor=lead,
                project=stride,
                person=member[person],
                kind=kind,
                what=what,
                given_on=day,
                given_by=given_by,
                hours=hours,
            )
    from workings.plans.demo_minutes import build_minutes

    build_minutes(ctx, stride)


def stride_day(day: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(day)


def _evidence(ctx: DemoContext, stride: Any, made: dict[str, Any]) -> None:
    """What shows two milestones happened: the first meeting in the record, and the
    project's plain-English summary."""
    from workings.documents.models import Document
    from workings.record.models import Item

    meeting = Item.objects.filter(project=stride, kind="meeting").order_by("occurred_on", "pk")
    document = Document.objects.filter(project=stride).order_by("pk").first()
    with demo_day("2024-11-26", 10):
        if meeting.exists():
            services.evidence_add(
                actor=ctx.people["contributor1"],
                milestone=made["review"],
                kind="entry",
                ref=meeting.first().pk,
                note="The meeting where we went through the protocol",
            )
        services.evidence_add(
            actor=ctx.people["lead"],
            milestone=made["review"],
            kind="link",
            path=f"/projects/{stride.slug}/agreement/",
            note="What we agreed about reviews",
        )
    if document is not None:
        with demo_day("2025-03-24", 17):
            services.evidence_add(
                actor=ctx.people["contributor2"],
                milestone=made["leaflet"],
                kind="document",
                ref=document.pk,
                note="The plain-English summary the leaflet is based on",
            )
