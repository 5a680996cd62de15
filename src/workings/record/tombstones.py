"""What stands in place of words that were erased, or hidden from the public by the lead.

Erased words are blank in the database already; the tombstone says when and why. Words the
lead hid are still in the database: for readers who are not members they are withheld here,
in memory, before any page, API answer or export is built."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from workings.events import selectors as log_selectors
from workings.record.models import Item
from workings.record.permissions import record_policy


def erased_text(row: Any) -> str:
    day = date_format(row.erased_at, "j F Y")
    if row.on_request:
        return _("Erased on %(day)s under a data-protection request") % {"day": day}
    return _("Erased on %(day)s at the author’s request") % {"day": day}


def hidden_text(hiding: Any) -> str:
    text = _("Hidden by the project lead: %(why)s") % {"why": hiding.get_category_display()}
    return f"{text}. {hiding.reason}" if hiding.reason else text


def mark(rows: Iterable[Any], *, user: Any, project: Any) -> None:
    """Set ``tombstone`` (shown in place of the words) and ``hidden_note`` (what members see
    on an entry hidden from the public) on every Item among rows: two queries in all."""
    items = [r for r in rows if isinstance(r, Item)]
    ids = [i.pk for i in items]
    erased = log_selectors.erased_rows(label=Item.snapshot_label(), ids=ids)
    hidden = log_selectors.hidden_rows(project=project, label=Item.snapshot_label(), ids=ids)
    sees_hidden = record_policy.sees_hidden(user, project)
    for item in items:
        item.tombstone = erased_text(erased[item.pk]) if item.pk in erased else ""
        item.hidden_note = ""
        item.withheld = False
        hiding = hidden.get(item.pk)
        if hiding is None:
            continue
        if sees_hidden:
            item.hidden_note = _("Hidden from the public by the project lead: %(why)s") % {
                "why": hiding.get_category_display()
            }
        else:
            item.withheld = True
            item.tombstone = hidden_text(hiding)
            item.title = ""
            item.body = ""


def marked(rows: Iterable[Any], *, user: Any, project: Any, batch: int = 500) -> Iterable[Any]:
    """mark() over a stream of rows (the exports), a batch at a time."""
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= batch:
            mark(chunk, user=user, project=project)
            yield from chunk
            chunk = []
    mark(chunk, user=user, project=project)
    yield from chunk
