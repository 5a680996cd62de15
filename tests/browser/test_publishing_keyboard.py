"""The public face by keyboard, with axe checks on each page: a member of the public reads
STRIDE's public page, comments without an account and keeps the private link; a contributor
who moderates publishes the comment; the lead's publishing page, a contributor's consent page
and a hidden comment's private page (with its appeal) are all axe-clean. Screenshots of every
page at 1280 and 375 px go to /tmp/shots-public/."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path
from typing import Any

import pytest

from tests.browser.harness import assert_accessible, enter, tab_and_type, tab_to

pytestmark = [pytest.mark.browser]
SHOTS = Path(tempfile.gettempdir()) / "shots-public"


def _shots(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_comment_moderate_and_publish_by_keyboard(
    demo_site: Any, page_as: Any, anon_page: Any
) -> None:
    words = f"Keyboard comment {secrets.token_hex(3)}"
    anon = anon_page
    anon.goto(demo_site.url("/projects/stride/public/"))
    assert anon.get_by_role("heading", level=1).inner_text()
    assert "Check this record" in anon.content()
    assert "A comment was hidden by the moderators" in anon.content()
    assert_accessible(anon, "public page, signed out")
    _shots(anon, "public-page")
    tab_and_type(anon, "textarea[name=body]", words)
    tab_to(anon, "form[data-pow-bits] button[type=submit]")
    enter(anon)
    assert "Your private link" in anon.content()
    assert_accessible(anon, "comment thanks")
    _shots(anon, "comment-thanks")
    private = anon.locator("main .panel a").first.get_attribute("href")

    moderator = page_as("margaret.hughes@example.org")
    moderator.goto(demo_site.url("/projects/stride/publishing/comments/"))
    assert words in moderator.content()
    assert_accessible(moderator, "moderation, moderator")
    _shots(moderator, "moderation")
    card = moderator.locator("main li.card", has_text=words).get_attribute("id")
    tab_to(moderator, f"#{card} button[value=publish]")
    enter(moderator)
    assert "Done." in moderator.content()

    anon.goto(demo_site.url("/projects/stride/public/"))
    assert words in anon.content()
    anon.goto(private)
    assert "It is published" in anon.content()
    assert_accessible(anon, "my comment, published")


def test_team_pages_and_a_hidden_comments_private_page(
    demo_site: Any, page_as: Any, anon_page: Any
) -> None:
    lead = page_as("lead")
    lead.goto(demo_site.url("/projects/stride/publishing/"))
    assert lead.get_by_role("heading", level=1).inner_text() == "Publishing"
    assert_accessible(lead, "publishing settings, lead")
    _shots(lead, "publishing-settings")
    contributor = page_as("dev.patel@example.org")
    contributor.goto(demo_site.url("/projects/stride/publishing/consent/"))
    assert "You chose not to publish this one." in contributor.content()
    assert_accessible(contributor, "consent, contributor")
    _shots(contributor, "consent")
    anon_page.goto(demo_site.url("/project-comments/demo-comment-hidden/"))
    assert "A moderator hid it" in anon_page.content()
    assert_accessible(anon_page, "my comment, hidden")
    _shots(anon_page, "my-comment-hidden")
    anon_page.goto(demo_site.url("/projects/stride/public/feed.atom"))


def test_consent_asked_for_one_entry_by_keyboard(demo_site: Any, page_as: Any) -> None:
    """A contributor keeps one entry off the public page; the lead asks about it; the
    contributor finds the request on their home page and says yes. Each page axe-clean."""
    author = page_as("margaret.hughes@example.org")
    author.goto(demo_site.url("/projects/stride/publishing/consent/"))
    card = author.locator("main li.card[id^=entry-]").first.get_attribute("id")
    seq = card.removeprefix("entry-")
    tab_to(author, f"#{card} button[value=no]")
    enter(author)
    assert "Saved: not published." in author.content()

    lead = page_as("lead")
    lead.goto(demo_site.url("/projects/stride/publishing/"))
    lead.get_by_role("link", name="Ask a contributor to publish one of their entries").click()
    assert f"entry-{seq}" in lead.content()
    assert_accessible(lead, "ask to publish, lead")
    _shots(lead, "consent-requests")
    tab_to(lead, f"#entry-{seq} a")
    enter(lead)
    assert lead.locator("input[name=seq]").input_value() == seq
    tab_and_type(lead, "textarea[name=note]", "It shows how the group worked. Only if you agree.")
    tab_to(lead, "form button[type=submit]", text="Send the request")
    enter(lead)
    assert "Sent." in lead.content()

    author.goto(demo_site.url("/home/"))
    need = author.get_by_role("link", name=f"Say whether entry {seq} you wrote may be shown")
    need.first.click()
    assert "It shows how the group worked" in author.content()
    assert_accessible(author, "consent request, contributor")
    _shots(author, "consent-request")
    tab_to(author, "button[value=yes]")
    enter(author)
    assert f"You agreed to publish entry {seq}" in author.content()
    assert_accessible(author, "consent request answered")
