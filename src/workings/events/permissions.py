"""Who may read and act on a project's log. Reading follows the project policy; content of
sealed entries is for funder reviewers and the raiser only (decided by the concerns app)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workings.events.models import Entry, HiddenEntry
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
        # The public sees published projects' entries, but not who invited whom, and not
        # what the lead hid from the public view (a tombstone shows instead).
        if entry.type in PRIVATE_TYPES:
            return False
        return active_hiding(entry) is None

    def can_erase(self, user: Any, project: Any, entry: Entry) -> bool:
        """Nobody erases another person's words: an entry is erased by its author, or, if the
        software wrote it (no personal author), by a lead. Anyone else's words go through a
        data-protection request to a site administrator (can_erase_on_request)."""
        if not user.is_authenticated:
            return False
        if entry.sealed or entry.type in LOG_OWN_TYPES:
            return False
        if entry.actor_id is not None:
            return bool(entry.actor_id == user.pk and self.can_view_record(user, project))
        return project_policy.can(user, "erase_entries", project)

    def can_erase_on_request(self, user: Any, entry: Entry) -> bool:
        if not self.handles_data_requests(user):
            return False
        return not entry.sealed and entry.type not in LOG_OWN_TYPES

    def handles_data_requests(self, user: Any) -> bool:
        """Site administrators handle data-protection requests, never a project's own role."""
        if not user.is_authenticated:
            return False
        return bool(user.is_staff or user.is_superuser)

    def can_hide(self, user: Any, project: Any, entry: Entry) -> bool:
        if entry.sealed or entry.type in LOG_OWN_TYPES:
            return False
        return project_policy.can(user, "hide_entries", project)

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
PRIVATE_TYPES = frozenset(
    {"member.invited", "invitation.declined", "invitation.withdrawn", "entry.erased_private"}
)
# The log's own entries about other entries: never erased or hidden themselves.
LOG_OWN_TYPES = frozenset(
    {"entry.erased", "entry.erased_private", "entry.hidden", "entry.shown", "sealed"}
)


def active_hiding(entry: Entry) -> HiddenEntry | None:
    """The entry's current hiding, if the lead hid it (prefetched by the selectors)."""
    return next((h for h in entry.hidings.all() if h.is_active), None)


log_policy = LogPolicy()
