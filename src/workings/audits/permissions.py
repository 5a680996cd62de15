"""The audits policy: who may see, ask for, answer, add to and sign an audit.

Members and the funder's reviewers read audits (figures, each side's totals, findings). An
audit is asked for on demand by the funder's reviewers or a public contributor; scheduled
ones open by themselves. Contributors and the research team (lead and researchers) each give
one private self-assessment per open audit. Findings come from anyone who writes entries or
reviews. Separation of powers: only the funder's reviewers sign an audit (never the lead
whose project it is), and nobody, the lead included, sees one person's answers.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workings.audits.models import Audit, AuditStatus, Side
from workings.core.exceptions import NotAllowed, NotFound
from workings.projects.permissions import project_policy
from workings.projects.roles import Role


def _role(user: Any, project: Any) -> str | None:
    return project_policy.role_of(user, project)


class AuditPolicy:
    def can_view(self, user: Any, project: Any) -> bool:
        return _role(user, project) is not None

    def can_ask(self, user: Any, project: Any) -> bool:
        """Ask for an audit now: the funder's reviewers or a public contributor."""
        return _role(user, project) in (Role.FUNDER, Role.CONTRIBUTOR)

    def side_of(self, user: Any, project: Any) -> str | None:
        role = _role(user, project)
        if role == Role.CONTRIBUTOR:
            return Side.CONTRIBUTORS
        if role in (Role.LEAD, Role.RESEARCHER):
            return Side.RESEARCHERS
        return None

    def can_assess(self, user: Any, audit: Audit) -> bool:
        return audit.status == AuditStatus.OPEN and self.side_of(user, audit.project) is not None

    def can_find(self, user: Any, audit: Audit) -> bool:
        role = _role(user, audit.project)
        return audit.status == AuditStatus.OPEN and role in (
            Role.FUNDER,
            Role.LEAD,
            Role.RESEARCHER,
            Role.CONTRIBUTOR,
        )

    def can_sign(self, user: Any, audit: Audit) -> bool:
        return audit.status == AuditStatus.OPEN and _role(user, audit.project) == Role.FUNDER


audit_policy = AuditPolicy()


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)


def audit_get_for(user: Any, project: Any, pk: int) -> Audit:
    if not audit_policy.can_view(user, project):
        raise NotFound(_("We could not find that audit."))
    audit = Audit.objects.filter(project=project, pk=pk).first()
    if audit is None:
        raise NotFound(_("We could not find that audit."))
    return audit
