"""The demo's audit: STRIDE's first scheduled audit, a year after it started, with the
self-assessments of both sides (one contributor answered anonymously), two findings with
their actions, and the funder's reviewer's signature."""

from __future__ import annotations

from workings.audits import services
from workings.audits.models import Audit, AuditKind
from workings.core.demo import DemoContext, demo_day
from workings.projects.models import Membership

DEMO_ORDER = 50

# person: ratings in the Standards' order (inclusive, working together, support,
# communications, impact, governance), and whether they answered anonymously.
ANSWERS = {
    "contributor1": ((4, 4, 5, 3, 3, 2), False),
    "contributor2": ((3, 4, 4, 2, 3, 2), False),
    "contributor3": ((3, 3, 4, 3, 2, 1), True),
    "contributor4": ((4, 5, 4, 3, 3, 3), False),
    "lead": ((4, 5, 4, 4, 4, 4), False),
    "researcher1": ((4, 4, 4, 4, 3, 4), False),
    "researcher2": ((3, 4, 4, 4, 4, 3), False),
}
KEYS = ("inclusive", "working_together", "support", "communications", "impact", "governance")


def build(ctx: DemoContext) -> None:
    stride = ctx.projects["stride"]
    if Audit.objects.filter(project=stride).exists():
        return
    with demo_day("2025-09-01", 6):
        audit = services.audit_open(actor=None, project=stride, kind=AuditKind.SCHEDULED)
    for i, (key, (ratings, anonymous)) in enumerate(ANSWERS.items()):
        with demo_day(f"2025-09-{3 + i:02d}", 14):
            services.assessment_give(
                actor=ctx.people[key],
                audit=audit,
                ratings=dict(zip(KEYS, ratings, strict=True)),
                anonymous=anonymous,
            )
    owner = {
        key: Membership.objects.get(project=stride, user=ctx.people[key]).pk
        for key in ("lead", "researcher1")
    }
    with demo_day("2025-10-06", 11):
        services.finding_add(
            actor=ctx.people["funder"],
            audit=audit,
            standard="governance",
            text="Contributors rate their say in how the project is run far lower than the "
            "team does. No contributor sits on the trial steering committee.",
            action="Invite two contributors to join the trial steering committee",
            owner=owner["lead"],
            due_on="2025-12-31",
        )
        services.finding_add(
            actor=ctx.people["contributor1"],
            audit=audit,
            standard="communications",
            text="Meeting papers often arrive the day before, too late to read them properly.",
            action="Send meeting papers at least a week before each meeting",
            owner=owner["researcher1"],
            due_on="2027-01-31",
        )
    with demo_day("2025-10-15", 10):
        services.audit_sign(
            actor=ctx.people["funder"],
            audit=audit,
            statement="Involvement is real and well supported. The gap on governance is the "
            "main thing to put right; the actions agreed should close it.",
        )
    first = audit.findings.order_by("id").first()
    with demo_day("2025-12-10", 12):
        from workings.plans.services import milestone_progress

        milestone_progress(actor=ctx.people["lead"], milestone=first.action, status="done")
