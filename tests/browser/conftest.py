"""Fixtures for the browser tests; see tests/browser/harness.py for how to use them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.browser.harness import (
    CHROMIUM,
    LAUNCH_ARGS,
    DemoSite,
    require_chromium,
    serve_demo,
    sign_in,
)


@pytest.fixture(scope="session")
def demo_site() -> Iterator[DemoSite]:
    require_chromium()
    with serve_demo() as site:
        yield site


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Any]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django would then refuse the
    # (rare) database access a browser test makes through the ORM. The server is separate.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            yield p
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(scope="session")
def browser(playwright_instance: Any) -> Iterator[Any]:
    b = playwright_instance.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
    )
    yield b
    b.close()


@pytest.fixture
def new_context(browser: Any) -> Iterator[Callable[..., Any]]:
    """new_context(**options) -> a fresh browser context, closed after the test."""
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        options.setdefault("locale", "en-GB")
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def anon_page(new_context: Callable[..., Any]) -> Any:
    return new_context().new_page()


@pytest.fixture
def page_as(demo_site: DemoSite, new_context: Callable[..., Any]) -> Callable[..., Any]:
    """page_as(role_or_email, **context_options) -> a page signed in through the real form."""

    def make(who: str, **options: Any) -> Any:
        login = demo_site.login_for(who)
        page = new_context(**options).new_page()
        sign_in(page, demo_site, login["email"], login["password"])
        return page

    return make
