"""The project's public summary. Its words are a co-owned document (the documents app, a
higher layer, registers itself here at start-up, so projects never imports it): the latest
version its owners approved. Until one is approved, the text written when the project was
started is shown, marked as not yet approved by its owners; after creation nothing but the
documents app changes the summary (docs/decisions/co-owned-documents.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PublicSummary:
    text: str
    approved: bool


_sources: list[Callable[[Any], str | None]] = []


def register_summary_source(source: Callable[[Any], str | None]) -> None:
    """`source(project)` -> the approved summary's text, or None if there is none."""
    if source not in _sources:
        _sources.append(source)


def public_summary(project: Any) -> PublicSummary:
    for source in _sources:
        text = source(project)
        if text is not None:
            return PublicSummary(text=text, approved=True)
    return PublicSummary(text=project.summary, approved=False)
