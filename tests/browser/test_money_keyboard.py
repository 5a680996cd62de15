"""Money by keyboard, with axe checks on each page: the lead offers payment for a task, the
contributor accepts, claims with a receipt, the lead approves and records the payment.

The receipt is attached with set_input_files: the operating system's file chooser is not
part of the page (everything else is done with Tab, typing, arrows, Space and Enter)."""

from __future__ import annotations

import io
import secrets
from typing import Any

import pytest

from tests.browser.harness import assert_accessible, enter, screenshot, tab_and_type, tab_to

pytestmark = [pytest.mark.browser]


def _pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_offer_accept_claim_approve_pay_by_keyboard(demo_site: Any, page_as: Any) -> None:
    title = f"Keyboard task {secrets.token_hex(3)}"
    lead = page_as("lead")
    lead.goto(demo_site.url("/projects/stride/money/"))
    assert lead.get_by_role("heading", level=1).inner_text() == "Money"
    assert_accessible(lead, "money, lead")
    screenshot(lead, "money-home-lead")
    tab_to(lead, "a[href='/projects/stride/money/offers/new/']")
    enter(lead)
    assert_accessible(lead, "offer form")
    tab_to(lead, "select[name=person]")  # the first contributor is chosen already
    tab_to(lead, "select[name=activity]")
    lead.keyboard.press("ArrowDown")  # Document review
    lead.keyboard.press("ArrowDown")  # Task
    tab_and_type(lead, "input[name=title]", title)
    tab_and_type(lead, "input[name=hours]", "2")
    tab_to(lead, "main form button[type=submit]")
    enter(lead)
    assert title in lead.locator("main h1").inner_text()
    offer_url = lead.url

    login = next(
        lg for lg in demo_site.logins if lg["role"] == "contributor" and lg["project"] == "stride"
    )
    contributor = page_as(login["email"])
    contributor.goto(offer_url)
    assert_accessible(contributor, "offer, contributor")
    tab_to(contributor, "input[name=answer][value=accept]")
    contributor.keyboard.press("Space")
    tab_to(contributor, "input[name=benefits_advice_taken]")
    contributor.keyboard.press("Space")
    tab_to(contributor, "main form button[type=submit]")
    enter(contributor)
    assert "Accepted" in contributor.locator("main").inner_text()
    tab_to(contributor, "a.button")
    enter(contributor)
    assert_accessible(contributor, "claim form")
    tab_to(contributor, "select[name=expense_kind]")
    contributor.keyboard.press("ArrowDown")  # Travel
    tab_and_type(contributor, "input[name=expense_description]", "Bus fare")
    tab_and_type(contributor, "input[name=expense_amount]", "4.20")
    contributor.locator("input[name=receipt]").set_input_files(
        {"name": "receipt.pdf", "mimeType": "application/pdf", "buffer": _pdf()}
    )
    tab_to(contributor, "main form button[type=submit]")
    enter(contributor)
    assert "Waiting for approval" in contributor.locator("main").inner_text()
    assert_accessible(contributor, "claim, contributor")
    screenshot(contributor, "money-claim-contributor")
    claim_url = contributor.url

    lead.goto(claim_url)
    tab_to(lead, "main form button[type=submit]", text="Approve the claim")
    enter(lead)
    assert "Approved, waiting for payment" in lead.locator("main").inner_text()
    tab_to(lead, "main form button[type=submit]", text="Mark as paid")
    enter(lead)
    assert "Paid on" in lead.locator("main").inner_text()
    assert_accessible(lead, "claim paid, lead")
    contributor.goto(claim_url)
    assert "Paid" in contributor.locator("main").inner_text()


@pytest.mark.parametrize("width", [1280, 375])
def test_money_pages_fit_and_read_well(width: int, demo_site: Any, page_as: Any) -> None:
    """A contributor's money page, their claim and their statement, at desktop and phone
    widths: no sideways scrolling (tables scroll in their own box), screenshots kept."""
    login = next(
        lg for lg in demo_site.logins if lg["role"] == "contributor" and lg["project"] == "stride"
    )
    page = page_as(login["email"], viewport={"width": width, "height": 900})
    page.goto(demo_site.url("/projects/stride/money/"))
    shown = page.locator("main").inner_text()
    assert "Your payment offers" in shown and "Your claims" in shown
    links = page.locator("main a[href*='/money/claims/']")
    pages = {"money-home": page.url}
    if links.count():
        pages["money-claim"] = demo_site.url(links.first.get_attribute("href"))
    pages["money-statement"] = demo_site.url("/projects/stride/money/statement/2025/")
    pages["money-statement-print"] = demo_site.url("/projects/stride/money/statement/2025/print/")
    for name, url in pages.items():
        page.goto(url)
        width_used = page.evaluate("document.documentElement.scrollWidth")
        assert width_used <= page.evaluate("window.innerWidth") + 1, f"{url} scrolls sideways"
        assert_accessible(page, f"{name} at {width}px")
        screenshot(page, f"{name}-contributor-{width}")


def test_the_lead_changes_a_budget_line_by_keyboard(demo_site: Any, page_as: Any) -> None:
    lead = page_as("lead")
    lead.goto(demo_site.url("/projects/stride/money/"))
    tab_to(lead, "a[href*='/money/budget/'][href$='/edit/']")
    enter(lead)
    assert lead.get_by_role("heading", level=1).inner_text() == "Change a budget line"
    assert_accessible(lead, "budget line form")
    screenshot(lead, "money-budget-line-lead")
    tab_to(lead, "textarea[name=notes]")
    lead.keyboard.press("Control+End")
    lead.keyboard.type(" Checked by keyboard.")
    tab_to(lead, "main button[type=submit]")
    enter(lead)
    lead.wait_for_url("**/money/")
    assert "Checked by keyboard." in lead.locator("main").inner_text()
    assert_accessible(lead, "money, after changing a line")
