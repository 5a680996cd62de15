"""The funder organisation's pages, and the raiser's list of who read their concern, pass
axe and say what they should."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.harness import assert_accessible, enter, screenshot, tab_and_type, tab_to

pytestmark = [pytest.mark.browser]


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
    helen.get_by_role("link", name="My views are dismissed in the analysis meetings").click()
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


def test_the_reviewer_reads_the_portfolio_and_the_inbox_by_keyboard(
    demo_site: Any, page_as: Any
) -> None:
    """From the menu to the portfolio, sorted and filtered without a mouse or JavaScript;
    then the concerns inbox, on a desktop and on a 375 px phone."""
    helen = page_as("funder")
    helen.goto(demo_site.url("/projects/"))
    tab_to(helen, "nav a[href='/funders/national-stroke-research-fund/portfolio/']")
    enter(helen)
    assert "Portfolio of National Stroke Research Fund" in helen.locator("main h1").inner_text()
    body = helen.locator("main").inner_text()
    for title in ("STRIDE", "Talk Again", "Carers' Voice", "Home after stroke", "Step by Step"):
        assert title in body
    assert "talked over" not in body  # counts only, never a sealed concern's words
    assert_accessible(helen, "portfolio, reviewer")
    helen.set_viewport_size({"width": 1280, "height": 900})
    screenshot(helen, "portfolio-1280")
    tab_and_type(helen, "#portfolio-q", "talk")
    enter(helen)
    assert "Showing 1 project of 5." in helen.locator("main").inner_text()
    tab_to(helen, "th a[href*='sort=project']")
    enter(helen)
    assert 'aria-sort="ascending"' in helen.content()
    helen.goto(demo_site.url("/funders/national-stroke-research-fund/settings/"))
    assert_accessible(helen, "funder settings, reviewer")
    tab_to(helen, "nav a[href='/concerns/inbox/']")
    enter(helen)
    assert "Concerns waiting for you" in helen.locator("main h1").inner_text()
    assert_accessible(helen, "concerns inbox, reviewer")
    screenshot(helen, "inbox-1280")
    phone = page_as("funder", viewport={"width": 375, "height": 800})
    for path, name in (
        ("/concerns/inbox/", "inbox-375"),
        ("/funders/national-stroke-research-fund/portfolio/", "portfolio-375"),
    ):
        phone.goto(demo_site.url(path))
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 376, f"{path} is {width}px wide on a 375 px phone"
        assert_accessible(phone, name)
        screenshot(phone, name)


def test_the_admin_changes_the_settings_by_keyboard(demo_site: Any, page_as: Any) -> None:
    gareth = page_as("gareth.lloyd@example.org")
    gareth.goto(demo_site.url("/funders/national-stroke-research-fund/settings/"))
    assert_accessible(gareth, "funder settings, admin")
    screenshot(gareth, "funder-settings-admin")
    tab_to(gareth, "textarea[name=disagreement_procedure]")
    gareth.keyboard.type("Talk first. Then the independent person. Then us.")
    tab_to(gareth, "input[name=response_days]")
    gareth.keyboard.press("Control+A")
    gareth.keyboard.type("0")
    tab_to(gareth, "main form button[type=submit]")
    enter(gareth)
    assert "must be a whole number from 1 to 180" in gareth.locator("main").inner_text() or (
        "greater than or equal to 1" in gareth.locator("main").inner_text()
    )
    assert_accessible(gareth, "funder settings with an error")
    tab_to(gareth, "input[name=response_days]")
    gareth.keyboard.press("Control+A")
    gareth.keyboard.type("10")
    tab_to(gareth, "main form button[type=submit]")
    enter(gareth)
    assert "Your settings are saved." in gareth.locator("main").inner_text()
