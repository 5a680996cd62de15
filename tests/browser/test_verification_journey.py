"""Verification by keyboard, with axe checks on each page: the funder's reviewer builds the
claims and sends them; a contributor answers; a former contributor answers through the
one-time link in her e-mail, signed out; the reviewer closes (too few answers to show); the
lead reads the counts of the demo's closed request and never who said what."""

from __future__ import annotations

import re
import secrets
from typing import Any

import pytest

from tests.browser.harness import assert_accessible, enter, screenshot, tab_and_type, tab_to

pytestmark = [pytest.mark.browser]

ROSA = "rosa.lindqvist@example.org"


def _answer_all(page: Any, value: str) -> None:
    radios = page.locator(f"main input[type=radio][value={value}]")
    for i in range(radios.count()):
        radios.nth(i).focus()
        page.keyboard.press("Space")
    tab_to(page, "main form button[type=submit]")
    enter(page)


def _shots(page: Any, name: str) -> None:
    screenshot(page, f"{name}-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot(page, f"{name}-375")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_build_send_answer_close_and_read_counts(
    demo_site: Any, page_as: Any, anon_page: Any
) -> None:
    title = f"Keyboard check {secrets.token_hex(3)}"
    funder = page_as("funder")
    funder.goto(demo_site.url("/projects/stride/verification/"))
    assert (
        funder.get_by_role("heading", level=1).inner_text() == "Checking claims about involvement"
    )
    assert_accessible(funder, "verification list, funder")
    _shots(funder, "verification-list-funder")
    tab_and_type(funder, "input[name=title]", title)
    tab_to(funder, "input[name=source][value=involvement]")  # the group's checked choice
    funder.keyboard.press("ArrowDown")  # the annex
    tab_and_type(funder, "textarea[name=text]", "We met monthly. Contributors chose the outcome.")
    funder.fill("input[name=deadline]", "2099-01-31")
    tab_to(funder, "main form button[type=submit]")
    enter(funder)
    assert funder.get_by_role("heading", level=1).inner_text() == "Change the claims"
    assert_accessible(funder, "claims, funder")
    _shots(funder, "verification-claims-funder")
    claims = funder.locator("textarea[name=claims]")
    assert claims.input_value() == "We met monthly.\nContributors chose the outcome."
    claims.focus()
    funder.keyboard.press("Control+End")
    funder.keyboard.type("\nContributors were paid within 30 days.")
    tab_to(funder, "main form button[type=submit]")
    enter(funder)
    assert title in funder.locator("main h1").inner_text()
    tab_to(
        funder, "main form button[type=submit]", text="Send to every current and former contributor"
    )
    enter(funder)
    assert "Sent to every current and former contributor" in funder.locator("main").inner_text()
    detail = funder.url
    assert_accessible(funder, "request, funder")
    _shots(funder, "verification-detail-funder")

    contributor = page_as("contributor")
    contributor.goto(detail)
    tab_to(contributor, "main a.button", text="Answer now")
    enter(contributor)
    assert contributor.get_by_role("heading", level=1).inner_text() == "Is this right?"
    assert_accessible(contributor, "answer, contributor")
    _shots(contributor, "verification-answer-contributor")
    _answer_all(contributor, "partly")
    assert "Your answers are recorded" in contributor.locator("main").inner_text()

    link = demo_site.links_in_mail(to=ROSA, contains="/verify/")[-1]
    anon_page.goto(link)
    assert_accessible(anon_page, "answer by link, signed out")
    _shots(anon_page, "verification-link-former")
    _answer_all(anon_page, "dispute")
    assert anon_page.get_by_role("heading", level=1).inner_text() == "Thank you"
    anon_page.goto(link)
    assert "already been used" in anon_page.locator("main").inner_text()

    funder.goto(detail)
    assert re.search(r"2 of \d+ people", funder.locator("main").inner_text())
    tab_to(funder, "main form button[type=submit]", text="Close now and record the totals")
    enter(funder)
    assert "Too few answers to show" in funder.locator("main").inner_text()
    funder.goto(detail + "answers/")
    assert_accessible(funder, "each person's answers, funder")
    # Both gave their names: no response is headed "Anonymous".
    assert funder.get_by_role("heading", name="Anonymous", exact=True).count() == 0
    _shots(funder, "verification-answers-funder")

    lead = page_as("lead")
    lead.goto(demo_site.url("/projects/stride/verification/"))
    lead.get_by_role(
        "link", name="Checking the public involvement section (full application)"
    ).click()
    text = lead.locator("main").inner_text()
    assert "4 of 5 people answered" in text
    assert "We chose the main outcome, but we were not asked" in text
    assert "I joined after the question had been chosen." not in text
    assert "Kestrel" not in text
    assert_accessible(lead, "closed request, lead")
    _shots(lead, "verification-closed-lead")
