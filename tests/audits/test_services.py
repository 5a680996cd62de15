"""Asking for, answering, adding to and signing an audit: bad input refused plainly with
nothing written, each side's totals shown only from three answers, and the separation of
powers (the lead neither signs nor reads anyone's answers)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.audits.helpers import at
from tests.documents.helpers import more_contributors
from tests.factories import add_member, build_world, make_user
from tests.record.helpers import meeting
from workings.audits import selectors, services
from workings.audits.models import Audit, Finding, SelfAssessment
from workings.audits.standards import Standard
from workings.core.exceptions import Conflict, NotAllowed, ValidationFailed
from workings.plans.models import Milestone

pytestmark = pytest.mark.django_db

ALL_FOUR = {s.value: 4 for s in Standard}


@pytest.fixture
def world() -> Any:
    w = build_world()
    with at("2026-02-01"):
        meeting(w)
    return w


def _open(world: Any) -> Audit:
    with at("2026-06-01"):
        return services.audit_open(actor=world.users["funder"], project=world.project)


def test_an_audit_of_a_project_with_no_record_is_refused(world: Any) -> None:
    lead = world.users["other_lead"]
    from workings.projects.models import Membership

    contributor = make_user("c2@example.org")
    add_member(world.other_project, lead, contributor, "contributor")
    with pytest.raises(ValidationFailed) as caught:
        services.audit_open(actor=contributor, project=world.other_project)
    assert "nothing in its record" in caught.value.message
    assert not Audit.objects.exists()
    assert Membership.objects.filter(project=world.other_project).count() == 2


def test_who_may_ask_for_an_audit(world: Any) -> None:
    for role in ("lead", "researcher", "observer", "outsider"):
        with pytest.raises(NotAllowed):
            services.audit_open(actor=world.users[role], project=world.project)
    audit = services.audit_open(actor=world.users["contributor"], project=world.project)
    assert audit.number == 1 and audit.kind == "on_demand"
    with pytest.raises(Conflict):
        services.audit_open(actor=world.users["funder"], project=world.project)


def test_answering_twice_is_refused(world: Any) -> None:
    audit = _open(world)
    services.assessment_give(actor=world.users["contributor"], audit=audit, ratings=ALL_FOUR)
    with pytest.raises(ValidationFailed) as caught:
        services.assessment_give(actor=world.users["contributor"], audit=audit, ratings=ALL_FOUR)
    assert "already given" in caught.value.message
    assert SelfAssessment.objects.count() == 1


def test_every_standard_must_be_rated(world: Any) -> None:
    audit = _open(world)
    with pytest.raises(ValidationFailed) as caught:
        services.assessment_give(
            actor=world.users["lead"], audit=audit, ratings={"inclusive": 3, "impact": 9}
        )
    assert "Working together" in caught.value.message and "Impact" in caught.value.message
    assert not SelfAssessment.objects.exists()


def test_the_funder_and_observers_do_not_self_assess(world: Any) -> None:
    audit = _open(world)
    for role in ("funder", "observer"):
        with pytest.raises(NotAllowed):
            services.assessment_give(actor=world.users[role], audit=audit, ratings=ALL_FOUR)


def test_fewer_than_three_answers_on_a_side_show_nothing(world: Any) -> None:
    audit = _open(world)
    extra = more_contributors(world, 2)
    services.assessment_give(actor=world.users["lead"], audit=audit, ratings=ALL_FOUR)
    services.assessment_give(actor=world.users["researcher"], audit=audit, ratings=ALL_FOUR)
    ratings = [{**ALL_FOUR, "governance": g} for g in (1, 2, 5)]
    for user, r in zip([world.users["contributor"], *extra], ratings, strict=True):
        services.assessment_give(actor=user, audit=audit, ratings=r, anonymous=True)
    totals = selectors.side_totals(audit)
    assert totals.answers == {"contributors": 3, "researchers": 2}
    governance = next(r for r in totals.rows if r.key == "governance")
    assert str(governance.contributors) == "2.7"
    assert governance.researchers is None and governance.gap is None


def test_a_finding_with_no_owner_is_refused_and_nothing_is_written(world: Any) -> None:
    audit = _open(world)
    data = {"standard": "governance", "text": "No contributor sits on the steering group."}
    with pytest.raises(ValidationFailed) as caught:
        services.finding_add(
            actor=world.users["funder"],
            audit=audit,
            action="Invite two",
            owner="",
            due_on="2026-09-01",
            **data,
        )
    assert caught.value.field == "owner"
    with pytest.raises(ValidationFailed):
        services.finding_add(
            actor=world.users["funder"],
            audit=audit,
            action="Invite two",
            owner=world.memberships["lead"].pk,
            due_on="2020-01-01",
            **data,
        )
    assert not Finding.objects.exists() and not Milestone.objects.exists()
    finding = services.finding_add(
        actor=world.users["funder"],
        audit=audit,
        action="Invite two contributors",
        owner=world.memberships["lead"].pk,
        due_on="2026-09-01",
        **data,
    )
    assert finding.action.kind == "action" and finding.action.owner == world.memberships["lead"]


def test_only_the_funder_signs_and_then_the_audit_is_closed(world: Any) -> None:
    """Separation of powers: the lead whose project is audited cannot sign it off."""
    audit = _open(world)
    with pytest.raises(NotAllowed):
        services.audit_sign(actor=world.users["lead"], audit=audit)
    audit = services.audit_sign(actor=world.users["funder"], audit=audit, statement="Good work.")
    assert audit.status == "signed" and audit.signed_by == world.users["funder"]
    with pytest.raises(NotAllowed):
        services.assessment_give(actor=world.users["lead"], audit=audit, ratings=ALL_FOUR)
    with pytest.raises(NotAllowed):
        services.finding_add(
            actor=world.users["funder"],
            audit=audit,
            standard="impact",
            text="Late",
            action="x",
            owner=world.memberships["lead"].pk,
            due_on="2026-09-01",
        )


def test_the_lead_never_reads_one_persons_answers(world: Any, client_for: Any) -> None:
    audit = _open(world)
    services.assessment_give(
        actor=world.users["contributor"],
        audit=audit,
        ratings={**ALL_FOUR, "impact": 1},
        anonymous=True,
    )
    client = client_for(world.users["lead"])
    page = client.get(audit.get_absolute_url()).content.decode()
    assert "too few to show" in page
    api = client.get(f"/api/v1/projects/{world.project.slug}/audits/{audit.pk}").json()
    assert all(t["contributors"] is None for t in api["totals"])
    assert "ratings" not in str(api) and api["answers"]["contributors"] == 1
