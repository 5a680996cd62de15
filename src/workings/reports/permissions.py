"""Who may see which annex, and who may act on reports. The one place these are decided.

Audiences: *public* (anyone who may read the record: members, and everyone for a published
project); *team* (the lead, researchers, contributors and observers); *funder* (the funder's
reviewers, who alone may read sealed entries such as confidential concerns). The team
audience never includes sealed content, so a confidential concern or its raiser can never
reach a team or public annex.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workings.core.exceptions import NotAllowed, NotFound
from workings.core.text import quoted
from workings.projects.permissions import project_policy
from workings.projects.roles import Role
from workings.reports.ledger_view import AUDIENCES, FUNDER, PUBLIC, TEAM

TEAM_ROLES = frozenset({Role.LEAD, Role.RESEARCHER, Role.CONTRIBUTOR, Role.OBSERVER})
NARRATIVE_ROLES = frozenset({Role.LEAD, Role.RESEARCHER, Role.CONTRIBUTOR})


class ReportPolicy:
    def audiences_for(self, user: Any, project: Any) -> list[str]:
        out = []
        if project_policy.can(user, "view_record", project):
            out.append(PUBLIC)
        role = project_policy.role_of(user, project)
        if role in TEAM_ROLES:
            out.append(TEAM)
        if role == Role.FUNDER:
            out.append(FUNDER)
        return out

    def check_audience(self, user: Any, project: Any, audience: str) -> str:
        if audience not in AUDIENCES:
            raise NotFound(
                _("There is no annex for %(value)s: choose public, team or funder.")
                % {"value": quoted(audience)}
            )
        if audience not in self.audiences_for(user, project):
            raise NotAllowed(
                _("Your role in this project does not let you see the %(audience)s annex.")
                % {"audience": audience}
            )
        return audience

    def can_register(self, user: Any, project: Any) -> bool:
        return project_policy.can(user, "update", project)

    def can_open_reply(self, user: Any, project: Any) -> bool:
        return project_policy.can(user, "update", project)

    def can_reply(self, user: Any, project: Any) -> bool:
        return project_policy.role_of(user, project) == Role.CONTRIBUTOR

    def can_edit_narrative(self, user: Any, project: Any) -> bool:
        return project_policy.role_of(user, project) in NARRATIVE_ROLES


report_policy = ReportPolicy()
