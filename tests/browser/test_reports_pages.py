"""axe-core on the reports pages of the demo: the index, each audience's HTML annex, GRIPP2,
the right-of-reply page and a registration."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.harness import assert_accessible

pytestmark = [pytest.mark.browser]

PAGES = {
    "lead": [
        "/projects/stride/reports/",
        "/projects/stride/reports/annex/team/",
        "/projects/stride/reports/annex/public/",
        "/projects/stride/reports/gripp2/?form=long",
        "/projects/stride/reports/gripp2/narrative/",
        "/projects/stride/reports/register/",
        "/projects/stride/reports/reply/open/",
    ],
    "funder": ["/projects/stride/reports/annex/funder/"],
    "contributor": ["/projects/stride/reports/reply/"],
}


@pytest.mark.parametrize("role", sorted(PAGES))
def test_reports_pages_are_accessible(role: str, page_as: Any, demo_site: Any) -> None:
    page = page_as(role)
    for path in PAGES[role]:
        page.goto(demo_site.url(path))
        assert page.locator("h1").count() == 1, path
        assert_accessible(page, f"{role} {path}")
    if role == "lead":
        page.goto(demo_site.url("/projects/stride/reports/"))
        page.locator("a[href^='/registrations/']").first.click()
        assert_accessible(page, "lead registration")
