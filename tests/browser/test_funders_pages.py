"""The funder organisation's pages, and the raiser's list of who read their concern, pass
axe and say what they should."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.harness import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_the_funds_admin_manages_its_people(demo_site: Any, page_as: Any) -> None:
    page = page_as("gareth.lloyd@example.org")
    page.goto(demo_site.url("/funders/"))
    assert_accessible(page, "funder organisations")
    page.get_by_role("link", name="National Stroke Research Fund").click()
    assert page.get_by_role("heading", level=1).inner_text() == "National Stroke Research Fund"
    body = page.locator("main").inner_text()
    assert "Helen Marsh" in body and "Ruth Adeyemi" in body and "Independent reviewer" in body
    assert page.get_by_role("button", name="Appoint", exact=True).count() == 1
    assert_accessible(page, "funder organisation, admin")


def test_the_raiser_sees_who_read_their_concern(demo_site: Any, page_as: Any) -> None:
    helen = page_as("funder")
    helen.goto(demo_site.url("/concerns/inbox/"))
    helen.locator("table a").first.click()
    assert "talked over" in helen.locator("main").inner_text()
    url = helen.url.replace(demo_site.base_url, "")
    dev = page_as("dev.patel@example.org")
    dev.goto(demo_site.url(url))
    panel = dev.locator("#sealed-reads-title").locator("xpath=..").inner_text()
    assert "Helen Marsh, reviewer for National Stroke Research Fund" in panel
    assert_accessible(dev, "concern detail with its reads, raiser")
    funder_page = page_as("lead")
    funder_page.goto(demo_site.url("/projects/stride/funder/"))
    text = funder_page.locator("main").inner_text()
    assert "Ruth Adeyemi, independent reviewer for National Stroke Research Fund" in text
    assert_accessible(funder_page, "project funder, lead")
