"""Project tabs contributed by each app (registered in its AppConfig.ready()), so adding a
capability never means editing another app's template."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


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


# Links in the site's main menu, offered by apps to the people they concern (a funder's
# reviewer sees "Portfolio" and "Concerns for you"). ``url(user)`` returns the address, or
# None to leave the link out; links with the same address are shown once.
SiteLinkUrl = Callable[[Any], str | None]


@dataclass(frozen=True)
class SiteLink:
    label: Any  # a lazy translated label
    url: SiteLinkUrl
    order: int


_SITE_LINKS: list[SiteLink] = []


def register_site_link(label: Any, url: SiteLinkUrl, order: int) -> None:
    if not any(link.url is url for link in _SITE_LINKS):
        _SITE_LINKS.append(SiteLink(label, url, order))
        _SITE_LINKS.sort(key=lambda link: link.order)


def site_links_for(user: Any) -> list[dict[str, Any]]:
    """The menu links this person is offered, in order (each app asks its own policy)."""
    if user is None or not user.is_authenticated:
        return []
    shown: list[dict[str, Any]] = []
    for link in _SITE_LINKS:
        address = link.url(user)
        if address and all(s["url"] != address for s in shown):
            shown.append({"label": link.label, "url": address})
    return shown
