"""Matrix entries for the working record (pages and API), written by hand from the rules:

- everyone in the project reads the record (view_record); outsiders and the signed-out
  public see nothing of an unpublished project;
- lead, researcher and contributor write entries; observer and funder only read;
- only the lead and researchers answer feedback, once;
- only the contributor who gave feedback says whether the answer satisfies them;
- only contributors give their view of a decision and write own accounts;
- only the author edits a position or an own account.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.matrix import CONTRIBUTOR, LEAD, MEMBERS, RESEARCHER, Case, slug_kwargs

WRITERS = frozenset({LEAD, RESEARCHER, CONTRIBUTOR})
RESPONDERS = frozenset({LEAD, RESEARCHER})
CONTRIBUTORS = frozenset({CONTRIBUTOR})


def setup(world: Any) -> None:
    from workings.core import clock
    from workings.record import services

    lead, contributor = world.users["lead"], world.users["contributor"]
    p = world.project
    yesterday = clock.today() - dt.timedelta(days=1)
    meeting = services.meeting_record(
        actor=lead,
        project=p,
        occurred_on=yesterday,
        activity="meeting",
        title="Matrix meeting",
        summary="Met.",
        hours="1",
        participants=[world.memberships["contributor"].pk],
        attachments=[("n.txt", b"notes")],
    )
    open_fb = services.feedback_give(
        actor=contributor, project=p, area="methods", title="Open", text="x"
    )
    answered = services.feedback_give(
        actor=contributor, project=p, area="methods", title="Answered", text="y"
    )
    services.feedback_answer(
        actor=lead, project=p, item_id=answered.pk, outcome="adopted", what_done="a", why="b"
    )
    decision = services.decision_record(
        actor=lead,
        project=p,
        area="recruitment",
        title="D",
        text="",
        decided_by="TMG",
        influence="informed",
    )
    dis = services.disagreement_record(actor=lead, project=p, subject="S")
    position = services.position_write(actor=contributor, project=p, item_id=dis.pk, text="P")
    account = services.account_write(actor=contributor, project=p, title="A", text="Mine")
    world.extra.update(
        meeting=meeting,
        attachment=meeting.attachments.get(),
        open_feedback=open_fb,
        answered_feedback=answered,
        decision=decision,
        disagreement=dis,
        position=position,
        account=account,
    )


def _pk(key: str, name: str = "pk") -> Any:
    return lambda w: {"slug": w.project.slug, name: w.extra[key].pk}


CASES: dict[str, Case] = {
    "record:timeline": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "record:export-csv": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "record:export-json": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "record:matrix": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "record:item": Case(get=MEMBERS, post=None, kwargs=_pk("meeting")),
    "record:attachment": Case(get=MEMBERS, post=None, kwargs=_pk("attachment")),
    "record:meeting-create": Case(get=WRITERS, post=WRITERS, kwargs=slug_kwargs),
    "record:feedback-create": Case(get=WRITERS, post=WRITERS, kwargs=slug_kwargs),
    "record:decision-create": Case(get=WRITERS, post=WRITERS, kwargs=slug_kwargs),
    "record:disagreement-create": Case(get=WRITERS, post=WRITERS, kwargs=slug_kwargs),
    "record:account-create": Case(get=CONTRIBUTORS, post=CONTRIBUTORS, kwargs=slug_kwargs),
    "record:feedback-answer": Case(get=RESPONDERS, post=RESPONDERS, kwargs=_pk("open_feedback")),
    "record:feedback-satisfaction": Case(
        get=CONTRIBUTORS, post=CONTRIBUTORS, kwargs=_pk("answered_feedback")
    ),
    "record:decision-view": Case(get=CONTRIBUTORS, post=CONTRIBUTORS, kwargs=_pk("decision")),
    "record:position-create": Case(get=WRITERS, post=WRITERS, kwargs=_pk("disagreement")),
    "record:position-edit": Case(get=CONTRIBUTORS, post=CONTRIBUTORS, kwargs=_pk("position")),
    "record:disagreement-outcome": Case(get=WRITERS, post=WRITERS, kwargs=_pk("disagreement")),
    "record:account-edit": Case(get=CONTRIBUTORS, post=CONTRIBUTORS, kwargs=_pk("account")),
    "record:correction-create": Case(get=WRITERS, post=WRITERS, kwargs=_pk("meeting")),
    # API
    "api:record_timeline": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
    "api:record_item": Case(get=MEMBERS, post=None, kwargs=_pk("meeting", "item_id"), json=True),
    "api:record_matrix": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
    "api:record_meeting_create": Case(get=None, post=WRITERS, kwargs=slug_kwargs, json=True),
    "api:record_feedback_create": Case(get=None, post=WRITERS, kwargs=slug_kwargs, json=True),
    "api:record_feedback_answer": Case(
        get=None, post=RESPONDERS, kwargs=_pk("open_feedback", "item_id"), json=True
    ),
    "api:record_feedback_satisfaction": Case(
        get=None, post=CONTRIBUTORS, kwargs=_pk("answered_feedback", "item_id"), json=True
    ),
    "api:record_decision_create": Case(get=None, post=WRITERS, kwargs=slug_kwargs, json=True),
    "api:record_decision_view": Case(
        get=None, post=CONTRIBUTORS, kwargs=_pk("decision", "item_id"), json=True
    ),
    "api:record_disagreement_create": Case(get=None, post=WRITERS, kwargs=slug_kwargs, json=True),
    "api:record_position_create": Case(
        get=None, post=WRITERS, kwargs=_pk("disagreement", "item_id"), json=True
    ),
    "api:record_position_edit": Case(
        get=None,
        post=None,
        kwargs=_pk("position", "position_id"),
        json=True,
        other={"PUT": WRITERS},
    ),
    "api:record_disagreement_outcome": Case(
        get=None, post=WRITERS, kwargs=_pk("disagreement", "item_id"), json=True
    ),
    "api:record_account_create": Case(get=None, post=CONTRIBUTORS, kwargs=slug_kwargs, json=True),
    "api:record_account_edit": Case(
        get=None,
        post=None,
        kwargs=_pk("account", "item_id"),
        json=True,
        other={"PUT": CONTRIBUTORS},
    ),
    "api:record_correction_create": Case(
        get=None, post=WRITERS, kwargs=_pk("meeting", "item_id"), json=True
    ),
}
