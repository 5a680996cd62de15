"""Posts by keyboard, with axe checks on each page: a reader signed out reads a post,
comments, and keeps the private link; the lead publishes the comment; the reader
subscribes, confirms from the e-mail, and unsubscribes in one click (RFC 8058's POST, as a
mail program sends it, and the button on the page)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import pytest

from tests.browser.harness import (
    artifacts_dir,
    assert_accessible,
    enter,
    screenshot,
    tab_and_type,
    tab_to,
)

pytestmark = [pytest.mark.browser]
# Where the two-width screenshots go (the usual artifacts folder unless told otherwise).
SHOTS_DIR = "WORKINGS_SHOTS_DIR"


def _shots(page: Any, name: str) -> None:
    """Screenshots at 1280 and 375 pixels wide, to look at."""
    shots = Path(os.environ.get(SHOTS_DIR) or artifacts_dir())
    shots.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width + 1, f"{name} is {scroll}px wide at {width}px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_read_comment_moderate_subscribe_confirm_unsubscribe(
    demo_site: Any, anon_page: Any, page_as: Any
) -> None:
    words = f"Keyboard comment {secrets.token_hex(3)}"
    reader = anon_page
    reader.goto(demo_site.url("/projects/stride/posts/"))
    assert reader.get_by_role("heading", level=1).inner_text() == "Posts"
    assert_accessible(reader, "posts list, signed out")
    _shots(reader, "posts-list")
    tab_to(reader, "main a", text="What I learnt at my first steering group")
    enter(reader)
    assert "hidden by a moderator" in reader.locator("main").inner_text()
    assert_accessible(reader, "post, signed out")
    _shots(reader, "post-detail")
    tab_and_type(reader, "input[name=name]", "Keyboard reader")
    tab_and_type(reader, "textarea[name=body]", words)
    tab_to(reader, "main form button[type=submit]")
    enter(reader)
    assert "waiting for a moderator" in reader.locator("main").inner_text()
    assert_accessible(reader, "own comment")
    _shots(reader, "comment-own")
    own_url = reader.url.split("?")[0]

    lead = page_as("lead")
    lead.goto(demo_site.url("/projects/stride/posts/moderation/"))
    assert_accessible(lead, "moderation")
    _shots(lead, "moderation")
    card = lead.locator("section.card", has_text=words)
    card.get_by_role("button", name="Publish it").focus()
    enter(lead)
    reader.goto(demo_site.url("/projects/stride/posts/"))
    tab_to(reader, "main a", text="What I learnt at my first steering group")
    enter(reader)
    assert words in reader.locator("main").inner_text()
    reader.goto(own_url)
    assert "Published" in reader.locator("main").inner_text()

    address = f"reader-{secrets.token_hex(3)}@bücher.example"
    reader.goto(demo_site.url("/projects/stride/posts/subscribe/"))
    assert_accessible(reader, "subscribe")
    _shots(reader, "subscribe")
    tab_and_type(reader, "input[name=email]", address)
    tab_to(reader, "input[name=frequency]")  # the group's chosen radio button
    reader.keyboard.press("ArrowDown")  # weekly
    tab_to(reader, "main form button[type=submit]")
    enter(reader)
    assert "Please check your e-mail" in reader.locator("main").inner_text()
    confirm = demo_site.links_in_mail(to=address.split("@")[0], contains="/confirm/")
    assert confirm, "no confirmation e-mail"
    reader.goto(confirm[-1])
    assert_accessible(reader, "confirm")
    tab_to(reader, "main form button[type=submit]")
    enter(reader)
    assert "you are subscribed" in reader.locator("main").inner_text()
    tab_to(reader, "main a", text="Choose how often you get e-mails")
    enter(reader)
    assert_accessible(reader, "preferences")
    _shots(reader, "preferences")
    manage = reader.url
    # A mail program's one click: a POST with the RFC 8058 body, no cookie, no token.
    one_click = manage.rstrip("/") + "/unsubscribe/"
    response = reader.context.request.post(
        one_click,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 200 and "You are unsubscribed" in response.text()
    reader.goto(manage)
    assert "Unsubscribed" in reader.locator("main").inner_text()
    reader.goto(one_click)
    assert_accessible(reader, "unsubscribe")
    _shots(reader, "unsubscribe")
    screenshot(reader, "posts-unsubscribed")
