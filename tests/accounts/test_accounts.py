"""Profiles, accessibility preferences, personal access tokens, password rules, sign-up."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.factories import make_user
from workings.accounts import services
from workings.accounts.models import PersonalAccessToken
from workings.core.exceptions import NotFound, ValidationFailed

pytestmark = pytest.mark.django_db


def test_profile_update_service() -> None:
    user = make_user("pat@example.org")
    services.profile_update(
        actor=user,
        display_name="  Pat  ",
        pref_larger_text=True,
        pref_high_contrast=False,
        pref_reduced_motion=True,
    )
    user.refresh_from_db()
    assert user.display_name == "Pat"
    assert user.pref_larger_text and user.pref_reduced_motion and not user.pref_high_contrast


@pytest.mark.parametrize("name", ["n" * 81, "<b>bold</b>"])
def test_profile_refuses_bad_names(name: str) -> None:
    user = make_user("pat@example.org")
    with pytest.raises(ValidationFailed) as caught:
        services.profile_update(
            actor=user,
            display_name=name,
            pref_larger_text=False,
            pref_high_contrast=False,
            pref_reduced_motion=False,
        )
    assert caught.value.field == "display_name"


def test_preferences_become_classes_on_html(client_for: Any) -> None:
    user = make_user("pat@example.org")
    client = client_for(user)
    page = client.get("/projects/").content.decode()
    assert '<html lang="en-GB" class="">' in page
    response = client.post(
        "/profile/",
        {"display_name": "Pat", "pref_larger_text": "on", "pref_high_contrast": "on"},
    )
    assert response.status_code == 302
    for path in ("/", "/projects/", "/profile/", "/about/"):
        page = client.get(path).content.decode()
        assert 'class="pref-larger-text pref-high-contrast"' in page, path
    client.post("/profile/", {"display_name": "Pat", "pref_reduced_motion": "on"})
    assert 'class="pref-reduced-motion"' in client.get("/").content.decode()


def test_profile_page_shows_errors_in_a_summary(client_for: Any) -> None:
    client = client_for(make_user("pat@example.org"))
    response = client.post("/profile/", {"display_name": "x" * 81})
    assert response.status_code == 400
    page = response.content.decode()
    assert "error-summary" in page and 'href="#id_display_name"' in page


# --- tokens -----------------------------------------------------------------------------------


def test_token_create_shows_once_and_stores_only_a_hash() -> None:
    user = make_user("pat@example.org")
    token, raw = services.token_create(actor=user, name="laptop script")
    assert raw.startswith("wk_")
    stored = PersonalAccessToken.objects.get(pk=token.pk)
    assert raw not in (stored.token_hash, stored.prefix)
    assert services.token_authenticate(raw) == user


@pytest.mark.parametrize("name", ["", "   ", "t" * 81])
def test_token_needs_a_sensible_name(name: str) -> None:
    with pytest.raises(ValidationFailed):
        services.token_create(actor=make_user("pat@example.org"), name=name)


def test_revoked_token_is_refused_by_the_api() -> None:
    user = make_user("pat@example.org")
    token, raw = services.token_create(actor=user, name="ci")
    client = Client()
    ok = client.get("/api/v1/projects", headers={"authorization": f"Bearer {raw}"})
    assert ok.status_code == 200
    services.token_revoke(actor=user, token_id=token.pk)
    assert services.token_authenticate(raw) is None
    refused = client.post(
        "/api/v1/projects",
        data="{}",
        content_type="application/json",
        headers={"authorization": f"Bearer {raw}"},
    )
    assert refused.status_code == 401
    assert "token" in refused.json()["detail"]
    # A bad token on a public read is an error too, not a quiet downgrade to anonymous.
    bad = client.get("/api/v1/projects", headers={"authorization": f"Bearer {raw}"})
    assert bad.status_code == 401


def test_someone_elses_token_cannot_be_revoked() -> None:
    owner = make_user("owner@example.org")
    token, raw = services.token_create(actor=owner, name="mine")
    with pytest.raises(NotFound):
        services.token_revoke(actor=make_user("thief@example.org"), token_id=token.pk)
    assert services.token_authenticate(raw) == owner


def test_token_pages(client_for: Any) -> None:
    user = make_user("pat@example.org")
    client = client_for(user)
    response = client.post("/profile/tokens/", {"name": "backup script"})
    assert response.status_code == 200
    token = PersonalAccessToken.objects.get(user=user)
    assert token.prefix in response.content.decode()
    response = client.post(f"/profile/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.post("/profile/tokens/", {"name": ""}).status_code == 400


# --- passwords and sign-up ----------------------------------------------------------------------


def _signup(client: Client, email: str, password: str) -> Any:
    return client.post(
        "/accounts/signup/",
        {"email": email, "password1": password, "password2": password, "display_name": "New"},
    )


@pytest.mark.parametrize(
    "password",
    ["eight ch", "a plain long passphrase with spaces", "p" * 40 + "Q9!" + "z" * 40],
)
def test_passwords_of_eight_to_many_characters_are_accepted(password: str) -> None:
    response = _signup(Client(), "new@example.org", password)
    assert response.status_code == 302, response.content.decode()[:2000]
    from workings.accounts.models import User

    assert User.objects.get(email="new@example.org").check_password(password)


@pytest.mark.parametrize(
    ("password", "words"),
    [("short1!", "too short"), ("password123", "too common"), ("qwertyuiop", "too common")],
)
def test_short_and_common_passwords_are_refused(password: str, words: str) -> None:
    response = _signup(Client(), "new@example.org", password)
    assert response.status_code == 200
    assert words in response.content.decode()


def test_no_composition_rules_and_paste_is_allowed() -> None:
    client = Client()
    for path in ("/accounts/signup/", "/accounts/login/", "/accounts/password/reset/"):
        page = client.get(path).content.decode().lower()
        for blocker in ("onpaste", "oncopy", "oncut", "ondrop", 'autocomplete="off"'):
            assert blocker not in page, (path, blocker)
    from django.conf import settings

    names = {v["NAME"].rsplit(".", 1)[-1] for v in settings.AUTH_PASSWORD_VALIDATORS}
    assert {"MinimumLengthValidator", "CommonPasswordValidator"} <= names
    for rule in ("upper", "lower", "digit", "numeric", "symbol", "special", "complex"):
        assert not any(rule in n.lower() for n in names), names
    lengths = [
        v.get("OPTIONS", {}).get("min_length")
        for v in settings.AUTH_PASSWORD_VALIDATORS
        if v["NAME"].endswith("MinimumLengthValidator")
    ]
    assert lengths == [8]


def test_sign_up_requires_verification_before_sign_in() -> None:
    from django.core import mail

    mail.outbox.clear()
    client = Client()
    _signup(client, "fresh@example.org", "a fine long passphrase")
    assert any("fresh@example.org" in m.to for m in mail.outbox)
    response = Client().post(
        "/accounts/login/", {"login": "fresh@example.org", "password": "a fine long passphrase"}
    )
    # Unverified: the site asks to confirm the address instead of signing in.
    assert response.status_code == 302
    assert (
        "confirm-email" in response.headers["Location"] or "verif" in response.headers["Location"]
    )
