"""Projects, members, invitations and leaving, over the API. Same services and policy as
the pages: each endpoint gets the project through project_get_for and calls one service."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from ninja import Router, Schema, Status

from workings.accounts.api_auth import project_auth, public_auth
from workings.core.schema import InputSchema
from workings.projects import selectors, services
from workings.projects.permissions import project_policy
from workings.projects.roles import Credit
from workings.projects.summary import public_summary

router = Router(tags=["projects"])


class ProjectIn(InputSchema):
    title: str
    summary: str
    funder_name: str = ""
    funder_reference: str = ""
    start_date: dt.date
    end_date: dt.date
    involvement_budget: Decimal = Decimal("0")
    currency: str = "GBP"


class ProjectUpdateIn(ProjectIn):
    # Refused if it differs: the summary is a co-owned document once the project exists.
    summary: str | None = None  # type: ignore[assignment]
    is_published: bool = False


class ProjectOut(Schema):
    slug: str
    title: str
    summary: str
    funder_name: str
    funder_reference: str
    start_date: dt.date
    end_date: dt.date
    involvement_budget: Decimal
    currency: str
    is_published: bool
    my_role: str | None = None


class MemberOut(Schema):
    id: int
    name: str
    role: str
    credit: str
    joined_at: dt.datetime
    left_at: dt.datetime | None
    left_reason: str


class InvitationIn(InputSchema):
    email: str
    role: str
    message: str = ""


class InvitationOut(Schema):
    id: int
    email: str
    role: str
    status: str
    created_at: dt.datetime


class InvitationAnswerIn(InputSchema):
    token: str
    display_name: str = ""
    credit: str = Credit.NAME


class RoleIn(InputSchema):
    role: str
    reason: str = ""


class MembershipIn(InputSchema):
    display_name: str = ""
    credit: str = Credit.NAME


class LeaveIn(InputSchema):
    reason: str = ""
    # The reason is the team's to read unless this is true.
    reason_public: bool = False
    credit: str = Credit.NAME


class RemoveIn(InputSchema):
    reason: str


class Message(Schema):
    detail: str


def _project_out(request: HttpRequest, project: object) -> ProjectOut:
    out = ProjectOut.from_orm(project)
    # What the public reads: the owners' latest approved summary, else the starting text.
    out.summary = public_summary(project).text
    out.my_role = project_policy.role_of(request.user, project)  # type: ignore[arg-type]
    return out


def _member_out(m: object) -> MemberOut:
    return MemberOut(
        id=m.id,
        name=m.label,
        role=m.role,
        credit=m.credit,  # type: ignore[attr-defined]
        joined_at=m.joined_at,
        left_at=m.left_at,
        left_reason=m.left_reason,  # type: ignore[attr-defined]
    )


@router.get("/projects", response=list[ProjectOut], auth=public_auth)
def project_list(request: HttpRequest) -> list[ProjectOut]:
    """Projects you belong to, and published ones."""
    return [_project_out(request, p) for p in selectors.project_list_for(user=request.user)[:200]]


@router.post("/projects", response={201: ProjectOut})
def project_create(request: HttpRequest, payload: ProjectIn) -> Status[ProjectOut]:
    project = services.project_create(actor=request.user, **payload.dict())
    return Status(201, _project_out(request, project))


@router.get("/projects/{slug}", response=ProjectOut, auth=project_auth("view", public=True))
def project_detail(request: HttpRequest, slug: str) -> ProjectOut:
    return _project_out(request, request.project)  # type: ignore[attr-defined]


@router.put("/projects/{slug}", response=ProjectOut, auth=project_auth("update"))
def project_update(request: HttpRequest, slug: str, payload: ProjectUpdateIn) -> ProjectOut:
    project = request.project  # type: ignore[attr-defined]
    return _project_out(
        request, services.project_update(actor=request.user, project=project, **payload.dict())
    )


@router.get("/projects/{slug}/members", response=list[MemberOut], auth=project_auth("view_members"))
def member_list(request: HttpRequest, slug: str) -> list[MemberOut]:
    project = request.project  # type: ignore[attr-defined]
    return [_member_out(m) for m in selectors.member_list(project=project)]


@router.post(
    "/projects/{slug}/members/{member_id}/role",
    response=MemberOut,
    auth=project_auth("manage_members"),
)
def member_role(request: HttpRequest, slug: str, member_id: int, payload: RoleIn) -> MemberOut:
    project = request.project  # type: ignore[attr-defined]
    return _member_out(
        services.membership_change_role(
            actor=request.user, project=project, membership_id=member_id, **payload.dict()
        )
    )


@router.post(
    "/projects/{slug}/members/{member_id}/remove",
    response=MemberOut,
    auth=project_auth("manage_members"),
)
def member_remove(request: HttpRequest, slug: str, member_id: int, payload: RemoveIn) -> MemberOut:
    project = request.project  # type: ignore[attr-defined]
    return _member_out(
        services.membership_remove(
            actor=request.user, project=project, membership_id=member_id, reason=payload.reason
        )
    )


@router.put(
    "/projects/{slug}/membership", response=MemberOut, auth=project_auth("update_own_membership")
)
def membership_update(request: HttpRequest, slug: str, payload: MembershipIn) -> MemberOut:
    project = request.project  # type: ignore[attr-defined]
    return _member_out(
        services.membership_update(actor=request.user, project=project, **payload.dict())
    )


@router.post("/projects/{slug}/leave", response=MemberOut, auth=project_auth("leave"))
def leave(request: HttpRequest, slug: str, payload: LeaveIn) -> MemberOut:
    """Walk away from a project. Nothing you contributed is deleted."""
    project = request.project  # type: ignore[attr-defined]
    return _member_out(
        services.membership_leave(actor=request.user, project=project, **payload.dict())
    )


@router.get(
    "/projects/{slug}/invitations", response=list[InvitationOut], auth=project_auth("invite")
)
def invitation_list(request: HttpRequest, slug: str) -> list[InvitationOut]:
    project = request.project  # type: ignore[attr-defined]
    return [InvitationOut.from_orm(i) for i in selectors.invitation_list(project=project)]


@router.post(
    "/projects/{slug}/invitations", response={201: InvitationOut}, auth=project_auth("invite")
)
def invitation_create(
    request: HttpRequest, slug: str, payload: InvitationIn
) -> Status[InvitationOut]:
    project = request.project  # type: ignore[attr-defined]
    invitation, _ = services.invitation_create(
        actor=request.user, project=project, **payload.dict()
    )
    return Status(201, InvitationOut.from_orm(invitation))


@router.post(
    "/projects/{slug}/invitations/{invitation_id}/withdraw",
    response=InvitationOut,
    auth=project_auth("invite"),
)
def invitation_withdraw(request: HttpRequest, slug: str, invitation_id: int) -> InvitationOut:
    project = request.project  # type: ignore[attr-defined]
    return InvitationOut.from_orm(
        services.invitation_withdraw(
            actor=request.user, project=project, invitation_id=invitation_id
        )
    )


@router.post("/invitations/accept", response=MemberOut)
def invitation_accept(request: HttpRequest, payload: InvitationAnswerIn) -> MemberOut:
    """Accept with the token from the invitation e-mail's link."""
    return _member_out(services.invitation_accept(actor=request.user, **payload.dict()))


@router.post("/invitations/decline", response=Message)
def invitation_decline(request: HttpRequest, payload: InvitationAnswerIn) -> Message:
    services.invitation_decline(actor=request.user, token=payload.token)
    return Message(detail="You have declined the invitation.")
