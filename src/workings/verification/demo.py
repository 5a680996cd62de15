"""The demo's verification request: the funder's reviewer checks STRIDE's approved
involvement section with every current and former contributor. Four of five answer, one of
them Rosa, who had left, through her one-time link and without giving the funder her name;
two claims are disputed, and Kestrel lets her comment go into the annex."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.core.demo import DemoContext, demo_time
from workings.projects.models import Membership
from workings.verification import services

DEMO_ORDER = 45

# Per person: an answer per claim (claim number -> (choice, comment, may show the comment)).
ANSWERS: dict[str, dict[int, tuple[str, str, bool]]] = {
    "contributor1": {
        1: ("confirm", "", False),
        2: ("confirm", "", False),
        3: ("confirm", "", False),
    },
    "contributor2": {
        1: ("confirm", "", False),
        2: ("partly", "We chose the outcome; the home visits were mostly decided already.", False),
        3: ("confirm", "", False),
    },
    "contributor3": {
        1: ("partly", "", False),
        2: (
            "dispute",
            "We chose the main outcome, but we were not asked how participants are visited "
            "at home.",
            True,
        ),
        3: ("confirm", "", False),
    },
}
FORMER = {
    1: ("dispute", "I joined after the question had been chosen.", False),
    2: ("confirm", "", False),
    3: ("unsure", "", False),
}


def _answers(request: Any, picked: dict[int, tuple[str, str, bool]]) -> dict[str, Any]:
    claims = {c.number: c.pk for c in request.claims.filter(removed=False)}
    return {
        str(claims[n]): {"choice": choice, "comment": comment, "in_annex": public}
        for n, (choice, comment, public) in picked.items()
    }


def build(ctx: DemoContext) -> None:
    stride = ctx.projects["stride"]
    reviewer = ctx.people["funder"]
    with demo_time(2025, 11, 10, 10):
        request = services.request_create(
            actor=reviewer,
            project=stride,
            title="Checking the public involvement section (full application)",
            deadline=dt.date(2025, 12, 1),
            source="involvement",
        )
    with demo_time(2025, 11, 10, 11):
        request, tokens = services.request_send(actor=reviewer, request=request)
    for day, key in ((12, "contributor1"), (14, "contributor3"), (17, "contributor2")):
        with demo_time(2025, 11, day, 15):
            services.answer_as_member(
                actor=ctx.people[key],
                request=request,
                answers=_answers(request, ANSWERS[key]),
                anonymous=False,
            )
    former = Membership.objects.filter(
        project=stride, role="contributor", left_at__isnull=False
    ).values_list("user_id", flat=True)
    with demo_time(2025, 11, 20, 18):
        services.answer_by_link(
            token=tokens[former[0]], answers=_answers(request, FORMER), anonymous=True
        )
    with demo_time(2025, 11, 24, 9):
        # The worker's reminder a week before the deadline: Winston has not answered.
        services.request_remind(actor=None, request=request)
    with demo_time(2025, 12, 2, 6):
        services.request_close(actor=None, request=request)
