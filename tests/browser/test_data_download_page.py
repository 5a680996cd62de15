"""'Your data': asked for by keyboard, the page says what happens next and passes axe,
before and after the download is made."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.harness import assert_accessible, enter, tab_to

pytestmark = [pytest.mark.browser]


def test_a_contributor_asks_for_their_data_by_keyboard(demo_site: Any, page_as: Any) -> None:
    page = page_as("contributor")
    page.goto(demo_site.url("/profile/data/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Your data"
    assert_accessible(page, "your data, nothing asked yet")
    tab_to(page, "main form button[type='submit']")
    enter(page)
    page.wait_for_url(demo_site.url("/profile/data/"))
    body = page.locator("main").inner_text()
    assert "Your recent requests" in body
    assert "Download your data" in body or "Being prepared" in body
    assert_accessible(page, "your data, asked for")
