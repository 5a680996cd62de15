"""Reports in the STRIDE demo: a right-of-reply round (one reply, one decline, one person
who did not answer), a co-written GRIPP2 narrative in two versions, and one registration."""

from __future__ import annotations

from typing import Any

from workings.core.demo import DemoContext, demo_day
from workings.projects.models import Membership
from workings.projects.roles import Role
from workings.reports import services

DEMO_ORDER = 60

NARRATIVE_1 = """## SF1
We involved people with lived experience of stroke so that STRIDE would test rehabilitation
that fits real lives, not just clinic routines.

## SF5
The evening meetings suited some contributors and shut out others. We changed the time too late
for one person, who left; their reason is in the annex.
"""

NARRATIVE_2 = (
    NARRATIVE_1
    + """
## 4d
Contributors led the dissemination plan and were consulted, not involved, on the analysis: less
say than the agreement promised. The decision matrix in the annex shows where.
"""
)


def _at(day: str, hour: int = 10) -> Any:
    return demo_day(day, hour)


def build(ctx: DemoContext) -> None:
    stride = ctx.projects.get("stride")
    if stride is None:
        return
    lead = ctx.people["lead"]
    with _at("2026-10-01"):
        rnd = services.reply_round_open(
            actor=lead,
            project=stride,
            purpose="The stage 2 application to the National Stroke Research Fund",
            days=14,
        )
    invited = [
        m.user
        for m in Membership.objects.filter(
            project=stride, role=Role.CONTRIBUTOR, user_id__in=rnd.invited
        ).select_related("user")
    ]
    by_user = {u.pk: u for u in invited}
    replier = ctx.people.get("contributor1")
    decliner = ctx.people.get("contributor2")
    if replier is not None and replier.pk in by_user:
        with _at("2026-10-03", 19):
            services.reply_answer(
                actor=replier,
                project=stride,
                round_id=rnd.pk,
                kind="reply",
                statement=(
                    "The record is fair, but it makes the first year sound smoother than it "
                    "was. We were told about the outcome measures after they were chosen, and "
                    "it took three meetings to get that changed. I am proud of what we did "
                    "after that."
                ),
            )
    if decliner is not None and decliner.pk in by_user:
        with _at("2026-10-05"):
            services.reply_answer(actor=decliner, project=stride, round_id=rnd.pk, kind="decline")
    writer = ctx.people.get("contributor3") or lead
    with _at("2026-10-08"):
        version = services.narrative_save(actor=lead, project=stride, text=NARRATIVE_1, based_on=0)
    with _at("2026-10-10"):
        services.narrative_save(
            actor=writer if writer.pk in by_user else lead,
            project=stride,
            text=NARRATIVE_2,
            based_on=version.number,
        )
    with _at("2026-10-20"):
        services.registration_create(actor=lead, project=stride, audience="public")
