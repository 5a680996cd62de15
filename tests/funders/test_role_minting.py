"""Role-minting: no sequence of calls a lead can make ends with anyone but the funder
organisation's appointed reviewers able to read a sealed concern.

The lead has a second account (or a friend) and tries every route we know of, through the
services, the pages and the API: invite as funder, change a role to funder, invite then
promote, accept their own invitation from the second account, make the friend a lead who
then promotes, name a funder organisation of their own choosing, appoint a reviewer, answer
for the organisation, and a funder membership left over from before organisations. After
each route, and after all of them, every account is asked for the concern's page, the
concern API, the concern list and the log entries, and the *content* must hold neither the
sealed text nor the raiser's name. The reviewer is the positive control: they do read it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from tests.concerns.helpers import concern_data
from tests.factories import add_member, make_user
from workings.accounts.models import User
from workings.concerns import services as concern_services
from workings.core.exceptions import NotAllowed, NotFound, ValidationFailed, WorkingsError
from workings.funders import services as funder_services
from workings.funders.models import FunderOrganisation
from workings.projects import services as project_services
from workings.projects.models import Invitation, Membership
from workings.projects.services.invitations import _token_hash as token_hash

pytestmark = pytest.mark.django_db

SEALED_TEXT = "MINTING-MARKER the steering chair shouts at me"
ANON_TEXT = "MINTING-ANON-MARKER nobody listens at the workshop"
REFUSED = (NotAllowed, NotFound, ValidationFailed)


@pytest.fixture
def scene(world: Any) -> dict[str, Any]:
    confidential = concern_services.concern_raise(
        actor=world.users["contributor"],
        project=world.project,
        mode="confidential",
        **concern_data(subject="Treated badly", what_happened=SEALED_TEXT),
    )
    anonymous, _ = concern_services.concern_raise_anonymous(
        project=world.project, **concern_data(subject="Hurried", what_happened=ANON_TEXT)
    )
    alt = make_user("lead.second@example.org", "Lena's Other Account")
    # A second organisation, with its own admin, that the lead might try to name.
    friendly_admin = make_user("admin@friendly.example.org", "Friendly Admin")
    friendly = funder_services.organisation_create(
        actor=None, name="Friendly Fund", admin_email=friendly_admin.email
    )
    return {
        "world": world,
        "concerns": [confidential, anonymous],
        "alt": alt,
        "friendly": friendly,
        "lead": world.users["lead"],
    }


def _api(client: Any, method: str, url: str, data: dict[str, Any] | None = None) -> Any:
    if method == "GET":
        return client.get(url)
    return client.generic(method, url, json.dumps(data or {}), content_type="application/json")


def _try(call: Callable[[], Any]) -> None:
    """A route the lead may try: refused, or (if the step is harmless) allowed."""
    try:
        call()
    except REFUSED:
        pass


# -- the routes a lead can try --------------------------------------------------------


def invite_as_funder(s: dict[str, Any], client_for: Any) -> None:
    w, lead, alt = s["world"], s["lead"], s["alt"]
    with pytest.raises(ValidationFailed, match="Nobody in a project can make someone a funder"):
        project_services.invitation_create(
            actor=lead, project=w.project, email=alt.email, role="funder"
        )
    r = _api(
        client_for(lead),
        "POST",
        f"/api/v1/projects/{w.project.slug}/invitations",
        {"email": alt.email, "role": "funder"},
    )
    assert r.status_code == 400 and "funder organisation appoints" in r.json()["detail"]
    page = client_for(lead).post(
        reverse("projects:invitation-create", args=[w.project.slug]),
        {"email": alt.email, "role": "funder"},
    )
    assert page.status_code == 400
    assert not Invitation.objects.filter(email=alt.email, role="funder").exists()


def invite_then_promote(s: dict[str, Any], client_for: Any) -> None:
    w, lead, alt = s["world"], s["lead"], s["alt"]
    membership = add_member(w.project, lead, alt, "observer")
    with pytest.raises(ValidationFailed, match="funder organisation appoints"):
        project_services.membership_change_role(
            actor=lead, project=w.project, membership_id=membership.pk, role="funder"
        )
    r = _api(
        client_for(lead),
        "POST",
        f"/api/v1/projects/{w.project.slug}/members/{membership.pk}/role",
        {"role": "funder"},
    )
    assert r.status_code == 400
    client_for(lead).post(
        reverse("projects:member-role", args=[w.project.slug, membership.pk]), {"role": "funder"}
    )
    membership.refresh_from_db()
    assert membership.role == "observer"


def friend_lead_promotes(s: dict[str, Any], client_for: Any) -> None:
    w, lead, alt = s["world"], s["lead"], s["alt"]
    add_member(w.project, lead, alt, "lead")
    # The second lead promotes the first, or anyone else, to funder: refused alike.
    for target in Membership.objects.filter(project=w.project, left_at__isnull=True):
        with pytest.raises(ValidationFailed):
            project_services.membership_change_role(
                actor=alt, project=w.project, membership_id=target.pk, role="funder"
            )


def accept_own_funder_invitation(s: dict[str, Any], client_for: Any) -> None:
    """An invitation 'as funder' from before organisations, still pending: accepting it
    from the second account is refused (the data migration also withdraws such invitations)."""
    w, lead, alt = s["world"], s["lead"], s["alt"]
    raw = "legacy-token-for-minting-test"
    Invitation.objects.create(
        project=w.project,
        email=alt.email,
        role="funder",
        token_hash=token_hash(raw),
        invited_by=lead,
    )
    with pytest.raises(ValidationFailed, match="funder organisation appoints"):
        project_services.invitation_accept(actor=alt, token=raw)
    r = _api(client_for(alt), "POST", "/api/v1/invitations/accept", {"token": raw})
    assert r.status_code == 400
    assert not Membership.objects.filter(project=w.project, user=alt).exists()


def name_own_organisation(s: dict[str, Any], client_for: Any) -> None:
    """The lead cannot make up an organisation; naming one that exists asks its admins,
    and the lead cannot answer for them, appoint, or become its admin."""
    w, lead, alt, friendly = s["world"], s["lead"], s["alt"], s["friendly"]
    with pytest.raises(NotAllowed):
        funder_services.organisation_create(
            actor=lead, name="Lena's Own Fund", admin_email=alt.email
        )
    assert not FunderOrganisation.objects.filter(name="Lena's Own Fund").exists()
    r = _api(
        client_for(lead),
        "POST",
        f"/api/v1/projects/{w.project.slug}/funder",
        {"organisation": "lenas-own-fund"},
    )
    assert r.status_code == 400
    link = funder_services.project_funder_name(actor=lead, project=w.project, organisation=friendly)
    for actor in (lead, alt):
        with pytest.raises(REFUSED):
            funder_services.project_funder_answer(actor=actor, link_id=link.pk, confirm=True)
        with pytest.raises(REFUSED):
            funder_services.appointment_create(
                actor=actor, organisation=friendly, email=alt.email, kind="reviewer"
            )
        r = _api(
            client_for(actor),
            "POST",
            f"/api/v1/funders/{friendly.slug}/requests/{link.pk}/answer",
            {"confirm": True},
        )
        assert r.status_code in (403, 404)
        r = _api(
            client_for(actor),
            "POST",
            f"/api/v1/funders/{friendly.slug}/appointments",
            {"email": alt.email, "kind": "reviewer"},
        )
        assert r.status_code in (403, 404)
    # Naming another organisation never removes the confirmed one's reviewers meanwhile.
    assert s["world"].users["funder"].pk in _reviewer_ids(w.project)


def appoint_in_the_real_funder(s: dict[str, Any], client_for: Any) -> None:
    w, lead, alt = s["world"], s["lead"], s["alt"]
    fund = w.extra["funder_organisation"]
    for actor in (lead, alt, w.users["funder"]):
        with pytest.raises(REFUSED):
            funder_services.appointment_create(
                actor=actor, organisation=fund, email=alt.email, kind="reviewer"
            )
        with pytest.raises(REFUSED):
            funder_services.appointment_create(
                actor=actor, organisation=fund, email=alt.email, kind="admin"
            )
    r = _api(
        client_for(w.users["funder"]),
        "POST",
        f"/api/v1/funders/{fund.slug}/appointments",
        {"email": alt.email, "kind": "independent"},
    )
    assert r.status_code == 403


def member_appointed_reviewer_stays_a_member(s: dict[str, Any], client_for: Any) -> None:
    """Even if the funder appoints the lead as a reviewer, the lead acts as the lead."""
    w, lead = s["world"], s["lead"]
    fund = w.extra["funder_organisation"]
    funder_services.appointment_create(
        actor=w.extra["funder_admin"], organisation=fund, email=lead.email, kind="reviewer"
    )


def legacy_funder_membership(s: dict[str, Any], client_for: Any) -> None:
    """A funder membership written behind the software's back (or from before
    organisations) grants no reviewer powers."""
    w, alt = s["world"], s["alt"]
    Membership.objects.update_or_create(
        project=w.project, user=alt, defaults={"role": "funder", "left_at": None}
    )


ROUTES = [
    invite_as_funder,
    invite_then_promote,
    friend_lead_promotes,
    accept_own_funder_invitation,
    name_own_organisation,
    appoint_in_the_real_funder,
    member_appointed_reviewer_stays_a_member,
    legacy_funder_membership,
]


# -- the check ------------------------------------------------------------------------


def _reviewer_ids(project: Any) -> set[int]:
    from workings.projects.permissions import project_policy

    return project_policy.reviewer_ids(project)


def _what_they_see(client: Any, project: Any, concern: Any) -> tuple[str, str]:
    """(the concern pages and API, the log entries API) as this person gets them."""
    slug = project.slug
    concern_views = [
        client.get(reverse("concerns:detail", args=[slug, concern.pk])),
        client.get(reverse("concerns:list", args=[slug])),
        client.get(f"/api/v1/projects/{slug}/concerns/{concern.pk}"),
        client.get(f"/api/v1/projects/{slug}/concerns"),
        client.get(reverse("concerns:inbox")),
        client.get("/api/v1/concerns/inbox"),
    ]
    log = client.get(f"/api/v1/projects/{slug}/log/entries")
    return "\n".join(r.content.decode() for r in concern_views), log.content.decode()


def assert_only_reviewers_read(s: dict[str, Any], client_for: Any) -> None:
    w = s["world"]
    raiser = w.users["contributor"]
    reviewer = w.users["funder"]
    assert _reviewer_ids(w.project) == {reviewer.pk}
    for user in [None, *User.objects.all()]:
        for concern in s["concerns"]:
            pages, log = _what_they_see(client_for(user), w.project, concern)
            marker = SEALED_TEXT if concern.raised_by_id else ANON_TEXT
            who = user.email if user else "signed out"
            if user is not None and user.pk in (reviewer.pk, concern.raised_by_id):
                assert marker in pages and marker in log, f"{who} should read {concern.pk}"
                continue
            assert marker not in pages, f"{who} read sealed concern {concern.pk}"
            assert marker not in log, f"{who} read sealed concern {concern.pk} in the log"
            # The raiser's name is never shown beside a sealed concern (the log may name
            # them elsewhere, for joining the project).
            if user is None or user.pk != raiser.pk:
                assert raiser.display_name not in pages, f"{who} learnt who raised it"


@pytest.mark.parametrize("route", ROUTES, ids=[r.__name__ for r in ROUTES])
def test_each_route_ends_with_only_reviewers_reading(
    scene: dict[str, Any], client_for: Any, route: Callable[..., None]
) -> None:
    route(scene, client_for)
    assert_only_reviewers_read(scene, client_for)


def test_every_route_in_one_sequence(scene: dict[str, Any], client_for: Any) -> None:
    for route in ROUTES:
        try:
            route(scene, client_for)
        except (WorkingsError, AssertionError):
            # A later route may meet state an earlier one left (e.g. already a member);
            # what matters is who can read at the end.
            pass
    assert_only_reviewers_read(scene, client_for)


def test_an_ended_appointment_reads_nothing_past_concerns_included(
    scene: dict[str, Any], client_for: Any
) -> None:
    w = scene["world"]
    reviewer = w.users["funder"]
    fund = w.extra["funder_organisation"]
    concern = scene["concerns"][0]
    assert SEALED_TEXT in _what_they_see(client_for(reviewer), w.project, concern)[0]
    funder_services.appointment_end(
        actor=w.extra["funder_admin"],
        organisation=fund,
        appointment_id=fund.appointments.get(user=reviewer).pk,
        reason="Left the Fund",
    )
    reviewer = User.objects.get(pk=reviewer.pk)
    for sealed in scene["concerns"]:
        pages, log = _what_they_see(client_for(reviewer), w.project, sealed)
        for text in (pages, log):
            assert SEALED_TEXT not in text and ANON_TEXT not in text
