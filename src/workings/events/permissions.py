"""Who may read and act on a project's log. Reading follows the project policy; what an
entry's content shows follows the audience its type declared (events/types.py): public
content to anyone who may read the record, member-only content and parts to members and
funder reviewers, sealed content to funder reviewers and the raiser (decided by the
concerns app). The project policy is asked through core's port: events sits below projects."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workings.core.project_access import project_access
from workings.events.models import Entry, HiddenEntry
from workings.events.types import Audience, audience_of

# Each audience reads its own content and every wider audience's: members read public
# content, funder reviewers (cleared for sealed content) read members-only content too.
_WIDEST_FIRST = (Audience.PUBLIC, Audience.MEMBERS, Audience.SEALED)


def audience_reads(reader: Audience, declared: Audience) -> bool:
    """The one rule for who reads an entry's content: ``reader`` is the widest audience the
    reader belongs to, ``declared`` the audience the entry's type declared (audience_of).
    Pages and the API ask it through LogPolicy; report annexes ask it for their audience."""
    return _WIDEST_FIRST.index(declared) <= _WIDEST_FIRST.index(reader)


class LogPolicy:
    def can_view_record(self, user: Any, project: Any) -> bool:
        return project_access().can(user, "view_record", project)

    def audience_of_user(self, user: Any, project: Any) -> Audience:
        """The widest audience ``user`` belongs to in this project."""
        access = project_access()
        if access.is_funder_reviewer(user, project):
            return Audience.SEALED
        return Audience.MEMBERS if access.is_member(user, project) else Audience.PUBLIC

    def can_view_content(self, user: Any, project: Any, entry: Entry) -> bool:
        """May ``user`` read the entry's content (its public part, for a public type)?"""
        if not self.can_view_record(user, project):
            return False
        declared = audience_of(entry.type, sealed=entry.sealed)
        reader = self.audience_of_user(user, project)
        if not audience_reads(reader, declared):
            # The app that sealed an entry may let one more person read it (its raiser).
            return declared == Audience.SEALED and any(
                check(user, project, entry) for check in _SEALED_READERS
            )
        # The public does not read what the lead hid from the public view, nor what is not
        # published (the team's choice of types, a contributor's consent): a tombstone
        # shows instead; members still read it.
        if reader != Audience.PUBLIC:
            return True
        return active_hiding(entry) is None and not public_withheld_reason(project, entry)

    def can_view_member_part(self, user: Any, project: Any, entry: Entry) -> bool:
        """May ``user`` read what the entry keeps for members (personal data)?"""
        if entry.sealed:
            return self.can_view_content(user, project, entry)
        if not self.can_view_record(user, project):
            return False
        return project_access().is_member(user, project)

    def can_view_contacts(self, user: Any, project: Any) -> bool:
        """May ``user`` read the e-mail addresses in entries' member parts? Only those who
        manage the project's members (its leads: they typed the invitations' addresses)."""
        return project_access().can(user, "manage_members", project)

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
        return project_access().can(user, "erase_entries", project)

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
        return project_access().can(user, "hide_entries", project)

    def can_witness(self, user: Any, project: Any) -> bool:
        return project_access().can(user, "witness", project)


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


# The apps that decide what of a published record the public reads (the publishing app:
# the types the team chose, each contributor's consent). Each is asked once per project
# for a check ``(seq, type, actor_id) -> reason`` ("" when the entry may be shown), built
# with a bounded number of queries, so pages, the log API and the public annex ask it for
# every entry without a query per entry.
PublicCheck = Callable[[int, str, "int | None"], str]
_PUBLIC_WITHHOLDERS: list[Callable[[Any], PublicCheck]] = []


def register_public_withholder(make_check: Callable[[Any], PublicCheck]) -> None:
    if make_check not in _PUBLIC_WITHHOLDERS:
        _PUBLIC_WITHHOLDERS.append(make_check)


def public_withholding(project: Any) -> PublicCheck:
    """One check for the whole project: why an entry is withheld from the public, or ""."""
    checks = [make(project) for make in _PUBLIC_WITHHOLDERS]

    def reason(seq: int, type_name: str, actor_id: int | None) -> str:
        for check in checks:
            found = check(seq, type_name, actor_id)
            if found:
                return found
        return ""

    return reason


def mark_public_withholding(project: Any, entries: list[Entry]) -> None:
    """Note on each entry why the public may not read it ("" if it may), asking every
    withholder once for the whole list (the Record page and the log API call it)."""
    check = public_withholding(project)
    for entry in entries:
        entry.public_withheld = check(entry.seq, entry.type, entry.actor_id)  # type: ignore[attr-defined]


def public_withheld_reason(project: Any, entry: Entry) -> str:
    """Why the public may not read this entry ("" if it may): marked for the page's entries
    by mark_public_withholding, asked on its own otherwise."""
    if "public_withheld" not in entry.__dict__:
        mark_public_withholding(project, [entry])
    return str(entry.__dict__["public_withheld"])


# The log's own entries about other entries: never erased or hidden themselves.
LOG_OWN_TYPES = frozenset(
    {"entry.erased", "entry.erased_private", "entry.hidden", "entry.shown", "sealed"}
)


def active_hiding(entry: Entry) -> HiddenEntry | None:
    """The entry's current hiding, if the lead hid it (prefetched by the selectors, or
    attached as ``hiding_list`` by selectors.entries_range)."""
    rows = getattr(entry, "hiding_list", None)
    if rows is None:
        rows = entry.hidings.all()
    return next((h for h in rows if h.is_active), None)


log_policy = LogPolicy()
