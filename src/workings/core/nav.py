"""Project tabs contributed by each app (registered in its AppConfig.ready()), so adding a
capability never means editing another app's template."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProjectTab:
    label: str
    url_name: str  # reversed with the project's slug
    action: str  # the project-policy action a person needs to see the tab
    order: int


_TABS: list[ProjectTab] = []


def register_project_tab(label: str, url_name: str, action: str, order: int) -> None:
    if not any(t.url_name == url_name for t in _TABS):
        _TABS.append(ProjectTab(label, url_name, action, order))
        _TABS.sort(key=lambda t: t.order)


def project_tabs() -> list[ProjectTab]:
    return list(_TABS)
