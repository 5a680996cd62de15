"""The pages are usable at 320 px wide and at 200% zoom: nothing needs sideways scrolling
(tables scroll inside their own box), and screenshots are kept to look at."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.harness import assert_accessible, screenshot

pytestmark = [pytest.mark.browser]

# 200% zoom on a 1280 x 900 window is a 640 x 450 CSS viewport at twice the pixel density.
SIZES = {
    "320px": {"viewport": {"width": 320, "height": 640}},
    "zoom200": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
}
PAGES = {
    "overview": "/projects/stride/",
    "members": "/projects/stride/members/",
    "invite": "/projects/stride/invitations/create/",
    "profile": "/profile/",
}


def _no_page_overflow(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport + 1, f"{page.url} is {width}px wide in a {viewport}px window"


@pytest.mark.parametrize("size", SIZES)
def test_lead_pages_fit(size: str, demo_site: Any, page_as: Any) -> None:
    page = page_as("lead", **SIZES[size])
    for name, path in PAGES.items():
        page.goto(demo_site.url(path))
        _no_page_overflow(page)
        screenshot(page, f"{size}-{name}")


@pytest.mark.parametrize("size", SIZES)
def test_sign_in_and_form_errors_fit(size: str, demo_site: Any, new_context: Any) -> None:
    page = new_context(**SIZES[size]).new_page()
    page.goto(demo_site.url("/accounts/login/"))
    _no_page_overflow(page)
    screenshot(page, f"{size}-sign-in")
    page.locator("input[name=login]").fill("nobody@example.org")
    page.locator("input[name=password]").fill("not the password")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").press("Enter")
    assert page.locator(".error-summary").is_visible()
    _no_page_overflow(page)
    assert_accessible(page, f"sign-in with errors at {size}")
    screenshot(page, f"{size}-sign-in-errors")
