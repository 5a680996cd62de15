"""Writes for projects, invitations and memberships (project.py, invitations.py,
memberships.py). Each service validates, writes the rows and appends the event to the
project's log (events.services.append_event)."""

from __future__ import annotations

from workings.projects.services.invitations import (
    invitation_accept,
    invitation_create,
    invitation_decline,
    invitation_for_answer,
    invitation_get_by_token,
    invitation_withdraw,
)
from workings.projects.services.memberships import (
    membership_change_role,
    membership_leave,
    membership_remove,
    membership_update,
)
from workings.projects.services.project import FUNDER_ROLE_REFUSED, project_create, project_update

__all__ = [
    "FUNDER_ROLE_REFUSED",
    "invitation_accept",
    "invitation_create",
    "invitation_decline",
    "invitation_for_answer",
    "invitation_get_by_token",
    "invitation_withdraw",
    "membership_change_role",
    "membership_leave",
    "membership_remove",
    "membership_update",
    "project_create",
    "project_update",
]
