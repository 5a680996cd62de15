"""The demo's funder: the National Stroke Research Fund (fictional) is an organisation that a
site administrator added, with its own admin. It appoints Helen Marsh as its reviewer and
Ruth Adeyemi (the independent person STRIDE's agreement names) as its independent reviewer.
STRIDE names the Fund; the Fund's admin confirms it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from allauth.account.models import EmailAddress

from workings.accounts.models import User
from workings.core.clock import frozen_at
from workings.core.demo import DemoContext
from workings.funders import services
from workings.funders.models import AppointmentKind

DEMO_ORDER = 15
NSRF = "national-stroke-research-fund"

# key: (e-mail, name, post, login role)
PEOPLE: dict[str, tuple[str, str, str, str]] = {
    "funder_admin": (
        "gareth.lloyd@example.org",
        "Gareth Lloyd",
        AppointmentKind.ADMIN,
        "funder admin",
    ),
    "funder": ("helen.marsh@example.org", "Helen Marsh", AppointmentKind.REVIEWER, "funder"),
    "independent": (
        "ruth.adeyemi@example.org",
        "Ruth Adeyemi",
        AppointmentKind.INDEPENDENT,
        "independent reviewer",
    ),
}


def _person(ctx: DemoContext, email: str, name: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=ctx.password, display_name=name)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _at(year: int, month: int, day: int) -> Any:
    return frozen_at(dt.datetime(year, month, day, 10, 0, tzinfo=dt.UTC))


def build(ctx: DemoContext) -> None:
    stride = ctx.projects["stride"]
    for key, (email, name, _post, _role) in PEOPLE.items():
        ctx.people[key] = _person(ctx, email, name)
    admin = ctx.people["funder_admin"]
    with _at(2024, 8, 1):
        # What a site administrator does with `workings funders add ... --admin ...`.
        fund = services.organisation_create(
            actor=None,
            name="National Stroke Research Fund",
            slug=NSRF,
            admin_email=admin.email,
        )
    with _at(2024, 8, 5):
        for key in ("funder", "independent"):
            services.appointment_create(
                actor=admin, organisation=fund, email=PEOPLE[key][0], kind=PEOPLE[key][2]
            )
    with _at(2024, 9, 10):
        link = services.project_funder_name(
            actor=ctx.people["lead"], project=stride, organisation=fund
        )
    with _at(2024, 9, 12):
        services.project_funder_answer(actor=admin, link_id=link.pk, confirm=True)
    for email, _name, _post, role in PEOPLE.values():
        ctx.logins.append(
            {"email": email, "password": ctx.password, "role": role, "project": "stride"}
        )
