"""Who may read and act on a project's log. Reading follows the project policy; what an
entry's content shows follows the audience its type declared (events/types.py): public
content to anyone who may read the record, member-only content and parts to members and
funder reviewers, sealed content to funder reviewers and the raiser (decided by the
concerns app)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workings.events.models import Entry
from workings.events.types import Audience, audience_of
from workings.projects.permissions import project_policy
from workings.projects.roles import Role


class LogPolicy:
    def can_view_record(self, user: Any, project: Any) -> bool:
        return project_policy.can(user, "view_record", project)

    def can_view_content(self, user: Any, project: Any, entry: Entry) -> bool:
        """May ``user`` read the entry's content (its public part, for a public type)?"""
        if not self.can_view_record(user, project):
            return False
        audience = audience_of(entry.type, sealed=entry.sealed)
        if audience == Audience.SEALED:
            if project_policy.role_of(user, project) == Role.FUNDER:
                return True
            return any(check(user, project, entry) for check in _SEALED_READERS)
        if audience == Audience.PUBLIC:
            return True
        return self.can_view_member_part(user, project, entry)

    def can_view_member_part(self, user: Any, project: Any, entry: Entry) -> bool:
        """May ``user`` read what the entry keeps for members (personal data)?"""
        if entry.sealed:
            return self.can_view_content(user, project, entry)
        if not self.can_view_record(user, project):
            return False
        return project_policy.is_member(user, project)

    def can_view_contacts(self, user: Any, project: Any) -> bool:
        """May ``user`` read the e-mail addresses in entries' member parts? Only those who
        manage the project's members (its leads: they typed the invitations' addresses)."""
        return project_policy.can(user, "manage_members", project)

    def can_erase(self, user: Any, project: Any, entry: Entry) -> bool:
        if entry.sealed or entry.type == "entry.erased":
            return False
        if project_policy.can(user, "erase_entries", project):
            return True
        return bool(user.is_authenticated and entry.actor_id == user.pk)

    def can_witness(self, user: Any, project: Any) -> bool:
        return project_policy.can(user, "witness", project)


# The app that seals an entry says who else may read it (the concerns app: its raiser).
_SEALED_READERS: list[Callable[[Any, Any, Entry], bool]] = []


def register_sealed_reader(check: Callable[[Any, Any, Entry], bool]) -> None:
    if check not in _SEALED_READERS:
        _SEALED_READERS.append(check)


log_policy = LogPolicy()
