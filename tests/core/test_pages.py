"""Friendly error pages, the base layout and the security headers on every response."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _layout_ok(html: str) -> None:
    assert 'class="skip-link" href="#main"' in html
    assert html.count("<h1") == 1
    assert '<main id="main"' in html
    assert '<html lang="en-GB"' in html


def test_404_is_friendly() -> None:
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    _layout_ok(html)


def test_unknown_project_is_a_friendly_404(client_for: Any, world: Any) -> None:
    response = client_for(world.user("outsider")).get("/projects/no-such-project/")
    assert response.status_code == 404
    _layout_ok(response.content.decode())


def test_403_is_friendly_and_says_why(client_for: Any, world: Any) -> None:
    # A contributor may see the project but not edit its details.
    response = client_for(world.user("contributor")).get(f"/projects/{world.project.slug}/update/")
    assert response.status_code == 403
    html = response.content.decode()
    _layout_ok(html)
    assert "You cannot see this page" in html
    assert "lead" in html  # says why, in plain words


def test_signed_out_is_sent_to_sign_in(world: Any) -> None:
    response = Client().get("/projects/create/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/login/")


def test_500_page_renders_without_a_database() -> None:
    from django.test import RequestFactory

    from workings.core.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "<h1" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/about/", "/accounts/login/", "/no/such/page/"])
def test_security_headers(path: str) -> None:
    response = Client().get(path)
    csp = response.headers["Content-Security-Policy"]
    directives = {d.strip().split(" ")[0]: d.strip() for d in csp.split(";")}
    assert directives["frame-ancestors"] == "frame-ancestors 'none'"
    assert directives["default-src"] == "default-src 'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == "object-src 'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_use_our_own_stylesheet_only() -> None:
    html = Client().get("/").content.decode()
    assert "/static/workings/site.css" in html
    assert "http://" not in html.split("<body")[0] and "https://" not in html.split("<body")[0]


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/"])
def test_allauth_pages_use_the_site_layout(path: str) -> None:
    html = Client().get(path).content.decode()
    _layout_ok(html)
    assert "site.css" in html


def test_allauth_form_errors_use_the_error_summary() -> None:
    response = Client().post("/accounts/login/", {"login": "x@example.org", "password": "nope"})
    html = response.content.decode()
    assert 'class="error-summary"' in html


def test_field_errors_are_tied_to_their_input(client_for: Any, world: Any) -> None:
    response = client_for(world.user("lead")).post(
        "/projects/create/",
        {"title": "", "summary": "S", "start_date": "2026-05-01", "end_date": "2026-04-01"},
    )
    html = response.content.decode()
    assert 'aria-describedby="id_title-error"' in html
    assert 'id="id_title-error"' in html
    # Hint and error together where the field has both.
    assert 'aria-describedby="id_summary_helptext"' in html
    assert 'aria-invalid="true"' in html
