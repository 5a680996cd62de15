"""The demo's funder: the National Stroke Research Fund (fictional) is an organisation that a
site administrator added, with its own admin. It appoints Helen Marsh as its reviewer and
Ruth Adeyemi (the independent person STRIDE's agreement names) as its independent reviewer.
STRIDE names the Fund; the Fund's admin confirms it.

The Fund is also a witness: a site administrator gave it a witness key (a file under
WORKINGS_WITNESS_KEY_DIR, never a table), it cosigned its projects' checkpoints once early
on, and cosigns their newest checkpoints once the whole demo is recorded (`finish`), so the
portfolio and `workings verify --witness` work on the demo out of the box."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workings.core.demo import DemoContext, demo_person, demo_time
from workings.funders import services
from workings.funders.models import AppointmentKind, FunderOrganisation
from workings.funders.witness_keys import witness_key_init
from workings.funders.witnessing import witness_all

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


def build(ctx: DemoContext) -> None:
    stride = ctx.projects["stride"]
    for key, (email, name, _post, _role) in PEOPLE.items():
        ctx.people[key] = demo_person(ctx, email, name)
    admin = ctx.people["funder_admin"]
    with demo_time(2024, 8, 1):
        # What a site administrator does with `workings funders add ... --admin ...`.
        fund = services.organisation_create(
            actor=None,
            name="National Stroke Research Fund",
            slug=NSRF,
            admin_email=admin.email,
        )
        # What a site administrator does with `workings funders witness-key SLUG`.
        witness_key_init(organisation=fund)
    with demo_time(2024, 8, 5):
        for key in ("funder", "independent"):
            services.appointment_create(
                actor=admin, organisation=fund, email=PEOPLE[key][0], kind=PEOPLE[key][2]
            )
    with demo_time(2024, 9, 10):
        link = services.project_funder_name(
            actor=ctx.people["lead"], project=stride, organisation=fund
        )
    with demo_time(2024, 9, 12):
        services.project_funder_answer(actor=admin, link_id=link.pk, confirm=True)
    _portfolio(ctx, fund, admin)
    with demo_time(2025, 6, 30, 2):
        witness_all()  # the worker's run: STRIDE and the four quiet projects so far
    for email, _name, _post, role in PEOPLE.values():
        ctx.logins.append(
            {"email": email, "password": ctx.password, "role": role, "project": "stride"}
        )


# Four more projects the Fund pays for, so its portfolio has something to compare (issue 13:
# "a portfolio of at least five projects"). They are quiet: a title, a lead, a funder.
PORTFOLIO = [
    ("home-after-stroke", "Home after stroke: the first six weeks"),
    ("talk-again", "Talk Again: speech therapy by video call"),
    ("step-by-step", "Step by Step: walking groups after a stroke"),
    ("carers-voice", "Carers' Voice: support for people who care"),
]


def _portfolio(ctx: DemoContext, fund: FunderOrganisation, admin: Any) -> None:
    from workings.projects import services as project_services

    lead = ctx.people["other_lead"]
    for month, (slug, title) in enumerate(PORTFOLIO, start=2):
        with demo_time(2025, month, 3):
            project = project_services.project_create(
                actor=lead,
                slug=slug,
                title=title,
                summary=f"{title}: patients, carers and researchers working on it together.",
                funder_name=fund.name,
                funder_reference="",
                start_date=dt.date(2025, month, 1),
                end_date=dt.date(2027, month, 1),
                involvement_budget="5000",
                currency="GBP",
            )
            link = services.project_funder_name(actor=lead, project=project, organisation=fund)
        with demo_time(2025, month, 5):
            services.project_funder_answer(actor=admin, link_id=link.pk, confirm=True)


def finish(ctx: DemoContext) -> None:
    """After every part of the demo: the worker's latest run cosigns each project's newest
    checkpoint, having checked it extends the one cosigned before."""
    with demo_time(2026, 7, 21, 2):
        outcome = witness_all()
    if set(outcome) - {"cosigned", "unchanged"}:
        raise RuntimeError(f"The demo's witness did not cosign every project: {outcome}")
