"""A small record built by hand, one service call at a time and at known dates, so the test
knows every figure the annex should show without asking the annex (see test_figures.py).

What happens, in order (the clock is frozen at each step):
- 2 March 2026: Lena Lead starts the project; Rita (researcher), Carl (contributor, by
  name), Pat (contributor, pseudonym "Kestrel"), Ann (contributor, anonymous), Lou
  (contributor, by name) and Olive (observer) join. Carl gives feedback F1.
- 3 March: the template agreement is proposed and signed by the lead and the four
  contributors; Kestrel agrees with reservations. It comes into force. Carl gives F2.
- 4 March: Carl gives F3 (never answered; due 18 March, 14 days under the agreement).
- 5 March: three activities: a 2-hour meeting and a 3-hour meeting on the research
  question, a 1.5-hour workshop on methods.
- 7 March: F1 answered (5 days). Carl is satisfied. 12 March: F2 answered (9 days). Carl is
  not satisfied.
- 10 March: two decisions: the research question with contributors only consulted (the
  agreement promised collaborating: a shortfall), methods with contributors involved
  (promised consulted: no shortfall). Carl disagrees with the first, in his own words.
- 11 March: disagreement D1, settled 13 March as a compromise; D2 on 12 March, still open.
- 20 March: Carl writes an own account. 25 March: Lou leaves, giving a reason.
- 26 March: Carl raises an open concern; he closes it as resolved on 2 April (7 days).
- 3 April: Kestrel raises a confidential concern (sealed).
- 5 April: the lead changes the funder's name, then erases that entry ("Personal data"). (The
  summary is a co-owned document now, which the lead does not edit.)
- 6 April: the involvement budget goes from 1,000 to 1,500 GBP.
- 10 April: a 10-day right of reply opens for the three current contributors; Carl adds a
  statement, Kestrel declines, Ann does not answer.
- 15 April: the lead registers the team annex.
- 20 April: Carl gives F4 (due 4 May). 30 April: a 1-hour training on methods, the last entry.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from workings.core.clock import frozen_at

PSEUDONYM = "pseudonym"


def at(month: int, day: int, hour: int = 10) -> Any:
    return frozen_at(dt.datetime(2026, month, day, hour, 0, tzinfo=dt.UTC))


@dataclass
class Hand:
    project: Any
    people: dict[str, Any]
    # log sizes at moments the test needs: before the budget change, at registration
    sizes: dict[str, int] = field(default_factory=dict)


def build() -> Hand:
    from tests.factories import add_member, make_project, make_user
    from workings.agreements import services as agreements
    from workings.concerns import services as concerns
    from workings.events.models import Log
    from workings.events.services import entry_erase
    from workings.projects import services as projects
    from workings.record.services import decisions, disagreements, feedback, meetings
    from workings.record.services.accounts import account_write
    from workings.reports import services as reports

    p: dict[str, Any] = {}
    with at(3, 2):
        p["lead"] = make_user("lena@hand.example", "Lena Lead")
        project = make_project(p["lead"], "Hand-built project", start_date=dt.date(2026, 1, 1))
        joins = [
            ("rita", "Rita Researcher", "researcher", {}),
            ("carl", "Carl Contributor", "contributor", {}),
            (
                "pat",
                "Pat Realname",
                "contributor",
                {"display_name": "Kestrel", "credit": "pseudonym"},
            ),
            ("ann", "Ann Realname", "contributor", {"credit": "anonymous"}),
            ("lou", "Lou Leaver", "contributor", {}),
            ("olive", "Olive Observer", "observer", {}),
        ]
        m: dict[str, Any] = {}
        for key, name, role, answer in joins:
            p[key] = make_user(f"{key}@hand.example", name)
            m[key] = add_member(project, p["lead"], p[key], role, **answer)
        f1 = feedback.feedback_give(
            actor=p["carl"], project=project, area="question", title="F1", text="Say one."
        )
    with at(3, 3):
        v = agreements.draft_start(actor=p["lead"], project=project, source="template")
        v = agreements.version_propose(actor=p["lead"], version=v)
        for key in ("lead", "carl", "pat", "ann", "lou"):
            words = "Payment is too slow." if key == "pat" else ""
            answer = "agree_with_reservations" if key == "pat" else "agree"
            agreements.signature_create(actor=p[key], version=v, answer=answer, words=words)
        f2 = feedback.feedback_give(
            actor=p["carl"], project=project, area="methods", title="F2", text="Say two."
        )
    with at(3, 4):
        feedback.feedback_give(
            actor=p["carl"], project=project, area="analysis", title="F3", text="Say three."
        )
    with at(3, 5):
        for activity, hours, area in (
            ("meeting", "2", "question"),
            ("workshop", "1.5", "methods"),
            ("meeting", "3", "question"),
        ):
            meetings.meeting_record(
                actor=p["lead"],
                project=project,
                occurred_on=dt.date(2026, 3, 5),
                activity=activity,
                title=f"A {activity}",
                summary="We met.",
                hours=hours,
                participants=[m["carl"].pk, m["pat"].pk],
                area=area,
            )
    with at(3, 7):
        feedback.feedback_answer(
            actor=p["lead"],
            project=project,
            item_id=f1.pk,
            outcome="adopted",
            what_done="Done one.",
            why="Because one.",
        )
        feedback.feedback_mark_satisfaction(
            actor=p["carl"], project=project, item_id=f1.pk, satisfied=True
        )
    with at(3, 10):
        d1 = decisions.decision_record(
            actor=p["lead"],
            project=project,
            area="question",
            title="Question chosen",
            text="",
            decided_by="The lead",
            influence="consulted",
        )
        decisions.decision_record(
            actor=p["lead"],
            project=project,
            area="methods",
            title="Methods chosen",
            text="",
            decided_by="Everyone",
            influence="involved",
        )
        decisions.decision_view_give(
            actor=p["carl"],
            project=project,
            item_id=d1.pk,
            stance="disagree",
            words="We were only asked at the end.",
        )
    with at(3, 11):
        dis1 = disagreements.disagreement_record(actor=p["lead"], project=project, subject="D1")
    with at(3, 12):
        feedback.feedback_answer(
            actor=p["rita"],
            project=project,
            item_id=f2.pk,
            outcome="not_adopted",
            what_done="Nothing yet.",
            why="No money.",
        )
        feedback.feedback_mark_satisfaction(
            actor=p["carl"], project=project, item_id=f2.pk, satisfied=False, why="Too slow."
        )
        disagreements.disagreement_record(actor=p["lead"], project=project, subject="D2")
    with at(3, 13):
        disagreements.disagreement_settle(
            actor=p["lead"],
            project=project,
            item_id=dis1.pk,
            outcome="compromise",
            outcome_text="We met halfway.",
            research_team_gave="Time.",
            contributors_gave="Patience.",
        )
    with at(3, 20):
        account_write(actor=p["carl"], project=project, title="My account", text="In my words.")
    with at(3, 25):
        projects.membership_leave(
            actor=p["lou"], project=project, reason="Too many evening meetings.", credit="name"
        )
    with at(3, 26):
        concern = concerns.concern_raise(
            actor=p["carl"],
            project=project,
            mode="open",
            subject="Late papers",
            what_happened="Papers came late.",
            outcome_wanted="Earlier papers.",
        )
    with at(4, 2):
        concerns.concern_close(actor=p["carl"], concern=concern, outcome="resolved")
    with at(4, 3):
        concerns.concern_raise(
            actor=p["pat"],
            project=project,
            mode="confidential",
            subject="Sealed subject",
            what_happened="Sealed words.",
            outcome_wanted="Sealed wish.",
        )
    base = dict(project.snapshot())
    with at(4, 5):
        projects.project_update(
            actor=p["lead"],
            project=project,
            **{**base, "funder_name": "Call Lena on 0700 000 000."},
        )
        project.refresh_from_db()
        entry_erase(
            actor=p["lead"], project=project, seq=project.last_event_seq, reason="Personal data"
        )
        projects.project_update(actor=p["lead"], project=project, **base)
    sizes = {"before_budget": Log.objects.get(project=project).size}
    with at(4, 6):
        projects.project_update(
            actor=p["lead"], project=project, **{**base, "involvement_budget": "1500"}
        )
    with at(4, 10):
        rnd = reports.reply_round_open(
            actor=p["lead"], project=project, purpose="Grant renewal", days=10
        )
        reports.reply_answer(
            actor=p["carl"],
            project=project,
            round_id=rnd.pk,
            kind="reply",
            statement="It was mostly good.",
        )
        reports.reply_answer(actor=p["pat"], project=project, round_id=rnd.pk, kind="decline")
    with at(4, 15):
        reg = reports.registration_create(actor=p["lead"], project=project, audience="team")
        sizes["registered_at"] = reg.checkpoint_size
    with at(4, 20):
        feedback.feedback_give(
            actor=p["carl"], project=project, area="analysis", title="F4", text="Say four."
        )
    with at(4, 30):
        meetings.meeting_record(
            actor=p["lead"],
            project=project,
            occurred_on=dt.date(2026, 4, 30),
            activity="training",
            title="Training",
            summary="We learnt.",
            hours="1",
            participants=[m["carl"].pk],
            area="methods",
        )
    project.refresh_from_db()
    return Hand(project=project, people=p, sizes=sizes)
