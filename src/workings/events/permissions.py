"""Who may read and act on a project's log. Reading follows the project policy; content of
sealed entries is for funder reviewers and the raiser only (decided by the concerns app)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workings.events.models import Entry
from workings.projects.permissions import project_policy
from workings.projects.roles import Role


class LogPolicy:
    def can_view_record(self, user: Any, project: Any) -> bool:
        return project_policy.can(user, "view_record", project)

    def can_view_content(self, user: Any, project: Any, entry: Entry) -> bool:
        if not self.can_view_record(user, project):
            return False
        if entry.sealed:
            if project_policy.role_of(user, project) == Role.FUNDER:
                return True
            return any(check(user, project, entry) for check in _SEALED_READERS)
        if project_policy.is_member(user, project):
            return True
        # The public sees published projects' entries, but not who invited whom.
        return entry.type not in PRIVATE_TYPES

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


# Told of every sealed entry whose content is about to be shown to someone, so the read is
# recorded (the concerns app registers one; it knows which concern an entry is about).
_SEALED_READ_LISTENERS: list[Callable[[Any, Any, list[Entry], str], None]] = []


def register_sealed_read_listener(listener: Callable[[Any, Any, list[Entry], str], None]) -> None:
    if listener not in _SEALED_READ_LISTENERS:
        _SEALED_READ_LISTENERS.append(listener)


def note_sealed_reads(user: Any, project: Any, entries: list[Entry], via: str) -> None:
    shown = [e for e in entries if e.sealed]
    if not shown:
        return
    for listener in _SEALED_READ_LISTENERS:
        listener(user, project, shown, via)


# Event types whose content names people who never chose to be public (e.g. invitations).
PRIVATE_TYPES = frozenset({"member.invited", "invitation.declined", "invitation.withdrawn"})

log_policy = LogPolicy()
