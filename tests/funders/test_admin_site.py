"""The admin site: site administrators add organisations and appoint people (through the
services, so appointments reach the projects' logs); everyone else is told nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import make_user
from workings.events.models import Entry
from workings.funders.models import Appointment, FunderOrganisation

pytestmark = pytest.mark.django_db


def _superuser() -> Any:
    boss = make_user("boss@example.org", "Site Boss")
    boss.is_superuser = True
    boss.is_staff = True
    boss.save()
    return boss


def _inline(prefix: str, total: int, initial: int, rows: list[dict[str, Any]]) -> dict[str, Any]:
    data = {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return data


def test_a_site_administrator_adds_an_organisation_and_appoints(
    world: Any, client_for: Any
) -> None:
    boss = client_for(_superuser())
    assert "Funder organisations" in boss.get("/admin/").content.decode()
    data = {"name": "Heart Fund", "slug": "heart-fund"}
    data |= _inline(
        "appointments",
        1,
        0,
        [{"user": str(world.users["outsider"].pk), "kind": "admin", "ended_at": ""}],
    )
    r = boss.post("/admin/funders/funderorganisation/add/", data)
    assert r.status_code == 302, r.content.decode()[:2000]
    org = FunderOrganisation.objects.get(slug="heart-fund")
    assert org.appointments.get().user == world.users["outsider"]
    # Ending the world's reviewer through the admin site is recorded in the project's log.
    fund = world.extra["funder_organisation"]
    rows = list(fund.appointments.order_by("id"))
    data = {"name": fund.name, "slug": fund.slug}
    data |= _inline(
        "appointments",
        len(rows),
        len(rows),
        [
            {
                "id": str(a.pk),
                "organisation": str(fund.pk),
                "user": str(a.user_id),
                "kind": a.kind,
                "ended_at_0": "2026-06-01" if a.kind == "reviewer" else "",
                "ended_at_1": "10:00:00" if a.kind == "reviewer" else "",
                "end_reason": "Left" if a.kind == "reviewer" else "",
            }
            for a in rows
        ],
    )
    r = boss.post(f"/admin/funders/funderorganisation/{fund.pk}/change/", data)
    assert r.status_code == 302, r.content.decode()[:3000]
    ended = Appointment.objects.get(user=world.users["funder"])
    assert ended.ended_at is not None and ended.end_reason == "Left"
    last = Entry.objects.filter(log__project=world.project).order_by("-seq").first()
    assert last.type == "funder.reviewer_ended"


def test_nobody_else_learns_the_admin_site_exists(world: Any, client_for: Any) -> None:
    for role in ("lead", "funder", "outsider"):
        assert client_for(world.users[role]).get("/admin/").status_code == 404
    world.extra["funder_admin"].is_staff = True  # staff is not enough: superusers only
    world.extra["funder_admin"].save()
    assert client_for(world.extra["funder_admin"]).get("/admin/").status_code == 404
    signed_out = client_for(None).get("/admin/")
    assert signed_out.status_code == 302 and "/accounts/login/" in signed_out["Location"]
