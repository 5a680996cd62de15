"""The harness itself works: the demo is served, sign-in works, axe runs."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.harness import axe_check, screenshot

pytestmark = [pytest.mark.browser]


def test_demo_is_served_and_logins_are_listed(demo_site: Any) -> None:
    roles = {login["role"] for login in demo_site.logins}
    assert {"lead", "researcher", "contributor", "funder", "observer"} <= roles
    for login in demo_site.logins:
        assert set(login) >= {"email", "password", "role", "project"}


def test_sign_in_as_lead_and_run_axe(demo_site: Any, page_as: Any) -> None:
    page = page_as("lead")
    page.goto(demo_site.url("/projects/stride/"))
    assert page.locator("h1").count() == 1
    violations = axe_check(page, "project overview")
    assert isinstance(violations, list)
    screenshot(page, "smoke-project-overview-lead")


def test_axe_reports_a_planted_violation(anon_page: Any) -> None:
    anon_page.set_content('<html lang="en"><title>t</title><main><img src="x.png"></main></html>')
    ids = {v["id"] for v in axe_check(anon_page, "planted")}
    assert "image-alt" in ids
