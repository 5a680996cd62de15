"""Each person lands on what needs them (issue 16): signing in opens /home/, every item
there is one click from the page it needs, the working record shows its entries first, a
contributor gives feedback on a meeting from the meeting page, and the agreement page shows
the version in force. Every page is checked with axe-core and photographed at 1280 and
375 px, where nothing may scroll sideways."""

from __future__ import annotations

import secrets
from typing import Any

import pytest

from tests.browser.harness import assert_accessible, enter, screenshot, tab_and_type, tab_to

pytestmark = [pytest.mark.browser]
CONTRIBUTOR = "margaret.hughes@example.org"
RECORD = "/projects/stride/working-record/"


def _fits(page: Any, label: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"{label} scrolls sideways at {viewport} px ({width} px wide)"


def _both_sizes(page: Any, name: str) -> None:
    assert_accessible(page, name)
    screenshot(page, f"{name}-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    _fits(page, name)
    assert_accessible(page, f"{name} at 375 px")
    screenshot(page, f"{name}-375")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_sign_in_lands_on_what_needs_you(demo_site: Any, page_as: Any) -> None:
    page = page_as(CONTRIBUTOR)
    assert page.url.endswith("/home/"), page.url
    assert page.get_by_role("heading", level=1).inner_text() == "What needs you"
    assert page.locator("header a[href='/home/']").count() == 1
    _both_sizes(page, "home-contributor")
    # One click from home: the first thing that needs her.
    first = page.locator("main .needs-list a").first
    if first.count():
        target = first.get_attribute("href")
        first.click()
        assert page.url.endswith(target or ""), page.url


def test_reviewer_reaches_the_concerns_inbox_from_the_menu(demo_site: Any, page_as: Any) -> None:
    page = page_as("funder")
    assert page.url.endswith("/home/")
    _both_sizes(page, "home-funder")
    page.locator("header a[href='/concerns/inbox/']").click()
    assert page.url.endswith("/concerns/inbox/")


def test_record_entries_first_and_feedback_on_a_meeting(demo_site: Any, page_as: Any) -> None:
    tag = secrets.token_hex(3)
    page = page_as(CONTRIBUTOR)
    page.goto(demo_site.url(RECORD))
    first_entry = page.locator("main ol.card-list > li").first.bounding_box()
    find = page.locator("#find").bounding_box()
    assert first_entry and find and first_entry["y"] < find["y"]
    _both_sizes(page, "record-contributor")
    # The filter opens by keyboard (no JavaScript needed: <details>).
    tab_to(page, "#find > summary")
    page.keyboard.press("Enter")
    assert page.locator("#find").get_attribute("open") is not None
    # A meeting page offers feedback with the meeting filled in.
    page.goto(demo_site.url(RECORD + "?kind=meeting"))
    page.locator("main ol.card-list > li h3 a").first.click()
    meeting_title = page.get_by_role("heading", level=1).inner_text()
    tab_to(page, "main a", text="Give feedback on this meeting")
    enter(page)
    assert meeting_title in page.get_by_role("heading", level=1).inner_text()
    assert page.locator("input[name=on_behalf_of]").count() == 0
    _both_sizes(page, "meeting-feedback-form")
    tab_and_type(page, "input[name=title]", f" ({tag})")
    tab_and_type(page, "textarea[name=text]", "The room was too warm and the slides too small.")
    tab_to(page, "main form[method=post] button[type=submit]")
    enter(page)
    assert page.locator(".error-summary").count() == 0, page.locator("main").inner_text()[:500]
    assert "This feedback is about the meeting" in page.locator("main").inner_text()
    assert_accessible(page, "feedback on a meeting")


def test_agreement_page_shows_the_version_in_force(demo_site: Any, page_as: Any) -> None:
    page = page_as("observer")
    page.goto(demo_site.url("/projects/stride/agreement/"))
    text = page.locator("main").inner_text()
    assert "The agreement in force" in text and "Who signed it and how" in text
    assert "Readability:" not in text
    assert "the involvement lead (the involvement lead)" not in text.lower()
    _both_sizes(page, "agreement-observer")
