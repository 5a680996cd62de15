"""A public entry's personal data is committed in a member-only part: the public reads no
e-mail address, real name or private reason, and still verifies everything it is shown."""

from __future__ import annotations

import base64
import io
import json
from typing import Any

import pytest

from tests.factories import add_member, make_user
from workings.events import keys
from workings.events.audit import export_project, verify_project
from workings.ledger.entry import check_content, check_members_part, decode_leaf
from workings.projects import services as project_services
from workings.verifier.verify import verify_export

pytestmark = pytest.mark.django_db

REAL_NAME = "Josephine Whitfield"
REASON = "LEAVING-REASON-MARKER my health got worse"


@pytest.fixture
def published(world: Any) -> Any:
    lead = world.users["lead"]
    p = world.project
    project_services.project_update(
        actor=lead,
        project=p,
        **{k: getattr(p, k) for k in ("title", "summary", "start_date", "end_date")},
        involvement_budget=p.involvement_budget,
        currency=p.currency,
        is_published=True,
    )
    jo = make_user("jo.whitfield@example.org", REAL_NAME)
    add_member(world.project, lead, jo, "contributor", display_name="Kestrel", credit="pseudonym")
    project_services.membership_leave(
        actor=jo, project=world.project, reason=REASON, credit="pseudonym"
    )
    world.extra["jo"] = jo
    return world


def _entries(client: Any, world: Any) -> dict[str, Any]:
    r = client.get(f"/api/v1/projects/{world.project.slug}/log/entries")
    assert r.status_code == 200
    return r.json()


def test_signed_out_log_api_shows_no_address_real_name_or_private_reason(
    published: Any, client_for: Any
) -> None:
    body = _entries(client_for(None), published)
    text = json.dumps(body)
    assert "@" not in text
    assert REAL_NAME not in text
    assert "LEAVING-REASON-MARKER" not in text
    accepted = [e for e in body["entries"] if e["type"] == "invitation.accepted"]
    assert accepted and all(e["content"] is not None for e in accepted)
    # The pseudonym is public; what the public is shown still opens the leaf's commitment.
    assert "Kestrel" in text
    for e in body["entries"]:
        assert e["members_content"] is None
        if e["content"] is not None:
            header = decode_leaf(base64.b64decode(e["leaf"]))
            assert check_content(header, e["content"], base64.b64decode(e["salt"]))


def test_a_member_reads_the_member_part_and_it_opens_the_public_commitment(
    published: Any, client_for: Any
) -> None:
    body = _entries(client_for(published.users["researcher"]), published)
    with_part = [e for e in body["entries"] if e["members_content"] is not None]
    assert {e["type"] for e in with_part} >= {"invitation.accepted", "member.left"}
    left = next(e for e in with_part if e["type"] == "member.left")
    assert left["members_content"]["data/reason"]["value"] == REASON
    for e in with_part:
        assert check_members_part(e["content"], e["members_content"]) == []
        forged = {ref: {**piece, "value": "x"} for ref, piece in e["members_content"].items()}
        assert check_members_part(e["content"], forged) == sorted(forged)
    # E-mail addresses are for the project's leads only, not every member.
    assert "@" not in json.dumps(body)


def test_a_lead_reads_the_invitation_addresses_they_manage(published: Any, client_for: Any) -> None:
    body = _entries(client_for(published.users["lead"]), published)
    accepted = [e for e in body["entries"] if e["type"] == "invitation.accepted"]
    refs = {ref for e in accepted for ref in e["members_content"] or {}}
    assert any(ref.endswith("/email") for ref in refs)
    assert "jo.whitfield@example.org" in json.dumps(body)
    for e in accepted:
        assert check_members_part(e["content"], e["members_content"]) == []


def test_export_carries_the_member_part_and_verifies(published: Any) -> None:
    out = io.StringIO()
    export_project(published.project, out)
    lines = out.getvalue().splitlines(keepends=True)
    assert any('"members":' in line for line in lines)
    assert verify_export(lines, keys.verifier_key()).ok
    tampered = [line.replace("LEAVING-REASON-MARKER", "EDITED") for line in lines]
    report = verify_export(tampered, keys.verifier_key())
    assert not report.ok
    assert "member part" in report.summary()
    # Rows are still compared with their whole snapshot (public and member parts together).
    assert verify_project(published.project).ok


def test_record_page_names_the_pseudonymous_member_by_pseudonym_only(
    published: Any, client_for: Any
) -> None:
    for viewer in (None, published.users["observer"], published.users["lead"]):
        page = client_for(viewer).get(f"/projects/{published.project.slug}/record/")
        assert page.status_code == 200
        html = page.content.decode()
        assert REAL_NAME not in html
        assert "jo.whitfield" not in html
    member_page = client_for(published.users["observer"]).get(
        f"/projects/{published.project.slug}/record/"
    )
    assert "by Kestrel" in member_page.content.decode()
