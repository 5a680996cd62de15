"""Keyboard-only journey through the working record (issue 5): a researcher records a
meeting, a contributor gives feedback, the researcher answers it, the contributor says the
answer does not satisfy them, a disagreement gets a position from each side, and ends in a
compromise. Tab, arrows, Space, Enter and typing only; every record page is checked with
axe-core, and every Tab stop must show a visible focus indicator."""

from __future__ import annotations

import secrets
from typing import Any

import pytest

from tests.browser.harness import assert_accessible, enter, screenshot, tab_and_type, tab_to

pytestmark = [pytest.mark.browser]
RECORD = "/projects/stride/working-record/"
CONTRIBUTOR = "margaret.hughes@example.org"  # writes as herself (named credit)


def submit(page: Any) -> None:
    tab_to(page, "main form[method=post] button[type=submit]")
    enter(page)
    assert page.locator(".error-summary").count() == 0, page.locator("main").inner_text()[:600]


def follow(page: Any, link_text: str) -> None:
    menu = page.locator("details.add-menu")
    if menu.count() and page.locator("details.add-menu a", has_text=link_text).count():
        # The record's actions sit in one "Add to the record" menu: open it by keyboard.
        tab_to(page, "details.add-menu > summary")
        page.keyboard.press("Enter")
    tab_to(page, "main a", text=link_text)
    enter(page)


def test_keyboard_record_journey(demo_site: Any, page_as: Any) -> None:
    tag = secrets.token_hex(3)
    researcher = page_as("researcher")
    contributor = page_as(CONTRIBUTOR)

    # 1. The researcher records a meeting (date prefilled with today).
    researcher.goto(demo_site.url(RECORD))
    assert_accessible(researcher, "record timeline, researcher")
    follow(researcher, "Record a meeting")
    assert_accessible(researcher, "record a meeting")
    tab_and_type(researcher, "input[name=title]", f"Journey meeting {tag}")
    tab_to(researcher, "input[name=participants]")
    researcher.keyboard.press("Space")
    tab_and_type(researcher, "input[name=hours]", "2")
    tab_and_type(researcher, "textarea[name=summary]", "We planned the **next** workshop.")
    submit(researcher)
    assert researcher.get_by_role("heading", level=1).inner_text() == f"Journey meeting {tag}"
    assert_accessible(researcher, "meeting entry")

    # 2. The contributor gives feedback on methods.
    contributor.goto(demo_site.url(RECORD))
    follow(contributor, "Record feedback")
    assert contributor.locator("input[name=on_behalf_of]").count() == 0  # researchers only
    tab_and_type(contributor, "input[name=title]", f"Fewer questionnaires {tag}")
    tab_and_type(contributor, "textarea[name=text]", "The follow-up takes too long.")
    tab_to(contributor, "select[name=area]")
    contributor.keyboard.type("Methods")
    submit(contributor)
    feedback_url = contributor.url

    # 3. The researcher answers it: not adopted, with what was done and why.
    researcher.goto(feedback_url)
    follow(researcher, "Answer this feedback")
    assert_accessible(researcher, "answer feedback")
    tab_to(researcher, "input[name=outcome]")
    researcher.keyboard.press("ArrowDown")
    researcher.keyboard.press("ArrowDown")  # adopted -> partly adopted -> not adopted
    tab_and_type(researcher, "textarea[name=what_done]", "We kept all questionnaires.")
    tab_and_type(researcher, "textarea[name=why]", "They are in the registered analysis plan.")
    submit(researcher)
    assert "Not adopted" in researcher.locator("main").inner_text()

    # 4. The contributor says the answer does not satisfy them, and why.
    contributor.goto(feedback_url)
    follow(contributor, "Say whether the answer satisfies you")
    assert_accessible(contributor, "satisfaction")
    tab_to(contributor, "input[name=satisfied]")
    contributor.keyboard.press("ArrowDown")  # yes -> no
    tab_and_type(contributor, "textarea[name=why]", "Nobody checked which questions are needed.")
    submit(contributor)
    assert "No, not satisfied." in contributor.locator("main").inner_text()
    assert_accessible(contributor, "answered feedback")

    # 5. A disagreement, with a position from each side.
    researcher.goto(demo_site.url(RECORD))
    follow(researcher, "Record a disagreement")
    tab_and_type(researcher, "input[name=subject]", f"Questionnaire length {tag}")
    submit(researcher)
    disagreement_url = researcher.url
    follow(researcher, "Write your position")
    tab_and_type(researcher, "textarea[name=text]", "Every questionnaire answers a question.")
    submit(researcher)
    contributor.goto(disagreement_url)
    follow(contributor, "Write your position")
    tab_and_type(contributor, "textarea[name=text]", "An hour of forms is too long after a stroke.")
    submit(contributor)
    assert_accessible(contributor, "disagreement with positions")

    # 6. It ends in a compromise, with what each side gave.
    researcher.goto(disagreement_url)
    follow(researcher, "Record the outcome")
    assert_accessible(researcher, "record the outcome")
    tab_to(researcher, "input[name=outcome]")
    researcher.keyboard.press("ArrowDown")  # resolved -> compromise
    tab_and_type(researcher, "textarea[name=outcome_text]", "Two sittings, and a review in June.")
    tab_and_type(researcher, "textarea[name=research_team_gave]", "A review of every question.")
    tab_and_type(researcher, "textarea[name=contributors_gave]", "Keeping them until June.")
    submit(researcher)
    text = researcher.locator("main").inner_text()
    assert "Compromise" in text and "A review of every question." in text
    assert text.count("position") >= 1
    assert_accessible(researcher, "settled disagreement")
    screenshot(researcher, "record-compromise")
