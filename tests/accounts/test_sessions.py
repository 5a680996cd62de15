"""Sessions end when idle, when too old, and everywhere on request; headers on every page;
leads and reviewers made to set up a second factor when the site requires it."""

from __future__ import annotations

import time

import pytest
from django.test import Client, override_settings

from tests.factories import add_member, make_project, make_user
from workings.accounts import services
from workings.accounts.models import PersonalAccessToken
from workings.accounts.sessions import EPOCH, SEEN, STARTED, session_expired

pytestmark = pytest.mark.django_db


def _age_session(client: Client, *, started_ago: int = 0, seen_ago: int = 0) -> None:
    session = client.session
    now = int(time.time())
    session[STARTED] = now - started_ago
    session[SEEN] = now - seen_ago
    session.save()


def test_the_rules_are_pure() -> None:
    now = 1_000_000
    fresh = {STARTED: now - 10, SEEN: now - 10, EPOCH: 3}
    assert session_expired(fresh, 3, now) is None
    assert session_expired(fresh, 4, now) == "everywhere"
    assert session_expired({**fresh, SEEN: now - 121 * 60}, 3, now) == "idle"
    assert session_expired({**fresh, STARTED: now - 25 * 3600}, 3, now) == "too_long"
    assert session_expired({}, 3, now) is None


def test_an_idle_session_ends_with_a_plain_reason() -> None:
    user = make_user("pat@example.org")
    client = Client()
    client.force_login(user)
    assert client.get("/profile/").status_code == 200
    _age_session(client, started_ago=3 * 3600, seen_ago=3 * 3600)
    response = client.get("/profile/", follow=True)
    assert response.redirect_chain[0][0].startswith("/accounts/login/?next=/profile/")
    assert "nothing happened for a while" in response.content.decode()
    assert client.get("/profile/").status_code == 302


def test_a_session_ends_a_day_after_sign_in_even_when_busy() -> None:
    user = make_user("pat@example.org")
    client = Client()
    client.force_login(user)
    _age_session(client, started_ago=25 * 3600, seen_ago=10)
    response = client.get("/profile/", follow=True)
    assert "signed in for a long time" in response.content.decode()


def test_sign_out_everywhere_ends_every_session_and_can_revoke_tokens() -> None:
    user = make_user("pat@example.org")
    services.token_create(actor=user, name="laptop script")
    phone, laptop = Client(), Client()
    phone.force_login(user)
    laptop.force_login(user)
    page = laptop.get("/profile/sign-out-everywhere/")
    assert "including this one" in page.content.decode()
    response = laptop.post("/profile/sign-out-everywhere/", {"revoke_tokens": "on"}, follow=True)
    text = response.content.decode()
    assert "signed out on every computer, phone and tablet" in text
    assert "tokens were revoked" in text
    assert laptop.get("/profile/").status_code == 302
    followed = phone.get("/profile/", follow=True)
    assert "Sign out everywhere" in followed.content.decode()
    assert followed.redirect_chain[0][0].startswith("/accounts/login/")
    assert not PersonalAccessToken.objects.filter(user=user, revoked_at__isnull=True).exists()


def test_sign_out_everywhere_keeps_tokens_unless_asked() -> None:
    user = make_user("pat@example.org")
    services.token_create(actor=user, name="laptop script")
    assert services.sign_out_everywhere(actor=user, revoke_tokens=False) == 0
    assert PersonalAccessToken.objects.filter(user=user, revoked_at__isnull=True).exists()
    assert user.sessions_epoch == 1


def test_every_page_carries_the_security_headers() -> None:
    response = Client().get("/")
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


@override_settings(WORKINGS_REQUIRE_TWO_FACTOR=True)
def test_when_required_a_lead_must_set_up_two_factor_but_a_contributor_need_not() -> None:
    lead = make_user("lead@example.org")
    project = make_project(lead)
    contributor = make_user("con@example.org")
    add_member(project, lead, contributor, "contributor")
    as_lead, as_contributor = Client(), Client()
    as_lead.force_login(lead)
    as_contributor.force_login(contributor)
    response = as_lead.get(f"/projects/{project.slug}/", follow=True)
    # Straight to setting up the app (allauth first asks for the password again).
    assert response.redirect_chain[0][0].startswith("/accounts/2fa/totp/activate")
    assert "authenticator app as well as your password" in response.content.decode()
    assert as_contributor.get(f"/projects/{project.slug}/").status_code == 200
    researcher = make_user("res@example.org")
    add_member(project, lead, researcher, "researcher")
    as_researcher = Client()
    as_researcher.force_login(researcher)
    assert as_researcher.get(f"/projects/{project.slug}/").status_code == 302


@override_settings(WORKINGS_REQUIRE_TWO_FACTOR=False)
def test_two_factor_is_optional_by_default() -> None:
    lead = make_user("lead@example.org")
    project = make_project(lead)
    client = Client()
    client.force_login(lead)
    assert client.get(f"/projects/{project.slug}/").status_code == 200


def test_deactivating_an_account_ends_its_sessions_and_refuses_its_tokens() -> None:
    user = make_user("pat@example.org")
    _, secret = services.token_create(actor=user, name="script")
    browser = Client()
    browser.force_login(user)
    assert browser.get("/profile/").status_code == 200
    assert Client().get("/api/v1/me/data", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    user.is_active = False
    user.save()
    assert browser.get("/profile/").status_code == 302  # the session no longer signs anyone in
    refused = Client().get("/api/v1/me/data", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert refused.status_code == 401
