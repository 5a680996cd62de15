"""Eraser for a contributor's comments on draft minutes (their own words). Registered with
the log at ready(); see workings.events.erasure."""

from __future__ import annotations

from workings.events.erasure import Blank, register_eraser
from workings.plans.models import MinutesComment


def erase_comment(comment: MinutesComment, author_id: int | None) -> list[Blank]:
    old = comment.body
    if author_id is None or not old or comment.author.user_id != author_id:
        return []
    MinutesComment.objects.filter(pk=comment.pk).update(body="")
    comment.body = ""
    return [Blank(comment, {"body": old})]


def register() -> None:
    register_eraser(MinutesComment.snapshot_label(), erase_comment)
