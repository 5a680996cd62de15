"""The demo's co-owned documents: STRIDE's plain-English summary, approved by its owners
after two rounds of suggestions, and its public involvement section, approved by a
majority while one owner dissents, then submitted with the grant application."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.core.demo import DemoContext, demo_time
from workings.documents import services, suggestions
from workings.documents.models import Document, Kind

DEMO_ORDER = 35

SUMMARY_V1 = (
    "## Aim\n\nWe want to find out if starting rehabilitation therapy at home within seven "
    "days of discharge improves functional outcomes for stroke survivors.\n\n"
    "## Background\n\nAfter a stroke, many people wait weeks for rehabilitation once they are "
    "home. Those weeks matter: people lose confidence and strength.\n\n"
    "## Design and methods\n\nA randomised controlled trial with 400 participants in six "
    "hospitals. Half will start therapy at home within a week; half will have usual care.\n\n"
    "## Patient and public involvement\n\nFour stroke survivors and carers helped choose the "
    "question and the measures, and will help explain the results.\n\n"
    "## Dissemination\n\nWe will share the results in plain English with everyone who took "
    "part, through stroke groups, and in medical journals.\n"
)
INVOLVEMENT_V1 = (
    "Public contributors have been part of STRIDE from the first idea. Four stroke survivors "
    "and carers co-wrote the plain-English summary, chose the main outcome (getting back to "
    "everyday activities) and shaped how participants are visited at home.\n\n"
    "They are paid for their time at the rate in our agreement, and they own the "
    "plain-English summary and this section: no version is sent without their approval."
)


def build(ctx: DemoContext) -> None:
    stride = ctx.projects["stride"]
    p = ctx.people
    lead, margaret, dev, kestrel = (
        p["lead"],
        p["contributor1"],
        p["contributor2"],
        p["contributor3"],
    )
    researcher = p["researcher1"]
    with demo_time(2024, 11, 4, 11):
        # Version 1 is the summary written when the project was started.
        summary = services.document_create(actor=researcher, project=stride, kind=Kind.SUMMARY)
        services.version_propose(
            actor=researcher,
            document=summary,
            base=1,
            text=SUMMARY_V1,
            note="Laid out in NIHR's five parts",
        )
    _summary_rounds(summary, researcher, lead, margaret, dev, kestrel)
    with demo_time(2024, 11, 18, 11):
        involvement = services.document_create(
            actor=lead, project=stride, kind=Kind.INVOLVEMENT, text=INVOLVEMENT_V1
        )
    with demo_time(2024, 11, 20, 11):
        services.version_approve(actor=margaret, document=involvement, number=1)
        services.version_approve(actor=dev, document=involvement, number=1)
    with demo_time(2024, 11, 21, 11):
        services.dissent_add(
            actor=kestrel,
            document=involvement,
            number=1,
            text=(
                "This reads as if we shaped everything. We were not asked about the sample "
                "size or which hospitals take part, and I would rather the funder knew that."
            ),
        )
    with demo_time(2024, 11, 29, 11):
        services.version_submit(
            actor=lead,
            document=involvement,
            number=1,
            application="National Stroke Research Fund, full application (fictional)",
            on=dt.date(2024, 11, 29),
        )


def _summary_rounds(
    summary: Document, researcher: Any, lead: Any, margaret: Any, dev: Any, kestrel: Any
) -> None:
    # Round one: two suggestions on version 2; one accepted (version 3), one rejected.
    with demo_time(2024, 11, 6, 11):
        jargon = suggestions.suggestion_make(
            actor=margaret,
            document=summary,
            number=2,
            original="improves functional outcomes for stroke survivors",
            replacement="helps stroke survivors get back to the everyday things they want to do",
        )
        hospitals = suggestions.suggestion_make(
            actor=researcher,
            document=summary,
            number=2,
            original="in six hospitals",
            replacement="in six NHS hospital trusts",
        )
    with demo_time(2024, 11, 8, 11):
        suggestions.suggestion_decide(
            actor=dev, document=summary, suggestion_id=jargon.pk, accept=True
        )
        suggestions.suggestion_decide(
            actor=kestrel, document=summary, suggestion_id=hospitals.pk, accept=False
        )
    # Round two: on version 3, one suggestion accepted (version 4).
    with demo_time(2024, 11, 11, 11):
        randomised = suggestions.suggestion_make(
            actor=kestrel,
            document=summary,
            number=3,
            original="A randomised controlled trial",
            replacement="A fair test (a randomised controlled trial), where chance decides who "
            "gets which care,",
        )
    with demo_time(2024, 11, 12, 11):
        suggestions.suggestion_decide(
            actor=margaret, document=summary, suggestion_id=randomised.pk, accept=True
        )
    with demo_time(2024, 11, 14, 11):
        for owner in (margaret, dev, kestrel):
            services.version_approve(actor=owner, document=summary, number=4)
