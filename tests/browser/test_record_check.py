"""Check this record in the browser (issue 16): the visitor's own browser downloads the
signed checkpoint and every entry of the demo's record and checks them, as the public and
as a member; a changed entry and a rewritten history are named; without JavaScript the page
explains the other ways to check. axe-core clean; fits 375 px."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import pytest

from tests.browser.harness import assert_accessible, screenshot

pytestmark = [pytest.mark.browser]
CHECK = "/projects/stride/record/check/"
PHONE = {"viewport": {"width": 375, "height": 800}}


def run_check(page: Any) -> str:
    page.get_by_role("button", name="Check this record now").click()
    result = page.locator("[data-check-result] > div")
    result.wait_for(timeout=30_000)
    return str(result.inner_text())


def no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"{page.url} is {width}px wide in a {viewport}px window"


def test_the_public_checks_the_record_and_is_told_nothing_changed(
    demo_site: Any, anon_page: Any
) -> None:
    page = anon_page
    page.goto(demo_site.url(CHECK))
    assert page.get_by_role("heading", level=1).inner_text() == "Check this record"
    assert not page.locator("[data-check-nojs]").is_visible()
    first = run_check(page)
    assert re.search(r"✔ All [\d,]+ entries check out\.", first), first
    assert "first time this browser has checked" in first
    assert "signed by this site's key" in first
    assert "private entries were checked by fingerprint only" in first
    assert page.locator(".check-ok").count() == 1
    assert_accessible(page, "record check, public, first check")
    screenshot(page, "record-check-public-1280")

    again = run_check(page)
    assert "Nothing has changed since you last looked on" in again, again
    assert (
        page.locator("#check-status").inner_text() == "The check has finished. The answer is below."
    )


def test_a_member_checks_the_words_she_can_read(demo_site: Any, page_as: Any) -> None:
    page = page_as("contributor", **PHONE)
    page.goto(demo_site.url(CHECK))
    text = run_check(page)
    assert re.search(r"The words of the [\d,]+ entries you can read are the words recorded", text)
    no_sideways_scroll(page)
    assert_accessible(page, "record check, contributor, 375 px")
    screenshot(page, "record-check-contributor-375")


def test_a_changed_entry_is_named(demo_site: Any, anon_page: Any) -> None:
    page = anon_page

    def change_one(route: Any) -> None:
        response = route.fetch()
        body = response.json()
        for entry in body["entries"]:
            if entry["content"] is not None and entry["seq"] >= 5:
                entry["content"]["tampered"] = "a word changed behind the software's back"
                changed.append(entry["seq"])
                break
        route.fulfill(response=response, body=json.dumps(body))

    changed: list[int] = []
    page.route(re.compile(r".*/log/entries\?start=0&.*"), change_one)
    page.goto(demo_site.url(CHECK))
    text = run_check(page)
    assert changed
    assert "✘ This record did not check out." in text
    assert f"The words of entry {changed[0]} are not the words that were recorded." in text
    assert "please tell the project's funder" in text.lower()
    assert page.locator(".check-bad").count() == 1
    assert_accessible(page, "record check, a changed entry")
    screenshot(page, "record-check-tampered-1280")


def test_a_rewritten_history_is_noticed_from_the_last_visit(demo_site: Any, anon_page: Any) -> None:
    page = anon_page
    page.goto(demo_site.url(CHECK))
    seen = {
        "size": 3,
        "root": base64.b64encode(b"\x07" * 32).decode(),
        "at": "2026-05-03T10:00:00Z",
    }
    page.evaluate(
        "seen => localStorage.setItem('workings-check:stride', JSON.stringify(seen))", seen
    )
    text = run_check(page)
    assert "Entries you saw on 3 May 2026 have been changed since then." in text, text


def test_without_javascript_the_other_ways_are_explained(demo_site: Any, new_context: Any) -> None:
    page = new_context(java_script_enabled=False, **PHONE).new_page()
    page.goto(demo_site.url(CHECK))
    assert page.locator("[data-check-nojs]").is_visible()
    assert not page.get_by_role("button", name="Check this record now").is_visible()
    assert "workings verify log.jsonl" in page.locator("main").inner_text()
    no_sideways_scroll(page)
    screenshot(page, "record-check-nojs-375")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_glossary_and_the_record_page_lead_to_the_check(
    width: int, demo_site: Any, new_context: Any
) -> None:
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(demo_site.url("/projects/stride/record/"))
    no_sideways_scroll(page)
    screenshot(page, f"record-page-{width}")
    page.get_by_role("link", name="What the words on this page mean").click()
    assert page.get_by_role("heading", level=1).inner_text() == "What the words mean"
    assert page.locator("dt#checkpoint").inner_text() == "Checkpoint (signed summary)"
    assert page.locator("dt#contributor-led").is_visible()
    no_sideways_scroll(page)
    assert_accessible(page, f"glossary at {width}px")
    screenshot(page, f"glossary-{width}")
    page.goto(demo_site.url("/projects/stride/record/"))
    page.locator("main a.button", has_text="Check this record").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check this record"
