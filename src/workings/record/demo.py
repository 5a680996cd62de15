"""The working record of STRIDE, September 2024 to September 2026: about sixty entries.

Includes a heated disagreement about the primary outcome that ended in a compromise, feedback
that was never answered (now overdue), a recruitment decision in which contributors had less
say than the agreement promised, own accounts (one by Kestrel, who takes part under a
pseudonym), corrections, and a contributor who joined and later left."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress

from workings.accounts.models import User
from workings.core.demo import DemoContext, demo_day
from workings.projects import services as project_services
from workings.projects.models import Membership
from workings.record import services
from workings.record.demo_data.decisions import DECISIONS
from workings.record.demo_data.feedback import FEEDBACK
from workings.record.demo_data.meetings import MEETINGS

DEMO_ORDER = 30


def _at(day: str, hour: int = 17) -> Any:
    return demo_day(day, hour)


def _ms(stride: Any) -> dict[int, int]:
    return {m.user_id: m.pk for m in Membership.objects.filter(project=stride)}


def _rosa(ctx: DemoContext, stride: Any) -> Any:
    """A contributor who joined, took part for a year, and then walked away."""
    email = "rosa.lindqvist@example.org"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=ctx.password, display_name="Rosa L.")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    with _at("2024-10-07", 9):
        _, token = project_services.invitation_create(
            actor=ctx.people["lead"], project=stride, email=email, role="contributor"
        )
    with _at("2024-10-08", 9):
        project_services.invitation_accept(
            actor=user, token=token, display_name="Rosa L.", credit="pseudonym"
        )
    ctx.people["contributor5"] = user
    return user


def build(ctx: DemoContext) -> None:
    stride = ctx.projects["stride"]
    p = ctx.people
    rosa = _rosa(ctx, stride)
    people = {**p, "contributor5": rosa}
    ms = _ms(stride)
    items: dict[str, Any] = {}

    def member_ids(keys: list[str]) -> list[int]:
        return [ms[people[k].pk] for k in keys]

    for m in MEETINGS:
        with _at(m["on"]):
            items[m["key"]] = services.meeting_record(
                actor=people[m["by"]],
                project=stride,
                occurred_on=m["on"],
                activity=m["kind"],
                title=m["title"],
                summary=m["summary"],
                hours=m["hours"],
                participants=member_ids(m["who"]),
                area=m.get("area", ""),
                attachments=m.get("files"),
            )
    for f in FEEDBACK:
        with _at(f["on"]):
            item = services.feedback_give(
                actor=people[f["by"]],
                project=stride,
                area=f["area"],
                title=f["title"],
                text=f["text"],
                on_behalf_of=f.get("group", ""),
                occurred_on=f["on"],
            )
        items[f["key"]] = item
        if "answer" in f:
            a = f["answer"]
            with _at(a["on"]):
                services.feedback_answer(
                    actor=people[a["by"]],
                    project=stride,
                    item_id=item.pk,
                    outcome=a["outcome"],
                    what_done=a["did"],
                    why=a["because"],
                    answer_due_on=a.get("real_answer_by"),
                )
            if "verdict" in a:
                satisfied, why, on = a["verdict"]
                with _at(on):
                    services.feedback_mark_satisfaction(
                        actor=people[f["by"]],
                        project=stride,
                        item_id=item.pk,
                        satisfied=satisfied,
                        why=why,
                    )
    for d in DECISIONS:
        with _at(d["on"]):
            item = services.decision_record(
                actor=people[d["by"]],
                project=stride,
                area=d["area"],
                title=d["title"],
                text=d["text"],
                decided_by=d["decided_by"],
                influence=d["influence"],
                occurred_on=d["on"],
            )
        items[d["key"]] = item
        for who, stance, words, on in d.get("views", []):
            with _at(on):
                services.decision_view_give(
                    actor=people[who], project=stride, item_id=item.pk, stance=stance, words=words
                )
    _disagreements(stride, people, items)
    _accounts_and_corrections(stride, people, items)
    with _at("2025-11-03", 12):
        project_services.membership_leave(
            actor=rosa,
            project=stride,
            reason=(
                "My husband's health has changed and I need to be at home. I have valued "
                "this group more than I can say."
            ),
            credit="pseudonym",
        )


def _disagreements(stride: Any, people: dict[str, Any], items: dict[str, Any]) -> None:
    lead, c1, c3 = people["lead"], people["contributor1"], people["contributor3"]
    with _at("2024-11-20"):
        outcome = services.disagreement_record(
            actor=lead,
            project=stride,
            subject="What STRIDE's primary outcome should be",
            area="primary_outcome",
            occurred_on="2024-11-20",
            text=(
                "At the November outcomes workshop the research team proposed the modified "
                "Rankin Scale (mRS) at six months as the single primary outcome. Contributors "
                "objected strongly. The workshop ran 40 minutes over and ended without "
                "agreement; we agreed to write down both positions and meet again."
            ),
        )
    items["outcome_disagreement"] = outcome
    with _at("2024-11-22"):
        researchers = services.position_write(
            actor=lead,
            project=stride,
            item_id=outcome.pk,
            text=(
                "The mRS is what stroke trials are compared on. Reviewers, the funder and "
                "NICE will expect it, and our sample size (n = 420) is calculated on it. A "
                "trial with an unfamiliar primary outcome risks being dismissed, however "
                "good the intervention is."
            ),
        )
    with _at("2024-11-24"):
        services.position_write(
            actor=c1,
            project=stride,
            item_id=outcome.pk,
            text=(
                "A score of 2 on the Rankin scale tells you nothing about whether I can make "
                "a cup of tea, get to the post office or look after my grandson on a "
                "Wednesday. Those are what we mean by recovery. If STRIDE only counts the "
                "scale, it will tell the world the wrong thing about what matters.\n\n"
                "We want an everyday-activity measure, chosen with us, as the primary outcome."
            ),
        )
    with _at("2024-11-26"):
        services.position_write(
            actor=c3,
            project=stride,
            item_id=outcome.pk,
            text=(
                "I was a 1 on the Rankin scale six months after my stroke: 'no significant "
                "disability'. I could not go back to work, could not drive and did not leave "
                "the house alone for a year. Please don't build a trial on that number alone."
            ),
        )
    with _at("2024-12-02"):
        services.position_edit(
            actor=lead,
            project=stride,
            position_id=researchers.pk,
            text=(
                "The mRS is what stroke trials are compared on. Reviewers, the funder and "
                "NICE will expect it, and our sample size (n = 420) is calculated on it.\n\n"
                "Having read the contributors' positions, we accept that the mRS misses what "
                "people value. We could add an everyday-activity measure if it is validated "
                "and the sample size still holds."
            ),
        )
    with _at("2025-01-14"):
        services.disagreement_settle(
            actor=lead,
            project=stride,
            item_id=outcome.pk,
            outcome="compromise",
            outcome_text=(
                "Co-primary outcomes: the mRS at six months, and the Nottingham Extended "
                "Activities of Daily Living scale (NEADL), with contributor-chosen items "
                "reported alongside. Agreed at the January steering group."
            ),
            research_team_gave=(
                "A second primary outcome, 60 more participants (n = 480) and three months "
                "added to recruitment to keep the power."
            ),
            contributors_gave=(
                "Keeping the mRS as a co-primary outcome, and accepting the NEADL rather "
                "than a new measure written from scratch."
            ),
            what_changed="Protocol version 2.0, the sample size and the recruitment timeline.",
        )
    with _at("2025-06-10"):
        letters = services.disagreement_record(
            actor=people["researcher1"],
            project=stride,
            subject="Whether results letters go to participants before publication",
            area="dissemination",
            occurred_on="2025-06-10",
        )
    with _at("2025-06-12"):
        services.position_write(
            actor=people["contributor2"],
            project=stride,
            item_id=letters.pk,
            text="People gave us their time. They should hear the results from us, first.",
        )
    with _at("2025-06-13"):
        services.position_write(
            actor=people["researcher1"],
            project=stride,
            item_id=letters.pk,
            text="Journals can refuse papers whose results were released early.",
        )
    with _at("2025-07-01"):
        services.disagreement_settle(
            actor=people["lead"],
            project=stride,
            item_id=letters.pk,
            outcome="resolved",
            outcome_text=(
                "The journal confirmed a plain-language letter to participants is fine. "
                "Letters will go out the week the paper is submitted."
            ),
            what_changed="The dissemination plan.",
        )
    with _at("2026-08-18"):
        services.disagreement_record(
            actor=people["contributor4"],
            project=stride,
            subject="Paying contributors for travel time to sites",
            area="budget",
            occurred_on="2026-08-18",
            text="Still being discussed with the finance office.",
        )


def _accounts_and_corrections(stride: Any, people: dict[str, Any], items: dict[str, Any]) -> None:
    with _at("2025-01-20"):
        services.account_write(
            actor=people["contributor3"],
            project=stride,
            about_id=items["outcome_disagreement"].pk,
            title="Being heard about the outcome, by Kestrel",
            text=(
                "I nearly didn't go back after the November workshop. I had said the most "
                "personal thing I have said in a meeting, about the year I didn't leave the "
                "house, and the next slide was the sample size.\n\n"
                "What changed it was Amara phoning me the week after, and the research team "
                "writing their position down where we could all read it. It was easier to "
                "disagree on paper than in a room.\n\n"
                "The compromise is not everything we asked for. But the NEADL is in the "
                "protocol because of us, and it is written down here that it is."
            ),
        )
    with _at("2026-02-09"):
        services.account_write(
            actor=people["contributor1"],
            project=stride,
            about_id=items["recruitment_decision"].pk,
            title="Told, not asked: the recruitment change",
            text=(
                "The agreement promised us a real say in recruitment. We found out that "
                "the hospital sites were dropped from an email with the new protocol attached.\n\n"
                "I understand why it happened: the sites were slow, and the money was running "
                "out. But we had ideas about the sites, from having been patients in them. "
                "Nobody asked. I am writing this so the record shows it."
            ),
        )
    with _at("2025-03-05"):
        services.correction_make(
            actor=people["researcher1"],
            project=stride,
            item_id=items["m_feb25"].pk,
            text="The meeting lasted 3 hours, not 2: we ran over on the recruitment materials.",
        )
    with _at("2025-10-02"):
        services.correction_make(
            actor=people["researcher2"],
            project=stride,
            item_id=items["m_sep25"].pk,
            text="Winston Clarke also took part, by phone, for the first hour.",
        )
    with _at("2026-04-20"):
        services.correction_make(
            actor=people["lead"],
            project=stride,
            item_id=items["d_budget26"].pk,
            text="The amount moved was £1,850, not £1,500; the difference was expenses.",
        )
