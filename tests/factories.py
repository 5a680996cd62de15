"""Factories for tests: people, projects and the `world` used by the permission matrix."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from allauth.account.models import EmailAddress

from workings.accounts.models import User
from workings.projects import services as project_services
from workings.projects.roles import Role

ROLES = (
    "anon",
    "outsider",
    "observer",
    "contributor",
    "researcher",
    "lead",
    "funder",
    "other_lead",
)
PASSWORD = "correct horse battery staple"


def make_user(email: str, name: str = "") -> User:
    user = User.objects.create_user(
        email=email, password=PASSWORD, display_name=name or email.split("@")[0]
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def make_project(lead: User, title: str = "Test project", **extra: Any) -> Any:
    data: dict[str, Any] = {
        "title": title,
        "summary": "A project used in tests.",
        "start_date": dt.date(2026, 1, 1),
        "end_date": dt.date(2027, 12, 31),
        "involvement_budget": "1000",
        "currency": "GBP",
    }
    data.update(extra)
    return project_services.project_create(actor=lead, **data)


def add_member(project: Any, lead: User, user: User, role: str, **answer: Any) -> Any:
    _, token = project_services.invitation_create(
        actor=lead, project=project, email=user.email, role=role
    )
    return project_services.invitation_accept(actor=user, token=token, **answer)


def make_funder(
    project: Any,
    lead: User,
    *,
    reviewers: list[User] = (),  # type: ignore[assignment]
    independent: list[User] = (),  # type: ignore[assignment]
    name: str = "World Fund",
) -> Any:
    """A funder organisation (made as a site administrator would), its reviewers, named by
    the project's lead and confirmed by the organisation's admin."""
    from workings.funders import services as funder_services
    from workings.funders.models import AppointmentKind

    slug = name.lower().replace(" ", "-")
    admin = make_user(f"admin@{slug}.example.org", f"{name} Admin")
    fund = funder_services.organisation_create(actor=None, name=name, admin_email=admin.email)
    for user in reviewers:
        funder_services.appointment_create(
            actor=admin, organisation=fund, email=user.email, kind=AppointmentKind.REVIEWER
        )
    for user in independent:
        funder_services.appointment_create(
            actor=admin, organisation=fund, email=user.email, kind=AppointmentKind.INDEPENDENT
        )
    link = funder_services.project_funder_name(actor=lead, project=project, organisation=fund)
    funder_services.project_funder_answer(actor=admin, link_id=link.pk, confirm=True)
    return fund


@dataclass
class World:
    project: Any
    other_project: Any
    users: dict[str, User | None]
    memberships: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)

    def user(self, role: str) -> User | None:
        return self.users[role]


def build_world() -> World:
    lead = make_user("lead@example.org", "Lena Lead")
    project = make_project(lead, "World project")
    users: dict[str, User | None] = {"anon": None, "lead": lead}
    memberships = {"lead": project.memberships.get(user=lead)}
    for role in (Role.OBSERVER, Role.CONTRIBUTOR, Role.RESEARCHER):
        user = make_user(f"{role}@example.org", f"{role.title()} Person")
        memberships[str(role)] = add_member(project, lead, user, role)
        users[str(role)] = user
    # The funder's reviewer is not a member: the world project's confirmed funder
    # organisation appoints them (nobody in the project can).
    users["funder"] = make_user("funder@example.org", "Funder Person")
    fund = make_funder(project, lead, reviewers=[users["funder"]])
    users["outsider"] = make_user("outsider@example.org", "Otto Outsider")
    other_lead = make_user("other.lead@example.org", "Olga Other")
    users["other_lead"] = other_lead
    other_project = make_project(other_lead, "Other project")
    return World(
        project=project,
        other_project=other_project,
        users=users,
        memberships=memberships,
        extra={
            "funder_organisation": fund,
            "funder_admin": fund.appointments.get(kind="admin").user,
        },
    )
