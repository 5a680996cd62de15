"""Demo concerns in STRIDE: an open concern resolved at the first stage, a confidential one
moved on to the funder's reviewer after an overdue stage, and an anonymous one still open.
The anonymous concern's receipt code was shown once, to nobody: it is not printed or kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.concerns import reads, services
from workings.core.demo import DemoContext, demo_day
from workings.events.services import sealed_batch_append

DEMO_ORDER = 40


def _at(day: str, hour: int = 11) -> Any:
    return demo_day(day, hour)


def build(ctx: DemoContext) -> None:
    stride = ctx.projects["stride"]
    people = ctx.people
    with _at("2026-05-04"):
        papers = services.concern_raise(
            actor=people["contributor1"],
            project=stride,
            mode="open",
            subject="Meeting papers arrive too late to read",
            what_happened=(
                "For the last three steering meetings the papers came the evening before. "
                "I need a few days to read them properly, with my screen reader."
            ),
            outcome_wanted="Papers sent at least five working days before each meeting.",
        )
    with _at("2026-05-08", 15):
        services.concern_reply(
            actor=people["lead"],
            concern=papers,
            body=(
                "You are right, and I am sorry. From the June meeting, papers go out a full "
                "week ahead, in accessible Word as well as PDF."
            ),
        )
    with _at("2026-05-11"):
        services.concern_reply(
            actor=people["contributor1"], concern=papers, body="Thank you. That works for me."
        )
        services.concern_close(actor=people["contributor1"], concern=papers, outcome="resolved")

    with _at("2026-05-18", 20):
        talked_over = services.concern_raise(
            actor=people["contributor2"],
            project=stride,
            mode="confidential",
            subject="My views are dismissed in the analysis meetings",
            what_happened=(
                "When I question the choice of outcome measure I am talked over, and the "
                "minutes do not record what I said."
            ),
            outcome_wanted="That my view is recorded, and someone outside the team looks at this.",
        )
    if talked_over.has_next_stage:
        # Nobody answered within the stage's response time, so the raiser moved it on.
        escalate_on = talked_over.stage_due_on + dt.timedelta(days=1)
        with _at(escalate_on.isoformat()):
            talked_over = services.concern_escalate(
                actor=people["contributor2"],
                concern=talked_over,
                reason="No answer from the independent person in time.",
            )
    with _at((talked_over.stage_started_on + dt.timedelta(days=3)).isoformat(), 14):
        # Helen reads it first: the read is recorded, and Dev sees who read it and when.
        reads.note_concern_read(people["funder"], talked_over, via="page")
        services.concern_reply(
            actor=people["funder"],
            concern=talked_over,
            body=(
                "Thank you for raising this. I have read the minutes of the last two meetings. "
                "I would like to ask the team for a response; I will send you a summary to "
                "approve first, so they see only what you agree to."
            ),
        )

    with _at("2026-06-22", 9):
        services.concern_raise_anonymous(
            project=stride,
            subject="Pressure to sign the consent wording",
            what_happened=(
                "Some of us felt hurried into agreeing the consent wording at the last "
                "workshop, with no time to ask questions."
            ),
            outcome_wanted="A second look at the wording, with time for questions.",
        )
    # The worker appends sealed entries in a daily batch once their day is over; the demo's
    # days are long past, so it runs the batch now.
    sealed_batch_append()
