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


# What a person who left can still do in a project, offered by the apps above (publishing:
# their consent for their own entries). ``source(user, project)`` -> [(label, url)], each
# label already translated; the app's own policy decides.
_left_links: list[Callable[[Any, Any], list[tuple[str, str]]]] = []


def register_left_project_links(source: Callable[[Any, Any], list[tuple[str, str]]]) -> None:
    if source not in _left_links:
        _left_links.append(source)


def left_project_links(user: Any, project: Any) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for source in _left_links:
        found.extend(source(user, project))
    return found
