"""Matrix entries for projects, members, invitations and leaving (pages and API)."""

from __future__ import annotations

from typing import Any

from tests.matrix import (
    ALL,
    CONTRIBUTOR,
    LEAD,
    MEMBERS,
    NOBODY,
    OBSERVER,
    RESEARCHER,
    SIGNED_IN,
    Case,
    slug_kwargs,
)

LEAD_ONLY = frozenset({LEAD})


def setup(world: Any) -> None:
    from workings.projects import services

    invitation, raw = services.invitation_create(
        actor=world.users["lead"],
        project=world.project,
        email="invitee@example.org",
        role="observer",
    )
    world.extra["invitation"] = invitation
    world.extra["invitation_token"] = raw


def _member(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "pk": world.memberships["observer"].pk}


def _api_member(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "member_id": world.memberships["observer"].pk}


def _invitation(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "pk": world.extra["invitation"].pk}


def _api_invitation(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "invitation_id": world.extra["invitation"].pk}


# Every current member may leave, except that the last lead is refused by the service
# with a form error (still 'allowed in'); the matrix checks who reaches the page at all.
# The funder's reviewer is appointed by the funder organisation, not a member: they have no
# membership to leave or rename.
LEAVERS = frozenset({OBSERVER, CONTRIBUTOR, RESEARCHER, LEAD})
MEMBERSHIP_HOLDERS = LEAVERS

CASES: dict[str, Case] = {
    "projects:list": Case(get=SIGNED_IN, post=None),
    "projects:create": Case(get=SIGNED_IN, post=SIGNED_IN),
    "projects:detail": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "projects:update": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=slug_kwargs),
    "projects:members": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "projects:member-role": Case(get=None, post=LEAD_ONLY, kwargs=_member),
    "projects:member-remove": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=_member),
    "projects:invitation-create": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=slug_kwargs),
    "projects:invitation-withdraw": Case(get=None, post=LEAD_ONLY, kwargs=_invitation),
    "projects:membership": Case(
        get=MEMBERSHIP_HOLDERS, post=MEMBERSHIP_HOLDERS, kwargs=slug_kwargs
    ),
    "projects:leave": Case(get=LEAVERS, post=LEAVERS, kwargs=slug_kwargs),
    # Only the invited address may open an invitation link (the invitee is not in the cast).
    "invitations:answer": Case(
        get=NOBODY, post=NOBODY, kwargs=lambda w: {"token": w.extra["invitation_token"]}
    ),
    "api:api-root": Case(get=NOBODY, post=NOBODY),
    "api:openapi-json": Case(get=ALL, post=ALL),
    "api:openapi-view": Case(get=ALL, post=ALL),
    "api:project_list": Case(get=ALL, post=SIGNED_IN, json=True),
    "api:project_create": Case(get=ALL, post=SIGNED_IN, json=True),
    "api:project_detail": Case(
        get=MEMBERS, post=None, kwargs=slug_kwargs, json=True, other={"PUT": LEAD_ONLY}
    ),
    "api:project_update": Case(
        get=MEMBERS, post=None, kwargs=slug_kwargs, json=True, other={"PUT": LEAD_ONLY}
    ),
    "api:member_list": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
    "api:member_role": Case(get=None, post=LEAD_ONLY, kwargs=_api_member, json=True),
    "api:member_remove": Case(get=None, post=LEAD_ONLY, kwargs=_api_member, json=True),
    "api:membership_update": Case(
        get=None, post=None, kwargs=slug_kwargs, json=True, other={"PUT": MEMBERSHIP_HOLDERS}
    ),
    "api:leave": Case(get=None, post=LEAVERS, kwargs=slug_kwargs, json=True),
    "api:invitation_list": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=slug_kwargs, json=True),
    "api:invitation_create": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=slug_kwargs, json=True),
    "api:invitation_withdraw": Case(get=None, post=LEAD_ONLY, kwargs=_api_invitation, json=True),
    # Signed-in people reach these; the service refuses an invitation sent to someone else.
    "api:invitation_accept": Case(get=None, post=SIGNED_IN, json=True),
    "api:invitation_decline": Case(get=None, post=SIGNED_IN, json=True),
}
