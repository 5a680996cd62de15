"""Reports and erasure: annex files made before an erasure (or a hiding) are dropped so they
are made again from the log as it is now, and a right-of-reply statement is its author's
to erase. Registered with the log at ready(); see workings.events.erasure."""

from __future__ import annotations

from typing import Any

from workings.events.erasure import Blank, register_eraser, register_purger
from workings.reports.models import AnnexFile, ReplyAnswer


def drop_annex_files(project: Any) -> None:
    AnnexFile.objects.filter(project_id=project.pk).delete()


def erase_reply(answer: ReplyAnswer, author_id: int | None) -> list[Blank]:
    if author_id is None or answer.user_id != author_id or not answer.statement:
        return []
    old = answer.statement
    ReplyAnswer.objects.filter(pk=answer.pk).update(statement="")
    answer.statement = ""
    return [Blank(answer, {"statement": old})]


def register() -> None:
    register_purger(drop_annex_files)
    register_eraser(ReplyAnswer.snapshot_label(), erase_reply)
