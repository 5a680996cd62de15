"""Plans and audits by keyboard, with axe checks on each page: the lead plans an involvement
milestone that is already late (it shows as slipped), the funder's reviewer asks for an
audit, a contributor and the lead each give their self-assessment, and the reviewer adds a
finding with its action and signs the audit. Screenshots at desktop and phone widths."""

from __future__ import annotations

import secrets
from typing import Any

import pytest

from tests.browser.harness import assert_accessible, enter, screenshot, tab_and_type, tab_to

pytestmark = [pytest.mark.browser]

STANDARDS = ("inclusive", "working_together", "support", "communications", "impact", "governance")


def _assess(page: Any, steps: int) -> None:
    tab_to(page, "main a.button", text="Give your self-assessment")
    enter(page)
    assert_accessible(page, "self-assessment form")
    for name in STANDARDS:
        tab_to(page, f"input[name={name}]")
        for _ in range(steps):
            page.keyboard.press("ArrowRight")
    tab_to(page, "main form button[type=submit]")
    enter(page)
    assert "You have given your self-assessment" in page.locator("main").inner_text()


def test_plan_slip_audit_assess_act_by_keyboard(demo_site: Any, page_as: Any) -> None:
    title = f"Contributors check the consent form {secrets.token_hex(2)}"
    lead = page_as("lead")
    lead.goto(demo_site.url("/projects/stride/plans/"))
    assert "Plans" in lead.get_by_role("heading", level=1).inner_text()
    assert_accessible(lead, "plans, lead")
    tab_to(lead, "main a.button", text="Plan a milestone")
    enter(lead)
    assert_accessible(lead, "milestone form")
    tab_to(lead, "input[name=kind]")
    lead.keyboard.press("ArrowRight")  # Involvement
    tab_and_type(lead, "input[name=title]", title)
    tab_and_type(lead, "input[name=due_on]", "2026-01-15")
    tab_to(lead, "select[name=owner]")
    lead.keyboard.press("ArrowDown")
    tab_to(lead, "main form button[type=submit]")
    enter(lead)
    assert title in lead.locator("main h1").inner_text()
    assert "This milestone is late" in lead.locator("main").inner_text()
    assert_accessible(lead, "milestone, late")
    lead.goto(demo_site.url("/projects/stride/plans/"))
    attention = lead.locator("main .notice").inner_text()
    assert title in attention and "Recruitment complete" in attention

    funder = page_as("funder")
    funder.goto(demo_site.url("/projects/stride/audits/"))
    assert_accessible(funder, "audits, funder")
    tab_to(funder, "main form button[type=submit]", text="Ask for an audit now")
    enter(funder)
    assert "Figures from the record" in funder.locator("main").inner_text()
    audit_url = funder.url
    assert_accessible(funder, "open audit, funder")

    contributor = page_as("contributor")
    contributor.goto(audit_url)
    _assess(contributor, 2)  # 3 - Partly, for every standard
    lead.goto(audit_url)
    _assess(lead, 3)  # 4 - Mostly
    assert "too few to show" in lead.locator("main").inner_text()

    funder.goto(audit_url)
    tab_to(funder, "select[name=standard]")
    funder.keyboard.press("ArrowDown")  # Working together
    tab_and_type(funder, "textarea[name=text]", "Two people have answered so far.")
    tab_and_type(funder, "input[name=action]", "Remind everyone to give their view")
    tab_to(funder, "select[name=owner]")
    funder.keyboard.press("ArrowDown")
    tab_and_type(funder, "input[name=due_on]", "2027-03-01")
    tab_to(funder, "main form button[type=submit]", text="Add the finding")
    enter(funder)
    assert "Remind everyone to give their view" in funder.locator("main").inner_text()
    tab_to(funder, "main form button[type=submit]", text="Sign the audit")
    enter(funder)
    assert "Signed by the funder's reviewer" in funder.locator("main").inner_text()
    assert_accessible(funder, "signed audit")


@pytest.mark.parametrize("width", [1280, 375])
def test_plans_and_audit_pages_fit_and_read_well(width: int, demo_site: Any, page_as: Any) -> None:
    page = page_as("contributor", viewport={"width": width, "height": 900})
    page.goto(demo_site.url("/projects/stride/plans/"))
    pages = {"plans-home": page.url}
    pages["plans-milestone"] = demo_site.url(
        page.locator("main table a[href*='/milestones/']").first.get_attribute("href")
    )
    page.goto(demo_site.url("/projects/stride/audits/"))
    pages["audits-list"] = page.url
    pages["audit-detail"] = demo_site.url(
        page.locator("main table a[href*='/audits/']").last.get_attribute("href")
    )
    for name, url in pages.items():
        page.goto(url)
        used = page.evaluate("document.documentElement.scrollWidth")
        assert used <= page.evaluate("window.innerWidth") + 1, f"{url} scrolls sideways"
        assert_accessible(page, f"{name} at {width}px")
        screenshot(page, f"{name}-contributor-{width}")
