"""The rule for what of a published record the public reads, plugged into the log's
permissions (events.permissions.register_public_withholder) so the Record page, the log
API, the public annex, the public page and the feed all ask the same thing.

An entry is withheld from the public when:
- its type is one the team keeps off the public page;
- a contributor wrote it and has not consented to publish it: their choice for the entry
  itself wins, then their default for its type; with neither, it waits for their consent;
- it published a comment that a moderator has since hidden (a tombstone shows instead).
Four queries per project, whatever the number of entries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from workings.projects.models import Membership
from workings.projects.roles import Role
from workings.publishing.models import Comment, CommentStatus, Consent, Publication

# Entries about the project's structure (joining, leaving, roles, the project's details), the
# agreement coming into force (the software's statement, recorded with the last signature) and
# publishing's own (a contributor moderating a comment) need no consent: how a member is named
# in them is already their credit choice. Nor does a right-of-reply statement (report.reply_*):
# the contributor writes it to be printed in the annex. Consent is for what contributors write
# in the course of the work; a party's own answer and words (agreement.signed) wait for it.
NO_CONSENT_NEEDED = (
    "project.",
    "member.",
    "invitation.",
    "publishing.",
    "agreement.in_force",
    "report.reply_",
)


def needs_consent(type_name: str) -> bool:
    return not type_name.startswith(NO_CONSENT_NEEDED)


def withheld_types(project: Any) -> frozenset[str]:
    row = Publication.objects.filter(project_id=project.pk).first()
    return row.withheld if row is not None else frozenset()


def public_check(project: Any) -> Callable[[int, str, int | None], str]:
    kept_off = withheld_types(project)
    contributors = set(
        Membership.objects.filter(project_id=project.pk, role=Role.CONTRIBUTOR).values_list(
            "user_id", flat=True
        )
    )
    defaults: dict[tuple[int, str], bool] = {}
    per_entry: dict[tuple[int, int], bool] = {}
    for user_id, type_name, seq, publish in Consent.objects.filter(
        project_id=project.pk
    ).values_list("user_id", "type", "seq", "publish"):
        if seq == Consent.DEFAULT:
            defaults[(user_id, type_name)] = publish
        else:
            per_entry[(user_id, seq)] = publish
    hidden_comments: set[int] = set()
    for seqs in Comment.objects.filter(
        project_id=project.pk, status=CommentStatus.HIDDEN
    ).values_list("published_seqs", flat=True):
        hidden_comments.update(int(s) for s in seqs or ())

    def reason(seq: int, type_name: str, actor_id: int | None) -> str:
        if type_name in kept_off:
            return _("The team does not publish this kind of entry.")
        if seq in hidden_comments:
            return _("The comment it published was later hidden by a moderator.")
        if actor_id is None or actor_id not in contributors or not needs_consent(type_name):
            return ""
        choice = per_entry.get((actor_id, seq), defaults.get((actor_id, type_name)))
        if choice is None:
            return _("It waits for its author's consent to publish it.")
        if not choice:
            return _("Its author chose not to publish it.")
        return ""

    return reason
