"""What the money services share: a checked choice, and a sealed append."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workings.core.exceptions import ValidationFailed
from workings.events.services import append_event


def choice(value: Any, choices: Any, *, field: str, message: str) -> str:
    if value not in choices.values:
        raise ValidationFailed(message, field=field)
    return str(value)


def append_sealed(project: Any, type: str, actor: Any, rows: Iterable[Any], **content: Any) -> None:
    append_event(
        project=project, type=type, actor=actor, content=content, subjects=list(rows), sealed=True
    )
