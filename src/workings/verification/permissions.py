"""The verification policy: who drafts, sends and closes a request, who answers, and who
sees what of the answers (docs/decisions/verification-audiences.md).

- Only the project's funder reviewers (the "review" action: appointed by the confirmed
  funder organisation, never by the project) draft, send, remind and close, and only they
  read individual answers. The lead cannot: a request checks the lead's own claims.
- Only a person asked (a current or former contributor) answers, once. A current contributor
  answers signed in; a former one through their one-time link (services.link_recipient).
- The project's members see the request and, once it is closed, only the counts, and only
  where at least three people answered. Nobody but the funder sees the response rate while
  the request is open, and nobody ever sees who answered which way.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workings.core.exceptions import NotFound
from workings.projects.models import Project
from workings.projects.permissions import project_policy
from workings.verification.models import Recipient, Status, VerificationRequest


class VerificationPolicy:
    def can_view(self, user: Any, project: Project) -> bool:
        return project_policy.can(user, "view_members", project)

    def can_manage(self, user: Any, project: Project) -> bool:
        """Draft, edit, send, remind and close: the funder's reviewers only."""
        return project_policy.can(user, "review", project)

    def can_read_answers(self, user: Any, project: Project) -> bool:
        """Each person's answers (anonymous ones without a name): the funder's reviewers."""
        return project_policy.can(user, "review", project)

    def can_see_results(self, user: Any, request: VerificationRequest) -> bool:
        if self.can_manage(user, request.project):
            return True
        return request.status == Status.CLOSED and self.can_view(user, request.project)

    def recipient_for(self, user: Any, request: VerificationRequest) -> Recipient | None:
        """The person's place among those asked, if they are a *current* contributor (a
        former one answers through their link, not their account)."""
        if user is None or not user.is_authenticated:
            return None
        if not project_policy.can(user, "write_own_account", request.project):
            return None
        return Recipient.objects.filter(request=request, user=user, former=False).first()

    def can_answer(self, user: Any, request: VerificationRequest) -> bool:
        recipient = self.recipient_for(user, request)
        return recipient is not None and request.status == Status.OPEN and not recipient.answered


verification_policy = VerificationPolicy()


def request_get_for(user: Any, project: Project, pk: int) -> VerificationRequest:
    """The request if this person may see it; the same 'not found' otherwise. A draft is
    the funder's until it is sent."""
    not_found = NotFound(_("We could not find that verification request."))
    if not verification_policy.can_view(user, project):
        raise not_found
    request = VerificationRequest.objects.filter(project=project, pk=pk).first()
    if request is None:
        raise not_found
    if request.status == Status.DRAFT and not verification_policy.can_manage(user, project):
        raise not_found
    return request
