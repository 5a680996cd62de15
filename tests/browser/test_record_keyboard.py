"""The Record page, erasing an entry's content and the funder's witness page, by keyboard,
with axe checks. Erasure happens in a project the test creates, never in demo data."""

from __future__ import annotations

import secrets
from typing import Any

import pytest

from tests.browser.harness import assert_accessible, enter, screenshot, tab_to

pytestmark = [pytest.mark.browser]


def test_lead_erases_content_by_keyboard(demo_site: Any, page_as: Any) -> None:
    page = page_as("lead")
    title = f"Record journey {secrets.token_hex(3)}"
    page.goto(demo_site.url("/projects/create/"))
    page.locator("input[name=title]").fill(title)
    page.locator("textarea[name=summary]").fill("A project for the record journey.")
    page.locator("input[name=start_date]").fill("2026-04-01")
    page.locator("input[name=end_date]").fill("2027-03-31")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    slug = page.url.rstrip("/").rsplit("/", 1)[-1]

    page.goto(demo_site.url(f"/projects/{slug}/record/"))
    assert page.get_by_role("heading", level=1).inner_text() == "The record"
    assert "Check this record" in page.locator("main").inner_text()
    assert_accessible(page, "record, lead")
    tab_to(page, f"a[href='/projects/{slug}/record/0/erase/']")
    enter(page)
    assert_accessible(page, "erase confirmation")
    tab_to(page, "textarea[name=reason]")
    page.keyboard.type("Test of erasure by keyboard.")
    tab_to(page, "main form button[type=submit]")
    enter(page)
    assert page.url.endswith(f"/projects/{slug}/record/")
    text = page.locator("main").inner_text()
    assert "Test of erasure by keyboard." in text and "Erased" in text
    screenshot(page, "record-after-erasure")


def test_funder_witness_page(demo_site: Any, page_as: Any) -> None:
    page = page_as("funder")
    page.goto(demo_site.url("/projects/stride/record/witness/"))
    assert page.get_by_role("heading", level=1).inner_text() == "Your own copy of the record"
    assert page.get_by_role("alert").count() == 0
    assert_accessible(page, "witness, funder")
    screenshot(page, "witness-funder")
