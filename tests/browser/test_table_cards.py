"""Wide data tables become cards on a 375 px phone (issue 16): nothing scrolls sideways,
each row is a card and each cell shows its column's heading (data-label); at 1280 px the
same markup is a table with its headings, for screen readers. Axe-clean at both widths;
screenshots of both are kept to look at."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.harness import assert_accessible, screenshot

pytestmark = [pytest.mark.browser]

PHONE = {"viewport": {"width": 375, "height": 800}}
WIDE = {"viewport": {"width": 1280, "height": 900}}
S = "/projects/stride"
# (who, name, the page, or a list page and the pattern of the first link to follow)
PAGES: list[tuple[str, str, str, str]] = [
    ("lead", "budget", f"{S}/money/", ""),
    ("lead", "milestones", f"{S}/plans/", ""),
    ("lead", "audits", f"{S}/audits/", ""),
    ("lead", "audit-figures", f"{S}/audits/", rf"^{S}/audits/\d+/$"),
    ("lead", "document-versions", f"{S}/documents/", rf"^{S}/documents/[\w-]+/$"),
    ("lead", "agreement", f"{S}/agreement/", ""),
    ("lead", "members", f"{S}/members/", ""),
    ("lead", "timeline", f"{S}/record/", ""),
    ("lead", "concern-stages", f"{S}/concerns/", rf"^{S}/concerns/\d+/$"),
    ("funder", "portfolio", "/funders/national-stroke-research-fund/portfolio/", ""),
    ("funder", "concerns-inbox", "/concerns/inbox/", ""),
]
TABLES = """() => [...document.querySelectorAll("main table.cards")].map(t => ({
  row: t.tBodies[0] && t.tBodies[0].rows[0] ? getComputedStyle(t.tBodies[0].rows[0]).display : "",
  head: t.tHead ? t.tHead.getBoundingClientRect().width : 0,
  links: t.tHead ? t.tHead.querySelectorAll("a").length : 0,
  unlabelled: [...t.querySelectorAll("tbody td")].filter(td =>
    !td.dataset.label && td.colSpan === 1 && td.textContent.trim() &&
    !t.querySelector("thead th:nth-child(" + (td.cellIndex + 1) + ") .visually-hidden")
  ).map(td => td.textContent.trim().slice(0, 40)),
}))"""


def _open(page: Any, site: Any, path: str, follow: str) -> None:
    page.goto(site.url(path))
    if follow:
        hrefs = page.eval_on_selector_all(
            "main a[href]", "as => as.map(a => a.getAttribute('href'))"
        )
        found = next((h for h in hrefs if re.match(follow, h.split("?")[0])), None)
        assert found, f"no link like {follow} on {path}"
        page.goto(site.url(found))


@pytest.mark.parametrize("who", sorted({p[0] for p in PAGES}))
def test_tables_become_cards_on_a_phone(who: str, demo_site: Any, page_as: Any) -> None:
    phone = page_as(who, **PHONE)
    wide = page_as(who, **WIDE)
    cards_seen = 0
    for _who, name, path, follow in (p for p in PAGES if p[0] == who):
        _open(phone, demo_site, path, follow)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{name} ({phone.url}) is {width}px wide on a 375 px phone"
        for table in phone.evaluate(TABLES):
            assert table["row"] in ("", "block"), f"{name}: a table row is not a card"
            if table["links"]:  # sorting links stay visible: no hidden focus
                assert table["head"] > 1, f"{name}: the headings' links are hidden"
            else:
                assert table["head"] <= 1, f"{name}: the column headings show above the cards"
            assert not table["unlabelled"], f"{name}: cells without a heading {table}"
            cards_seen += bool(table["row"])
        assert_accessible(phone, f"{name} at 375 px")
        screenshot(phone, f"cards-375-{name}")
        _open(wide, demo_site, path, follow)
        for table in wide.evaluate(TABLES):
            assert table["row"] in ("", "table-row"), f"{name}: not a table at 1280 px"
            assert table["head"] > 1 or not table["row"], f"{name}: headings hidden at 1280 px"
        assert_accessible(wide, f"{name} at 1280 px")
        screenshot(wide, f"cards-1280-{name}")
    assert cards_seen, "no table became cards"
