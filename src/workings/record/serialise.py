"""One shape for a timeline row, shared by the exports and the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from workings.record.models import Item


def status_of(item: Item, today: dt.date) -> str:
    if item.kind == "feedback":
        if item.is_overdue(today):
            return "overdue"
        return "open" if item.is_open else f"answered: {item.feedback.outcome}"
    if item.kind == "disagreement":
        return item.disagreement.outcome
    if item.kind == "decision":
        return "shortfall" if item.decision.is_shortfall else ""
    return ""


def row_dict(row: Any, today: dt.date, request: Any = None, *, slug: str) -> dict[str, Any]:
    if not isinstance(row, Item):  # a member who left
        m = row.membership
        return {
            "id": None,
            "date": row.occurred_on.isoformat(),
            "kind": "left",
            "title": f"{m.label} left the project",
            "area": "",
            "by": m.label,
            "status": "",
            "due_on": None,
            "text": m.public_left_reason,
            "tombstone": "",
            "credit": m.get_credit_display(),
            "url": "",
        }
    url = reverse("record:item", kwargs={"slug": slug, "pk": row.pk})
    return {
        "id": row.pk,
        "date": row.occurred_on.isoformat(),
        "kind": row.kind,
        "title": row.title,
        "area": row.area,
        "by": row.author_label,
        "status": status_of(row, today),
        "due_on": row.due_on.isoformat() if row.due_on else None,
        "text": row.body,
        # In place of erased words, or words the lead hid from the public: when and why.
        "tombstone": getattr(row, "tombstone", ""),
        "corrects": row.corrects_id,
        "about": row.about_id,
        "url": request.build_absolute_uri(url) if request is not None else url,
    }
