"""Keyboard journey through a co-owned document on the demo's STRIDE (its agreement names
Margaret, Dev and Kestrel as owners; a majority decides): the lead starts a lay summary of
results and proposes it -> a researcher suggests a change -> an owner accepts it -> two
owners approve -> the lead records the submission -> the lead downloads the export. axe on
every page; screenshots at 1280 and 375 pixels wide into artifacts/screenshots/."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.harness import assert_accessible, enter, screenshot, tab_and_type, tab_to

pytestmark = [pytest.mark.browser]

MARGARET, DEV = "margaret.hughes@example.org", "dev.patel@example.org"
TEXT = "We found that starting therapy at home in the first week helped people feel stronger."


def _look(page: Any, name: str) -> None:
    assert_accessible(page, name)
    screenshot(page, f"documents-{name}-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot(page, f"documents-{name}-375")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_document_by_keyboard(demo_site: Any, page_as: Any) -> None:
    site = demo_site
    base = "/projects/stride/documents/"
    lead = page_as("lead", viewport={"width": 1280, "height": 900})
    lead.goto(site.url(base))
    _look(lead, "list")
    tab_to(lead, "main select[name=kind]", limit=200)
    lead.keyboard.press("ArrowDown")
    lead.keyboard.press("ArrowDown")  # the lay summary of results
    tab_to(lead, "main form button[type=submit]")
    enter(lead)
    assert "/propose/" in lead.url, lead.locator("main").inner_text()[:400]
    _look(lead, "propose")
    tab_and_type(lead, "textarea[name=text]", TEXT, limit=200)
    tab_to(lead, "main form button[type=submit]", limit=200)
    enter(lead)
    assert "/versions/1/" in lead.url, lead.locator("main").inner_text()[:400]
    version_1 = lead.url
    _look(lead, "version")

    researcher = page_as("researcher", viewport={"width": 1280, "height": 900})
    researcher.goto(version_1)
    tab_and_type(researcher, "textarea[name=original]", "feel stronger", limit=300)
    tab_and_type(researcher, "textarea[name=replacement]", "feel stronger and more sure")
    tab_to(researcher, "main form[action$='/suggest/'] button[type=submit]")
    enter(researcher)
    assert "Your suggestion is recorded" in researcher.locator("main").inner_text()

    margaret = page_as(MARGARET, viewport={"width": 1280, "height": 900})
    margaret.goto(version_1)
    _look(margaret, "version-with-suggestion")
    tab_to(margaret, "main button[value=accept]", limit=300)
    enter(margaret)
    assert "/versions/2/" in margaret.url, margaret.locator("main").inner_text()[:400]
    assert "more sure" in margaret.locator("main").inner_text()
    tab_to(margaret, "main button", text="I approve version 2", limit=300)
    enter(margaret)
    dev = page_as(DEV, viewport={"width": 1280, "height": 900})
    dev.goto(margaret.url)
    tab_to(dev, "main button", text="I approve version 2", limit=300)
    enter(dev)
    assert "Approved by its owners." in dev.locator("main").inner_text()
    _look(dev, "version-approved")

    lead.goto(margaret.url)
    tab_and_type(lead, "input[name=application]", "NIHR RfPB stage 2", limit=400)
    tab_to(lead, "main form[action$='/submit/'] button[type=submit]")
    enter(lead)
    assert "The submission is recorded" in lead.locator("main").inner_text()
    lead.goto(lead.url.split("/versions/")[0] + "/")
    _look(lead, "detail")
    tab_to(lead, "main a", text="Download it for a grant application", limit=200)
    with lead.expect_download() as download:
        lead.keyboard.press("Enter")
    text = open(download.value.path(), encoding="utf-8").read()
    assert "more sure" in text and "NIHR RfPB stage 2" in text
    assert "Margaret Hughes (owner)" in text and "Dev Patel (owner)" in text
