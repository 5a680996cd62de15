"""Funder organisations, appointments, a project's funder, and the legacy funder roles."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import add_member, make_funder, make_project, make_user
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed
from workings.events.audit import verify_project
from workings.events.models import Entry
from workings.funders import services
from workings.funders.legacy import REASON, end_legacy_funder_roles
from workings.funders.models import Appointment, FunderOrganisation, ProjectFunder
from workings.projects.models import Invitation, Membership
from workings.projects.permissions import project_policy
from workings.projects.roles import Role

pytestmark = pytest.mark.django_db


def _fresh(user: Any) -> Any:
    return type(user).objects.get(pk=user.pk)


class TestOrganisation:
    def test_only_a_site_administrator_adds_one(self, world: Any) -> None:
        for role in ("lead", "funder", "outsider"):
            with pytest.raises(NotAllowed, match="site administrator"):
                services.organisation_create(
                    actor=world.users[role], name="Made Up Fund", admin_email="lead@example.org"
                )
        assert not FunderOrganisation.objects.filter(name="Made Up Fund").exists()
        boss = make_user("boss@example.org", "Site Boss")
        boss.is_superuser = True
        boss.save()
        org = services.organisation_create(
            actor=boss, name="Real Fund", admin_email="outsider@example.org"
        )
        assert org.slug == "real-fund"
        admin = org.appointments.get()
        assert admin.kind == "admin" and admin.user == world.users["outsider"]

    def test_the_admin_needs_an_account(self, db: Any) -> None:
        with pytest.raises(ValidationFailed, match="Nobody has an account with nobody@"):
            services.organisation_create(actor=None, name="Fund", admin_email="nobody@example.org")
        assert not FunderOrganisation.objects.exists()

    def test_names_and_addresses_are_unique(self, world: Any) -> None:
        with pytest.raises(ValidationFailed, match="already a funder called"):
            services.organisation_create(
                actor=None, name="world fund", admin_email="outsider@example.org"
            )

    def test_the_command_line(self, world: Any, capsys: Any) -> None:
        call_command(
            "funders", "add", "National Stroke Research Fund", "--admin", "outsider@example.org"
        )
        org = FunderOrganisation.objects.get(name="National Stroke Research Fund")
        assert org.slug == "national-stroke-research-fund"
        call_command("funders", "appoint", org.slug, "observer@example.org", "--as", "reviewer")
        appointment = org.appointments.get(kind="reviewer")
        call_command("funders", "end", org.slug, str(appointment.pk), "--reason", "Retired")
        appointment.refresh_from_db()
        assert appointment.ended_at is not None and appointment.end_reason == "Retired"
        call_command("funders", "list")
        out = capsys.readouterr().out
        assert "Added National Stroke Research Fund" in out
        assert "Appointed observer@example.org as reviewer" in out
        with pytest.raises(CommandError, match="Nobody has an account"):
            call_command("funders", "add", "Other", "--admin", "ghost@example.org")


class TestAppointments:
    def test_admin_appoints_and_ends_a_reviewer_recorded_in_the_projects_log(
        self, world: Any
    ) -> None:
        fund, admin = world.extra["funder_organisation"], world.extra["funder_admin"]
        newcomer = make_user("newcomer@example.org", "Nia Newcomer")
        a = services.appointment_create(
            actor=admin, organisation=fund, email="NEWCOMER@example.org", kind="independent"
        )
        assert project_policy.role_of(_fresh(newcomer), world.project) == Role.FUNDER
        entry = Entry.objects.filter(log__project=world.project).order_by("-seq").first()
        assert entry.type == "funder.reviewer_appointed"
        assert entry.body.content["data"]["reviewer"] == "Nia Newcomer"
        assert "newcomer@example.org" not in str(entry.body.content)
        services.appointment_end(
            actor=admin, organisation=fund, appointment_id=a.pk, reason="Term over"
        )
        assert project_policy.role_of(_fresh(newcomer), world.project) is None
        a.refresh_from_db()
        assert a.ended_at is not None and Appointment.objects.filter(pk=a.pk).exists()
        types = list(
            Entry.objects.filter(log__project=world.project).values_list("type", flat=True)
        )
        assert types[-1] == "funder.reviewer_ended"
        assert verify_project(world.project).ok

    def test_a_reviewer_cannot_appoint_and_an_admin_cannot_make_admins(self, world: Any) -> None:
        fund, admin = world.extra["funder_organisation"], world.extra["funder_admin"]
        with pytest.raises(NotAllowed):
            services.appointment_create(
                actor=world.users["funder"],
                organisation=fund,
                email="outsider@example.org",
                kind="reviewer",
            )
        with pytest.raises(NotAllowed):
            services.appointment_create(
                actor=admin, organisation=fund, email="outsider@example.org", kind="admin"
            )

    def test_bad_post_and_double_appointment(self, world: Any) -> None:
        fund, admin = world.extra["funder_organisation"], world.extra["funder_admin"]
        with pytest.raises(ValidationFailed, match="Choose one of"):
            services.appointment_create(
                actor=admin, organisation=fund, email="outsider@example.org", kind="king"
            )
        with pytest.raises(ValidationFailed, match="already holds that post"):
            services.appointment_create(
                actor=admin, organisation=fund, email="funder@example.org", kind="reviewer"
            )

    def test_an_admin_post_is_ended_only_by_a_site_administrator(self, world: Any) -> None:
        fund, admin = world.extra["funder_organisation"], world.extra["funder_admin"]
        own = fund.appointments.get(kind="admin")
        with pytest.raises(NotAllowed):
            services.appointment_end(actor=admin, organisation=fund, appointment_id=own.pk)
        services.appointment_end(actor=None, organisation=fund, appointment_id=own.pk)
        with pytest.raises(NotFound):
            services.appointment_end(actor=None, organisation=fund, appointment_id=own.pk)


class TestProjectFunder:
    def test_named_then_confirmed_both_in_the_log(self, world: Any) -> None:
        lead = world.users["other_lead"]
        fund, admin = world.extra["funder_organisation"], world.extra["funder_admin"]
        link = services.project_funder_name(
            actor=lead, project=world.other_project, organisation=fund.slug
        )
        assert link.status == "proposed"
        reviewer = _fresh(world.users["funder"])
        assert project_policy.role_of(reviewer, world.other_project) is None
        services.project_funder_answer(actor=admin, link_id=link.pk, confirm=True)
        assert project_policy.role_of(_fresh(reviewer), world.other_project) == Role.FUNDER
        types = list(
            Entry.objects.filter(log__project=world.other_project).values_list("type", flat=True)
        )
        assert types[-2:] == ["funder.named", "funder.confirmed"]
        assert verify_project(world.other_project).ok

    def test_declined_gives_nobody_anything(self, world: Any) -> None:
        fund, admin = world.extra["funder_organisation"], world.extra["funder_admin"]
        link = services.project_funder_name(
            actor=world.users["other_lead"], project=world.other_project, organisation=fund
        )
        services.project_funder_answer(actor=admin, link_id=link.pk, confirm=False)
        assert project_policy.reviewers(world.other_project) == []
        with pytest.raises(ValidationFailed, match="already been answered"):
            services.project_funder_answer(actor=admin, link_id=link.pk, confirm=True)

    def test_only_a_lead_names_and_only_the_organisations_admin_answers(self, world: Any) -> None:
        fund = world.extra["funder_organisation"]
        for role in ("researcher", "contributor", "funder", "outsider"):
            with pytest.raises(NotAllowed):
                services.project_funder_name(
                    actor=world.users[role], project=world.other_project, organisation=fund
                )
        link = services.project_funder_name(
            actor=world.users["other_lead"], project=world.other_project, organisation=fund
        )
        for role in ("other_lead", "funder", "lead"):
            with pytest.raises((NotAllowed, NotFound)):
                services.project_funder_answer(
                    actor=world.users[role], link_id=link.pk, confirm=True
                )

    def test_a_made_up_organisation_is_refused(self, world: Any) -> None:
        with pytest.raises(ValidationFailed, match="not a funder organisation on Workings"):
            services.project_funder_name(
                actor=world.users["lead"], project=world.project, organisation="my-own-fund"
            )

    def test_a_new_funder_replaces_the_old_only_once_confirmed(self, world: Any) -> None:
        old_reviewer = world.users["funder"]
        new_reviewer = make_user("new.reviewer@example.org", "New Reviewer")
        lead = world.users["lead"]
        other = make_funder(world.project, lead, reviewers=[new_reviewer], name="Second Fund")
        link = ProjectFunder.objects.get(organisation=other)
        assert link.status == "confirmed"
        old = ProjectFunder.objects.get(organisation=world.extra["funder_organisation"])
        assert old.status == "replaced"
        assert project_policy.role_of(_fresh(old_reviewer), world.project) is None
        assert project_policy.role_of(_fresh(new_reviewer), world.project) == Role.FUNDER


class TestNoMemberMakesAReviewer:
    def test_invitation_and_role_change_refuse_funder(self, world: Any) -> None:
        from workings.projects import services as project_services

        with pytest.raises(ValidationFailed, match="funder organisation appoints"):
            project_services.invitation_create(
                actor=world.users["lead"],
                project=world.project,
                email="friend@example.org",
                role="funder",
            )
        with pytest.raises(ValidationFailed, match="funder organisation appoints"):
            project_services.membership_change_role(
                actor=world.users["lead"],
                project=world.project,
                membership_id=world.memberships["observer"].pk,
                role="funder",
            )

    def test_the_forms_do_not_offer_it(self, world: Any, client_for: Any) -> None:
        lead = client_for(world.users["lead"])
        page = lead.get(f"/projects/{world.project.slug}/invitations/create/").content.decode()
        assert 'value="funder"' not in page
        members = lead.get(f"/projects/{world.project.slug}/members/").content.decode()
        assert 'value="funder"' not in members

    def test_a_member_appointed_by_the_funder_acts_as_the_member(self, world: Any) -> None:
        fund, admin = world.extra["funder_organisation"], world.extra["funder_admin"]
        services.appointment_create(
            actor=admin, organisation=fund, email="lead@example.org", kind="reviewer"
        )
        lead = _fresh(world.users["lead"])
        assert project_policy.role_of(lead, world.project) == Role.LEAD
        assert lead.pk not in project_policy.reviewer_ids(world.project)


class TestLegacyFunderRoles:
    def test_ended_and_withdrawn_with_a_recorded_reason(self, db: Any) -> None:
        lead = make_user("lead@example.org", "Lena Lead")
        project = make_project(lead)
        old = make_user("old.funder@example.org", "Old Funder")
        membership = add_member(project, lead, old, "observer")
        # As the software allowed before funder organisations existed:
        Membership.objects.filter(pk=membership.pk).update(role="funder")
        invitation = Invitation.objects.create(
            project=project,
            email="pending@example.org",
            role="funder",
            token_hash="x" * 64,
            invited_by=lead,
        )
        assert project_policy.role_of(_fresh(old), project) == Role.OBSERVER  # never FUNDER
        assert end_legacy_funder_roles(
            membership_ids=[membership.pk], invitation_ids=[invitation.pk]
        ) == (1, 1)
        membership.refresh_from_db()
        invitation.refresh_from_db()
        assert membership.left_at is not None and membership.left_reason == REASON
        assert invitation.status == "withdrawn"
        assert project_policy.role_of(_fresh(old), project) is None
        types = list(Entry.objects.filter(log__project=project).values_list("type", flat=True))
        assert types[-2:] == ["member.removed", "invitation.withdrawn"]
