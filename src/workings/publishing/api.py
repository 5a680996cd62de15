"""Consent on request over the API: the same services, selectors and policy as the pages.
The lead asks; the author (a current contributor, or one who left) reads what they were
asked and answers."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from workings.accounts.api_auth import project_auth
from workings.core.exceptions import NotAllowed, NotFound
from workings.core.schema import InputSchema
from workings.publishing import selectors, services
from workings.publishing.models import ConsentRequest
from workings.publishing.permissions import consent_project_for, publishing_policy

router = Router(tags=["publishing"])
# A former contributor reaches their own requests; others as the record's readers.
READERS = project_auth("view_record", getter=consent_project_for)
# Asking is the lead's (checked before the body is read).
LEAD = project_auth("update")


class ConsentRequestOut(Schema):
    id: int
    seq: int
    author: int
    requested_by: int
    note: str
    status: str
    publish: bool | None


class ConsentRequestIn(InputSchema):
    seq: int
    note: str = ""


class ConsentAnswerIn(InputSchema):
    publish: bool


def _out(r: ConsentRequest) -> ConsentRequestOut:
    return ConsentRequestOut(
        id=r.pk,
        seq=r.seq,
        author=r.author_id,
        requested_by=r.requested_by_id,
        note=r.note,
        status=r.status,
        publish=r.publish,
    )


@router.get(
    "/projects/{slug}/publishing/consent-requests",
    response=list[ConsentRequestOut],
    auth=READERS,
)
def publishing_consent_request_list(request: HttpRequest, slug: str) -> list[ConsentRequestOut]:
    """The requests sent about this project's entries (the lead), or those sent to you
    about your own entries (a contributor, current or former)."""
    project = request.project  # type: ignore[attr-defined]
    if publishing_policy.can_request_consent(request.user, project):
        return [_out(r) for r in selectors.requests_sent(project=project)]
    if publishing_policy.can_consent(request.user, project):
        return [_out(r) for r in selectors.requests_to(project=project, user=request.user)]
    raise NotAllowed(_("Only the lead and the project's contributors see consent requests."))


@router.post(
    "/projects/{slug}/publishing/consent-requests",
    response={201: ConsentRequestOut},
    auth=LEAD,
)
def publishing_consent_request_make(
    request: HttpRequest, slug: str, payload: ConsentRequestIn
) -> Status[ConsentRequestOut]:
    """Ask the author of one entry whether it may be published (once per entry)."""
    made = services.consent_request(
        actor=request.user,
        project=request.project,  # type: ignore[attr-defined]
        seq=payload.seq,
        note=payload.note,
    )
    return Status(201, _out(made))


@router.post(
    "/projects/{slug}/publishing/consent-requests/{request_id}/answer",
    response=ConsentRequestOut,
    auth=READERS,
)
def publishing_consent_request_answer(
    request: HttpRequest, slug: str, request_id: int, payload: ConsentAnswerIn
) -> ConsentRequestOut:
    """Answer yes or no for that one entry (its author only)."""
    project = request.project  # type: ignore[attr-defined]
    asked = selectors.request_get_for(project=project, pk=request_id)
    if asked is None or not publishing_policy.can_answer_request(request.user, asked):
        raise NotFound(_("There is no such request for you in this project."))
    services.consent_request_answer(actor=request.user, request=asked, publish=payload.publish)
    asked.refresh_from_db()
    return _out(asked)
