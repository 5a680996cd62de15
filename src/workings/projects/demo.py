"""Demo people and projects: STRIDE, a fictional three-year stroke-rehabilitation trial,
and a second project led by someone else (to show what outsiders cannot see). The funder's
reviewer is not a member: the funder organisation appoints her (funders/demo.py)."""

from __future__ import annotations

import datetime as dt

from workings.core.demo import DemoContext, demo_person, demo_time
from workings.projects import services
from workings.projects.models import Membership
from workings.projects.roles import Credit, Role

DEMO_ORDER = 10
STRIDE = "stride"

# key: (e-mail, profile name, project name or pseudonym, role, credit)
PEOPLE: dict[str, tuple[str, str, str, str, str]] = {
    "lead": ("amara.okafor@example.org", "Dr Amara Okafor", "Amara Okafor", Role.LEAD, Credit.NAME),
    "researcher1": (
        "tom.brennan@example.org",
        "Tom Brennan",
        "Tom Brennan",
        Role.RESEARCHER,
        Credit.NAME,
    ),
    "researcher2": (
        "priya.natarajan@example.org",
        "Dr Priya Natarajan",
        "Priya Natarajan",
        Role.RESEARCHER,
        Credit.NAME,
    ),
    "contributor1": (
        "margaret.hughes@example.org",
        "Margaret Hughes",
        "Margaret Hughes",
        Role.CONTRIBUTOR,
        Credit.NAME,
    ),
    "contributor2": (
        "dev.patel@example.org",
        "Dev Patel",
        "Dev Patel",
        Role.CONTRIBUTOR,
        Credit.NAME,
    ),
    "contributor3": (
        "jo.whitfield@example.org",
        "Jo Whitfield",
        "Kestrel",
        Role.CONTRIBUTOR,
        Credit.PSEUDONYM,
    ),
    "contributor4": (
        "winston.clarke@example.org",
        "Winston Clarke",
        "Winston Clarke",
        Role.CONTRIBUTOR,
        Credit.NAME,
    ),
    "observer": (
        "ian.gallagher@example.org",
        "Prof Ian Gallagher",
        "Ian Gallagher",
        Role.OBSERVER,
        Credit.NAME,
    ),
}
OTHER_LEAD = ("sofia.reyes@example.org", "Dr Sofia Reyes")


def build(ctx: DemoContext) -> None:
    lead = demo_person(ctx, PEOPLE["lead"][0], PEOPLE["lead"][1])
    ctx.people["lead"] = lead
    with demo_time(2024, 9, 2):
        stride = services.project_create(
            actor=lead,
            slug=STRIDE,
            title="STRIDE: stroke rehabilitation at home, delivered early",
            summary=(
                "After a stroke, many people wait weeks for rehabilitation once they are home. "
                "STRIDE tests whether starting therapy at home within a week of leaving hospital "
                "helps people get back to the everyday activities that matter to them.\n\n"
                "Stroke survivors and carers are part of the team from the start: they shape "
                "the questions, the measures and how results are shared."
            ),
            funder_name="National Stroke Research Fund (fictional)",
            funder_reference="NSRF-2024-117",
            start_date=dt.date(2024, 9, 1),
            end_date=dt.date(2027, 8, 31),
            involvement_budget="18500.00",
            currency="GBP",
        )
    ctx.projects[STRIDE] = stride
    day = 3
    for key, (email, name, project_name, role, credit) in PEOPLE.items():
        if key == "lead":
            continue
        user = demo_person(ctx, email, name)
        ctx.people[key] = user
        with demo_time(2024, 9, day):
            _, token = services.invitation_create(
                actor=lead, project=stride, email=email, role=role
            )
        with demo_time(2024, 9, day + 1):
            services.invitation_accept(
                actor=user, token=token, display_name=project_name, credit=credit
            )
        day += 1
    with demo_time(2024, 10, 1):
        services.project_update(
            actor=lead, project=stride, **{**stride.snapshot(), "is_published": True}
        )

    other = demo_person(ctx, *OTHER_LEAD)
    ctx.people["other_lead"] = other
    with demo_time(2025, 1, 15):
        ctx.projects["breathe"] = services.project_create(
            actor=other,
            slug="breathe-easy",
            title="Breathe Easy: co-designing pulmonary rehabilitation",
            summary=(
                "People living with COPD and physiotherapists design a rehabilitation course "
                "together."
            ),
            funder_name="Lung Health Trust (fictional)",
            funder_reference="LHT-25-004",
            start_date=dt.date(2025, 1, 1),
            end_date=dt.date(2026, 12, 31),
            involvement_budget="6000",
            currency="GBP",
        )
    for email, _, _, role, _ in PEOPLE.values():
        ctx.logins.append(
            {"email": email, "password": ctx.password, "role": role, "project": STRIDE}
        )
    ctx.logins.append(
        {
            "email": OTHER_LEAD[0],
            "password": ctx.password,
            "role": "lead",
            "project": ctx.projects["breathe"].slug,
        }
    )


def demo_exists() -> bool:
    return Membership.objects.filter(project__slug=STRIDE).exists()
