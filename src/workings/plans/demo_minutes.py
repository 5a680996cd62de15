"""The demo's steering committee minutes: the spring meeting's minutes, made final after two
contributors commented (with what changed), and the summer meeting's draft with two
contributors' comments."""

from __future__ import annotations

from typing import Any

from workings.core.demo import DemoContext, demo_day
from workings.plans import minutes

SPRING_DRAFT = """Present: the project lead, two researchers, four contributors.

1. Recruitment is slower than planned in two of the three stroke units.
2. The team proposed adding a fourth unit.
3. Decision: add a fourth unit from July."""

SPRING_FINAL = """Present: the project lead, two researchers, four contributors.

1. Recruitment is slower than planned in two of the three stroke units.
2. The team proposed adding a fourth unit.
3. Contributors asked that the leaflet is checked with carers first.
4. Decision: add a fourth unit from July, once carers have checked the leaflet."""

SUMMER_DRAFT = """Present: the project lead, one researcher, three contributors.

1. The fourth stroke unit started recruiting in July.
2. Home visits: the team will offer evening visits.
3. The next meeting is in the autumn."""


def build_minutes(ctx: DemoContext, stride: Any) -> None:
    lead = ctx.people["lead"]
    with demo_day("2026-04-20", 11):
        spring = minutes.minutes_draft(
            actor=lead,
            project=stride,
            title="Steering committee, spring 2026",
            met_on="2026-04-16",
            draft=SPRING_DRAFT,
            comments_until="2026-05-04",
        )
    with demo_day("2026-04-23", 19):
        minutes.minutes_comment(
            actor=ctx.people["contributor1"],
            minutes=spring,
            body="We also asked for the leaflet to be checked with carers before the new "
            "unit starts. That is missing.",
        )
    with demo_day("2026-04-28", 9):
        minutes.minutes_comment(
            actor=ctx.people["contributor3"],
            minutes=spring,
            body="I agree with the first comment. Otherwise these are right.",
        )
    with demo_day("2026-05-06", 10):
        minutes.minutes_finalise(
            actor=lead,
            minutes=spring,
            final=SPRING_FINAL,
            change_note="Added the contributors' request that carers check the leaflet "
            "first, and made the decision depend on it, as two contributors said.",
        )
    with demo_day("2026-07-14", 12):
        summer = minutes.minutes_draft(
            actor=ctx.people["researcher1"],
            project=stride,
            title="Steering committee, summer 2026",
            met_on="2026-07-10",
            draft=SUMMER_DRAFT,
            comments_until="2026-07-31",
        )
    with demo_day("2026-07-16", 18):
        minutes.minutes_comment(
            actor=ctx.people["contributor2"],
            minutes=summer,
            body="Evening visits were agreed for weekdays only. Please say so.",
        )
    with demo_day("2026-07-20", 10):
        minutes.minutes_comment(
            actor=ctx.people["contributor4"],
            minutes=summer,
            body="Could the minutes say who will phone people to arrange the visits?",
        )
