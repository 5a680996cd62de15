"""Project, invitation and membership services: validation, the rules about leads, and the
event each write appends to the project's log."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail

from tests.factories import make_project, make_user
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed
from workings.events.models import Entry
from workings.projects import services
from workings.projects.models import Invitation, Membership, Project
from workings.projects.roles import Credit, Role

pytestmark = pytest.mark.django_db

GOOD = {
    "title": "Home exercise after stroke",
    "summary": "Does exercise at home help?",
    "start_date": dt.date(2026, 1, 1),
    "end_date": dt.date(2027, 1, 1),
    "involvement_budget": "2500.50",
    "currency": "gbp",
}


def entry_types(project: Any) -> list[str]:
    return list(
        Entry.objects.filter(log__project=project).order_by("seq").values_list("type", flat=True)
    )


def _error(call: Any, **kwargs: Any) -> Any:
    with pytest.raises(ValidationFailed) as caught:
        call(**kwargs)
    return caught.value


# --- create and update ------------------------------------------------------------------------


def test_create_makes_the_actor_lead_and_records_it() -> None:
    lead = make_user("amy@example.org")
    project = services.project_create(actor=lead, **GOOD)
    assert project.currency == "GBP"
    assert str(project.involvement_budget) == "2500.50"
    membership = project.memberships.get(user=lead)
    assert membership.role == Role.LEAD
    assert entry_types(project) == ["project.created"]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"title": ""}, "title", "cannot be empty"),
        ({"title": "   "}, "title", "cannot be empty"),
        ({"title": "x" * 201}, "title", "limit is 200"),
        ({"summary": ""}, "summary", "cannot be empty"),
        ({"summary": "y" * 5001}, "summary", "limit is 5,000"),
        ({"funder_reference": "z" * 101}, "funder_reference", "limit is 100"),
        ({"title": "<script>alert(1)</script>"}, "title", "plain text"),
        ({"end_date": dt.date(2025, 12, 31)}, "end_date", "on or after the start date"),
        ({"start_date": "not a date"}, "start_date", "must be a date"),
        ({"involvement_budget": "-1"}, "involvement_budget", "cannot be negative"),
        ({"involvement_budget": "lots"}, "involvement_budget", "must be a number"),
        ({"involvement_budget": "NaN"}, "involvement_budget", "must be a number"),
        ({"involvement_budget": "1.234"}, "involvement_budget", "two decimal places"),
        ({"involvement_budget": "1e12"}, "involvement_budget", "too large"),
        ({"currency": "pounds"}, "currency", "three-letter code"),
        ({"currency": "G1P"}, "currency", "three-letter code"),
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(
    change: dict[str, Any], field: str, words: str
) -> None:
    lead = make_user("amy@example.org")
    error = _error(services.project_create, actor=lead, **{**GOOD, **change})
    assert error.field == field
    assert words in error.message
    assert not Project.objects.exists()
    assert not Entry.objects.exists()


def test_end_date_may_equal_start_date() -> None:
    lead = make_user("amy@example.org")
    day = dt.date(2026, 5, 1)
    project = services.project_create(actor=lead, **{**GOOD, "start_date": day, "end_date": day})
    assert project.start_date == project.end_date


def test_signed_out_cannot_create() -> None:
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(NotAllowed):
        services.project_create(actor=AnonymousUser(), **GOOD)


def test_update_validates_and_records_what_changed(world: Any) -> None:
    lead = world.user("lead")
    project = world.project
    data = {
        "title": "A better title",
        "summary": project.summary,
        "start_date": project.start_date,
        "end_date": project.end_date,
        "involvement_budget": project.involvement_budget,
        "currency": project.currency,
    }
    error = _error(
        services.project_update,
        actor=lead,
        project=project,
        **{**data, "end_date": dt.date(2000, 1, 1)},
    )
    assert error.field == "end_date"
    project.refresh_from_db()
    assert project.title == "World project"
    services.project_update(actor=lead, project=project, **data)
    project.refresh_from_db()
    assert project.title == "A better title"
    entry = Entry.objects.filter(log__project=project).order_by("-seq").first()
    assert entry.type == "project.updated"


@pytest.mark.parametrize("role", ["researcher", "contributor", "funder", "observer", "outsider"])
def test_only_a_lead_updates(world: Any, role: str) -> None:
    p = world.project
    with pytest.raises(NotAllowed):
        services.project_update(
            actor=world.user(role),
            project=p,
            title="Taken over",
            summary=p.summary,
            start_date=p.start_date,
            end_date=p.end_date,
        )


# --- invitations --------------------------------------------------------------------------------


def test_invitation_is_mailed_and_recorded(world: Any) -> None:
    mail.outbox.clear()
    inv, token = services.invitation_create(
        actor=world.user("lead"), project=world.project, email="new@example.org", role="researcher"
    )
    assert inv.status == Invitation.Status.PENDING
    assert token not in inv.token_hash  # only the hash is stored
    assert "member.invited" in entry_types(world.project)


@pytest.mark.django_db(transaction=False)
def test_invitation_mail_carries_the_link(
    world: Any, django_capture_on_commit_callbacks: Any
) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _, token = services.invitation_create(
            actor=world.user("lead"),
            project=world.project,
            email="new@example.org",
            role="observer",
        )
    assert len(mail.outbox) == 1
    assert f"/invitations/{token}/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["new@example.org"]


@pytest.mark.parametrize("address", ["", "not-an-address", "a@b", "two@@example.org", "x" * 300])
def test_invalid_addresses_are_refused(world: Any, address: str) -> None:
    error = _error(
        services.invitation_create,
        actor=world.user("lead"),
        project=world.project,
        email=address,
        role="contributor",
    )
    assert error.field == "email"
    assert not Invitation.objects.filter(project=world.project, email=address).exists()


def test_internationalised_address_is_accepted(world: Any) -> None:
    inv, _ = services.invitation_create(
        actor=world.user("lead"), project=world.project, email="zoë@exämple.org", role="contributor"
    )
    assert inv.email == "zoë@exämple.org"


def test_duplicate_invitation_refused_whatever_the_case(world: Any) -> None:
    lead = world.user("lead")
    services.invitation_create(
        actor=lead, project=world.project, email="dup@example.org", role="contributor"
    )
    error = _error(
        services.invitation_create,
        actor=lead,
        project=world.project,
        email="DUP@example.org",
        role="observer",
    )
    assert "already been invited" in error.message


def test_inviting_a_current_member_is_refused(world: Any) -> None:
    error = _error(
        services.invitation_create,
        actor=world.user("lead"),
        project=world.project,
        email=world.user("contributor").email,
        role="observer",
    )
    assert "already a member" in error.message


def test_role_that_does_not_exist_is_refused(world: Any) -> None:
    error = _error(
        services.invitation_create,
        actor=world.user("lead"),
        project=world.project,
        email="someone@example.org",
        role="overlord",
    )
    assert error.field == "role"
    assert "not a role" in error.message


@pytest.mark.parametrize("role", ["researcher", "contributor", "funder", "observer", "other_lead"])
def test_only_a_lead_invites(world: Any, role: str) -> None:
    with pytest.raises(NotAllowed):
        services.invitation_create(
            actor=world.user(role), project=world.project, email="x@example.org", role="observer"
        )


def test_accepting_an_invitation_meant_for_someone_else_is_refused(world: Any) -> None:
    _, token = services.invitation_create(
        actor=world.user("lead"), project=world.project, email="meant@example.org", role="observer"
    )
    stranger = make_user("stranger@example.org")
    with pytest.raises(NotAllowed) as caught:
        services.invitation_accept(actor=stranger, token=token)
    assert "meant@example.org" in caught.value.message
    assert not Membership.objects.filter(project=world.project, user=stranger).exists()


def test_accept_then_accept_again_is_refused(world: Any) -> None:
    person = make_user("kim@example.org")
    _, token = services.invitation_create(
        actor=world.user("lead"), project=world.project, email="kim@example.org", role="observer"
    )
    membership = services.invitation_accept(
        actor=person, token=token, display_name="Kestrel", credit=Credit.PSEUDONYM
    )
    assert membership.role == Role.OBSERVER
    assert membership.display_name == "Kestrel"
    assert "invitation.accepted" in entry_types(world.project)
    error = _error(services.invitation_accept, actor=person, token=token)
    assert "already been accepted" in error.message


def test_unknown_token_is_not_found(world: Any) -> None:
    with pytest.raises(NotFound):
        services.invitation_accept(actor=world.user("outsider"), token="nonsense")


def test_decline_and_withdraw_are_recorded(world: Any) -> None:
    lead = world.user("lead")
    person = make_user("dee@example.org")
    _, token = services.invitation_create(
        actor=lead, project=world.project, email="dee@example.org", role="observer"
    )
    services.invitation_decline(actor=person, token=token)
    inv, _ = services.invitation_create(
        actor=lead, project=world.project, email="wes@example.org", role="observer"
    )
    services.invitation_withdraw(actor=lead, project=world.project, invitation_id=inv.pk)
    types = entry_types(world.project)
    assert "invitation.declined" in types
    assert "invitation.withdrawn" in types
    error = _error(
        services.invitation_withdraw, actor=lead, project=world.project, invitation_id=inv.pk
    )
    assert "still waiting" in error.message


def test_bad_credit_choice_is_refused(world: Any) -> None:
    person = make_user("kim@example.org")
    _, token = services.invitation_create(
        actor=world.user("lead"), project=world.project, email="kim@example.org", role="observer"
    )
    error = _error(services.invitation_accept, actor=person, token=token, credit="famous")
    assert error.field == "credit"


# --- roles, leaving, removing ---------------------------------------------------------------------


def test_lead_changes_a_role_and_it_is_recorded(world: Any) -> None:
    m = world.memberships["contributor"]
    services.membership_change_role(
        actor=world.user("lead"), project=world.project, membership_id=m.pk, role="researcher"
    )
    m.refresh_from_db()
    assert m.role == Role.RESEARCHER
    assert entry_types(world.project)[-1] == "member.role_changed"


def test_non_lead_cannot_change_roles(world: Any) -> None:
    m = world.memberships["contributor"]
    with pytest.raises(NotAllowed):
        services.membership_change_role(
            actor=world.user("researcher"), project=world.project, membership_id=m.pk, role="lead"
        )


def test_change_to_unknown_role_is_refused(world: Any) -> None:
    m = world.memberships["contributor"]
    error = _error(
        services.membership_change_role,
        actor=world.user("lead"),
        project=world.project,
        membership_id=m.pk,
        role="king",
    )
    assert error.field == "role"


def test_last_lead_cannot_be_demoted_removed_or_leave(world: Any) -> None:
    lead = world.user("lead")
    m = world.memberships["lead"]
    error = _error(
        services.membership_change_role,
        actor=lead,
        project=world.project,
        membership_id=m.pk,
        role="researcher",
    )
    assert "always have a lead" in error.message
    error = _error(
        services.membership_remove,
        actor=lead,
        project=world.project,
        membership_id=m.pk,
        reason="Tidying up",
    )
    assert "always have a lead" in error.message
    error = _error(services.membership_leave, actor=lead, project=world.project, credit="name")
    assert "only lead" in error.message
    m.refresh_from_db()
    assert m.role == Role.LEAD and m.left_at is None


def test_with_a_second_lead_the_first_may_leave(world: Any) -> None:
    lead = world.user("lead")
    services.membership_change_role(
        actor=lead,
        project=world.project,
        membership_id=world.memberships["researcher"].pk,
        role="lead",
    )
    services.membership_leave(actor=lead, project=world.project, credit="name")
    assert Membership.objects.get(pk=world.memberships["lead"].pk).left_at is not None


def test_leaving_keeps_contributions_and_is_recorded(world: Any) -> None:
    person = world.user("contributor")
    before = Entry.objects.filter(log__project=world.project, actor=person).count()
    assert before >= 1  # accepting the invitation
    services.membership_leave(
        actor=person, project=world.project, reason="Too much on", credit=Credit.ANONYMOUS
    )
    m = Membership.objects.get(pk=world.memberships["contributor"].pk)
    assert m.left_at is not None
    assert m.left_reason == "Too much on"
    assert m.credit == Credit.ANONYMOUS
    # Nothing they contributed is deleted: their earlier entries are all still there.
    assert Entry.objects.filter(log__project=world.project, actor=person).count() == before + 1
    assert entry_types(world.project)[-1] == "member.left"
    with pytest.raises(NotAllowed):
        services.membership_leave(actor=person, project=world.project, credit="name")


def test_remove_needs_a_reason_and_is_recorded(world: Any) -> None:
    lead = world.user("lead")
    m = world.memberships["observer"]
    error = _error(
        services.membership_remove, actor=lead, project=world.project, membership_id=m.pk, reason=""
    )
    assert error.field == "reason"
    services.membership_remove(
        actor=lead, project=world.project, membership_id=m.pk, reason="Asked to be removed"
    )
    m.refresh_from_db()
    assert m.removed_by == lead and m.left_at is not None
    assert entry_types(world.project)[-1] == "member.removed"


def test_membership_update(world: Any) -> None:
    person = world.user("contributor")
    services.membership_update(
        actor=person, project=world.project, display_name="Wren", credit=Credit.PSEUDONYM
    )
    m = Membership.objects.get(pk=world.memberships["contributor"].pk)
    assert (m.display_name, m.credit) == ("Wren", Credit.PSEUDONYM)
    assert entry_types(world.project)[-1] == "member.updated"
    error = _error(
        services.membership_update,
        actor=person,
        project=world.project,
        display_name="",
        credit=Credit.PSEUDONYM,
    )
    assert error.field == "display_name"
    error = _error(
        services.membership_update,
        actor=person,
        project=world.project,
        display_name="n" * 81,
        credit=Credit.NAME,
    )
    assert error.field == "display_name"
    with pytest.raises(NotAllowed):
        services.membership_update(
            actor=world.user("outsider"), project=world.project, display_name="X", credit="name"
        )


def test_a_project_of_its_own_for_each_lead() -> None:
    a = make_user("a@example.org")
    p1 = make_project(a, "Same title")
    p2 = make_project(a, "Same title")
    assert p1.slug != p2.slug
