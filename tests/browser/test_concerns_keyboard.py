"""Keyboard journeys for concerns: an open concern as a contributor, and an anonymous one in a
fresh browser context with no account (the link is taken from the Concerns tab)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.harness import assert_accessible

pytestmark = [pytest.mark.browser]


def _fill_by_keyboard(page: Any, label: str, text: str) -> None:
    page.get_by_label(label, exact=False).first.focus()
    page.keyboard.type(text)


def test_open_concern_by_keyboard(demo_site: Any, page_as: Any) -> None:
    page = page_as("contributor")
    page.goto(demo_site.url("/projects/stride/concerns/raise/"))
    assert_accessible(page, "raise a concern")
    page.get_by_role("radio", name=re.compile("Open: Everyone in the project")).focus()
    page.keyboard.press("Space")
    _fill_by_keyboard(page, "Subject", "Travel expenses form is confusing")
    _fill_by_keyboard(page, "What happened", "I could not tell which receipts to attach.")
    _fill_by_keyboard(page, "What outcome do you want", "A simpler form.")
    page.get_by_role("button", name="Send the concern").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Travel expenses form is confusing"
    assert_accessible(page, "concern detail, raiser")


def test_anonymous_concern_with_no_account(demo_site: Any, page_as: Any, anon_page: Any) -> None:
    member = page_as("contributor")
    member.goto(demo_site.url("/projects/stride/concerns/"))
    link = member.locator(".panel code").inner_text()
    path = link[link.index("/concerns/anonymous/") :]
    page = anon_page
    response = page.goto(demo_site.url(path))
    assert response.headers["cache-control"] == "no-store"
    assert_accessible(page, "anonymous raise")
    _fill_by_keyboard(page, "Subject", "Workshop rooms are too noisy")
    _fill_by_keyboard(page, "What happened", "I could not hear the discussion.")
    _fill_by_keyboard(page, "What outcome do you want", "A quieter room.")
    page.get_by_role("button", name="Send the concern anonymously").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    code = page.locator(".receipt-code").inner_text().strip()
    assert re.fullmatch(r"\d{4}(-\d{4}){4}", code)
    assert_accessible(page, "anonymous receipt")
    assert {c["name"] for c in page.context.cookies()} <= {"csrftoken"}
    page.get_by_role("link", name=re.compile("Follow up")).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _fill_by_keyboard(page, "Your receipt code", code)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Workshop rooms are too noisy"
    assert_accessible(page, "anonymous follow-up")
