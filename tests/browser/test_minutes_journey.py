"""Minutes of steering meetings by keyboard, with axe checks on each page: the lead shares
draft minutes for comments, a contributor comments on them, and the researcher who wrote the
summer minutes (whose comments have closed) makes them final with what changed.
Screenshots at desktop and phone widths."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

import pytest

from tests.browser.harness import assert_accessible, enter, screenshot, tab_and_type, tab_to

pytestmark = [pytest.mark.browser]


def test_draft_comment_and_finalise_minutes_by_keyboard(demo_site: Any, page_as: Any) -> None:
    title = f"Steering committee, winter {secrets.token_hex(2)}"
    today = dt.date.today()
    lead = page_as("lead")
    lead.goto(demo_site.url("/projects/stride/plans/minutes/"))
    assert "Minutes of steering meetings" in lead.get_by_role("heading", level=1).inner_text()
    assert_accessible(lead, "minutes list, lead")
    tab_to(lead, "main a.button", text="Write draft minutes")
    enter(lead)
    assert_accessible(lead, "minutes form")
    tab_and_type(lead, "input[name=title]", title)
    tab_and_type(lead, "input[name=met_on]", today.isoformat())
    tab_and_type(lead, "textarea[name=draft]", "1. We looked at recruitment.")
    tab_and_type(lead, "input[name=comments_until]", (today + dt.timedelta(days=14)).isoformat())
    tab_to(lead, "main form button[type=submit]")
    enter(lead)
    assert title in lead.locator("main h1").inner_text()
    assert "Contributors can comment until" in lead.locator("main").inner_text()
    draft_url = lead.url
    assert_accessible(lead, "draft minutes, lead")

    contributor = page_as("contributor")
    contributor.goto(draft_url)
    tab_and_type(contributor, "textarea[name=body]", "Please add what we said about travel.")
    tab_to(contributor, "main form button[type=submit]", text="Add my comment")
    enter(contributor)
    assert "Please add what we said about travel." in contributor.locator("main").inner_text()
    assert_accessible(contributor, "draft minutes with a comment, contributor")

    researcher = page_as("researcher")
    researcher.goto(demo_site.url("/projects/stride/plans/minutes/"))
    researcher.get_by_role("link", name="Steering committee, summer 2026").click()
    assert "Comments closed" in researcher.locator("main").inner_text()
    tab_and_type(
        researcher, "textarea[name=change_note]", "Added that evening visits are on weekdays."
    )
    tab_to(researcher, "main form button[type=submit]", text="Make the minutes final")
    enter(researcher)
    text = researcher.locator("main").inner_text()
    assert "These minutes are final" in text
    assert "Added that evening visits are on weekdays." in text
    assert "Evening visits were agreed for weekdays only." in text  # the comments stay
    assert_accessible(researcher, "final minutes")


@pytest.mark.parametrize("width", [1280, 375])
def test_minutes_pages_fit_and_read_well(width: int, demo_site: Any, page_as: Any) -> None:
    page = page_as("contributor", viewport={"width": width, "height": 900})
    page.goto(demo_site.url("/projects/stride/plans/minutes/"))
    pages = {"minutes-list": page.url}
    for name, link in (
        ("minutes-final", "Steering committee, spring 2026"),
        ("minutes-draft", "Steering committee, summer 2026"),
    ):
        pages[name] = demo_site.url(page.get_by_role("link", name=link).get_attribute("href"))
    for name, url in pages.items():
        page.goto(url)
        used = page.evaluate("document.documentElement.scrollWidth")
        assert used <= page.evaluate("window.innerWidth") + 1, f"{url} scrolls sideways"
        assert_accessible(page, f"{name} at {width}px")
        screenshot(page, f"{name}-contributor-{width}")
