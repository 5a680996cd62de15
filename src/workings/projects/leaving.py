"""What the agreement in force promised someone who leaves (payment for work done, what
happens to what they wrote, their credit), restated on the leave page. The agreements app
sits above projects and registers the source from its AppConfig.ready()."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_sources: list[Callable[[Any], list[str]]] = []


def register_leaving_terms(source: Callable[[Any], list[str]]) -> None:
    """`source(project)` -> sentences to show a person about to leave (already translated)."""
    if source not in _sources:
        _sources.append(source)


def leaving_terms(project: Any) -> list[str]:
    found: list[str] = []
    for source in _sources:
        found.extend(source(project))
    return found
