"""Keyboard-only journey through the foundation, and the error-summary pattern.

A lead signs in, starts a project and invites someone with Tab, arrows, Space, Enter and
typing only - no clicks. The invitee, who signed up through the real sign-up page and
verified their address from the mail the site sent, accepts in another browser context.
Every element the Tab key lands on must show a visible focus indicator.
"""

from __future__ import annotations

import functools
import secrets
from typing import Any

import pytest

from tests.browser import harness
from tests.browser.harness import (
    assert_accessible,
    enter,
    focus_is_visible,
    screenshot,
    sign_in,
    sign_up,
)

pytestmark = [pytest.mark.browser]

# This journey's pages are short: a focus path longer than 80 stops is itself a failure.
tab_to = functools.partial(harness.tab_to, limit=80)
tab_and_type = functools.partial(harness.tab_and_type, limit=80)


def keyboard_sign_in(page: Any, site: Any, email_address: str, password: str) -> None:
    page.goto(site.url("/accounts/login/"))
    tab_and_type(page, "input[name=login]", email_address)
    tab_and_type(page, "input[name=password]", password)
    tab_to(page, "main button[type=submit]")
    enter(page)
    assert "/accounts/login/" not in page.url, page.locator("main").inner_text()[:400]


def type_date(page: Any, selector: str, day: str, month: str, year: str) -> None:
    """A native date input, typed segment by segment in the order Chromium shows them (that
    follows the browser's own language, not the page's), found by trying a scratch field."""
    probe = page.context.new_page()
    probe.set_content("<input type=date id=d>")
    probe.focus("#d")
    probe.keyboard.type("01022003")
    month_first = probe.evaluate("document.getElementById('d').value") == "2003-01-02"
    probe.close()
    tab_to(page, selector)
    page.keyboard.type((month + day if month_first else day + month) + year)
    value = page.evaluate("(sel) => document.querySelector(sel).value", selector)
    assert value == f"{year}-{month}-{day}", value


def test_keyboard_only_project_invitation_and_acceptance(demo_site: Any, new_context: Any) -> None:
    suffix = secrets.token_hex(3)
    invitee = f"kim.{suffix}@example.org"
    password = f"a long pass phrase {suffix}"
    title = f"Walking groups after stroke {suffix}"

    # The invitee signs up first (in their own browser) and verifies their address.
    invitee_page = new_context().new_page()
    sign_up(invitee_page, demo_site, invitee, password)

    # The lead, keyboard only.
    page = new_context().new_page()
    lead = demo_site.login_for("lead")
    keyboard_sign_in(page, demo_site, lead["email"], lead["password"])
    page.goto(demo_site.url("/projects/"))
    tab_to(page, "main a[href='/projects/create/']")
    enter(page)
    tab_and_type(page, "input[name=title]", title)
    tab_and_type(page, "textarea[name=summary]", "We find out whether walking groups help.")
    tab_and_type(page, "input[name=funder_name]", "National Stroke Research Fund")
    type_date(page, "input[name=start_date]", "01", "04", "2026")
    type_date(page, "input[name=end_date]", "31", "03", "2029")
    tab_to(page, "input[name=involvement_budget]")
    page.keyboard.press("Control+A")
    page.keyboard.type("1500")
    tab_to(page, "main form button[type=submit]")
    enter(page)
    assert page.locator("h1").inner_text() == title, page.locator("main").inner_text()[:600]
    slug = page.url.rstrip("/").rsplit("/", 1)[-1]

    # Invite the new person as a contributor.
    tab_to(page, f"a[href='/projects/{slug}/members/']")
    enter(page)
    tab_to(page, f"a[href='/projects/{slug}/invitations/create/']")
    enter(page)
    tab_and_type(page, "input[name=email]", invitee)
    tab_to(page, "input[name=role]")
    if not page.evaluate("() => !!document.querySelector('input[name=role]:checked')"):
        page.keyboard.press("Space")
    for _ in range(10):
        if page.evaluate("() => document.querySelector('input[name=role]:checked').value") == (
            "contributor"
        ):
            break
        page.keyboard.press("ArrowDown")
    tab_to(page, "main form button[type=submit]")
    enter(page)
    assert f"/projects/{slug}/members/" in page.url, page.locator("main").inner_text()[:600]
    assert invitee in page.locator("main").inner_text()
    screenshot(page, "journey-members-after-invitation")

    # The invitee, in their own context, follows the link from the invitation mail.
    links = demo_site.links_in_mail(to=invitee, contains="/invitations/")
    assert links, "The invitation mail was not sent"
    if (
        "/accounts/login/" in invitee_page.url
        or not invitee_page.locator("form[action='/accounts/logout/']").count()
    ):
        sign_in(invitee_page, demo_site, invitee, password)
    invitee_page.goto(links[-1])
    assert_accessible(invitee_page, "invitation answer")
    screenshot(invitee_page, "journey-invitation-answer")
    tab_to(invitee_page, "main form button[type=submit]:not([value=decline])")
    enter(invitee_page)
    assert invitee_page.locator("h1").inner_text() == title
    invitee_page.goto(demo_site.url(f"/projects/{slug}/members/"))
    row = invitee_page.locator("tr", has_text="Public contributor").filter(has_text="Current")
    assert row.count() >= 1


def test_error_summary_links_to_the_field(demo_site: Any, page_as: Any) -> None:
    page = page_as("lead")
    page.goto(demo_site.url("/projects/create/"))
    page.get_by_label("Title").fill("Dates the wrong way round")
    page.get_by_label("Plain-English summary").fill("A project whose end comes first.")
    page.locator("input[name=start_date]").fill("2027-05-01")
    page.locator("input[name=end_date]").fill("2026-05-01")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").press("Enter")
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.get_by_role("heading").inner_text() == "There is a problem"
    link = summary.locator("a[href='#id_end_date']")
    assert link.count() == 1, summary.inner_html()
    # The message also sits beside the field.
    assert page.locator("#id_end_date-error").is_visible()
    assert page.locator("#id_end_date").get_attribute("aria-invalid") == "true"
    assert_accessible(page, "project form with errors")
    screenshot(page, "form-with-errors")
    link.focus()
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#id_end_date'")
    # The field is the next thing the keyboard reaches, and it is on screen.
    assert page.locator("#id_end_date").is_visible()
    assert page.locator("#id_end_date").evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight }"
    )
