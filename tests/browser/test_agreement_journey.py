"""Keyboard journey through an agreement: draft -> comment -> propose -> three answers (one
with reservations) -> in force -> amend -> diff, with axe on every agreement page.

A new project is set up first (its own lead and two contributors, all demo people), so the
demo's STRIDE agreement, which other tests read, is left alone."""

from __future__ import annotations

import secrets
from typing import Any

import pytest

from tests.browser.harness import assert_accessible, screenshot
from tests.browser.test_foundation_journey import enter, tab_and_type, tab_to

pytestmark = [pytest.mark.browser]

CONTRIBUTORS = ("jo.whitfield@example.org", "winston.clarke@example.org")


def _new_project(site: Any, lead: Any, new_context: Any, page_as: Any) -> str:
    title = f"Agreement journey {secrets.token_hex(3)}"
    lead.goto(site.url("/projects/create/"))
    lead.get_by_label("Title").fill(title)
    lead.get_by_label("Plain-English summary").fill("A project to test agreements.")
    lead.locator("input[name=start_date]").fill("2026-04-01")
    lead.locator("input[name=end_date]").fill("2028-03-31")
    with lead.expect_navigation():
        lead.locator("main form button[type=submit]").press("Enter")
    slug = lead.url.rstrip("/").rsplit("/", 1)[-1]
    for address in CONTRIBUTORS:
        lead.goto(site.url(f"/projects/{slug}/invitations/create/"))
        lead.locator("input[name=email]").fill(address)
        lead.locator("input[name=role][value=contributor]").check()
        with lead.expect_navigation():
            lead.locator("main form button[type=submit]").press("Enter")
        link = site.links_in_mail(to=address, contains="/invitations/")[-1]
        page = page_as(address)
        page.goto(link)
        with page.expect_navigation():
            page.locator("main form button[type=submit]:not([value=decline])").press("Enter")
    return slug


def _answer(page: Any, site: Any, slug: str, steps_down: int, words: str = "") -> None:
    page.goto(site.url(f"/projects/{slug}/agreement/versions/1/"))
    tab_to(page, f"main a[href='/projects/{slug}/agreement/versions/1/sign/']", limit=200)
    enter(page)
    assert_accessible(page, "agreement sign form")
    tab_to(page, "input[name=answer]")
    page.keyboard.press("Space")
    for _ in range(steps_down):
        page.keyboard.press("ArrowDown")
    if words:
        tab_and_type(page, "textarea[name=words]", words)
    tab_to(page, "main form button[type=submit]")
    enter(page)


def test_agreement_by_keyboard(demo_site: Any, page_as: Any, new_context: Any) -> None:
    site = demo_site
    lead = page_as("other_lead")
    slug = _new_project(site, lead, new_context, page_as)
    base = f"/projects/{slug}/agreement"

    # Draft from the template and edit one section.
    lead.goto(site.url(f"{base}/"))
    assert_accessible(lead, "agreement home, nothing yet")
    tab_to(lead, f"main a[href='{base}/start/']")
    enter(lead)
    assert_accessible(lead, "agreement start")
    tab_to(lead, "main form button[type=submit]")
    enter(lead)
    assert "/edit/" in lead.url, lead.locator("main").inner_text()[:500]
    assert_accessible(lead, "agreement edit")
    tab_to(lead, "textarea[name=section_time]", limit=200)
    lead.keyboard.press("Control+A")
    lead.keyboard.type("About three hours a month, and less whenever you need.")
    tab_to(lead, "main form button[type=submit]", limit=300)
    enter(lead)
    assert "About three hours a month" in lead.locator("main").inner_text()

    # A contributor comments on the payment section.
    jo = page_as(CONTRIBUTORS[0])
    jo.goto(site.url(f"{base}/versions/1/"))
    assert_accessible(jo, "agreement version, draft")
    tab_to(jo, f"main a[href='{base}/versions/1/comment/?section=payment']", limit=300)
    enter(jo)
    assert_accessible(jo, "agreement comment form")
    tab_and_type(jo, "textarea[name=body]", "Could payment be quicker than 30 days?")
    tab_to(jo, "main form button[type=submit]")
    enter(jo)
    assert "Could payment be quicker" in jo.locator("main").inner_text()

    # The lead proposes it.
    lead.goto(site.url(f"{base}/versions/1/"))
    tab_to(lead, f"main a[href='{base}/versions/1/propose/']", limit=200)
    enter(lead)
    assert_accessible(lead, "agreement propose")
    tab_to(lead, "main form button[type=submit]")
    enter(lead)
    assert "Proposed for signing" in lead.locator("main").inner_text()

    # Three answers: agree, agree with reservations, agree.
    _answer(lead, site, slug, 0)
    _answer(jo, site, slug, 1, "Thirty days is too long to wait.")
    winston = page_as(CONTRIBUTORS[1])
    _answer(winston, site, slug, 0)
    text = winston.locator("main").inner_text()
    assert "In force" in text and "Thirty days is too long to wait." in text
    assert_accessible(winston, "agreement version in force")
    screenshot(winston, "agreement-in-force")

    # Amend from the version in force: pay within 14 days.
    lead.goto(site.url(f"{base}/versions/1/"))
    tab_to(lead, f"main a[href='{base}/versions/1/new-draft/']", limit=200)
    enter(lead)
    tab_to(lead, "main form button[type=submit]")
    enter(lead)
    assert f"{base}/versions/2/edit/" in lead.url
    tab_to(lead, "input[name=payment_days]", limit=400)
    lead.keyboard.press("Control+A")
    lead.keyboard.type("14")
    tab_to(lead, "main form button[type=submit]", limit=300)
    enter(lead)

    # The diff, word by word, not by colour alone.
    tab_to(lead, f"main a[href='{base}/diff/?old=1&new=2']", limit=200)
    enter(lead)
    assert_accessible(lead, "agreement diff")
    added = lead.locator("ins", has_text="14")
    assert added.count() >= 1
    assert "[added:" in added.first.inner_text() or "added" in added.first.inner_html()
    assert lead.locator("del", has_text="30").count() >= 1
    screenshot(lead, "agreement-diff")
