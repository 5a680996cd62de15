"""Matrix entries for the site pages, allauth's account pages and the profile."""

from __future__ import annotations

from typing import Any

from tests.matrix import ALL, CONTRIBUTOR, NOBODY, SIGNED_IN, Case, no_kwargs


def setup(world: Any) -> None:
    from workings.accounts.services import token_create

    token, _ = token_create(actor=world.users["lead"], name="lead's script")
    world.extra["token"] = token
    # A data download made for the contributor (tests run the worker's task at once).
    from workings.accounts.export_services import data_export_request

    world.extra["data_export"], _ = data_export_request(actor=world.users["contributor"])


def _export(world: Any) -> dict[str, Any]:
    return {"uuid": world.extra["data_export"].uuid}


# Only the person the download is about (not a lead, not anyone else).
OWNER = frozenset({CONTRIBUTOR})


def _token(world: Any) -> dict[str, Any]:
    return {"pk": world.extra["token"].pk}


# allauth pages anyone may open (signed-in people are usually redirected onwards).
_OPEN = Case(get=ALL, post=ALL)
# allauth pages for signed-in people only.
_ACCOUNT = Case(get=SIGNED_IN, post=SIGNED_IN)

CASES: dict[str, Case] = {
    "core:home": Case(get=ALL, post=None),
    "core:about": Case(get=ALL, post=None),
    "core:glossary": Case(get=ALL, post=None),
    "account_login": _OPEN,
    "account_logout": _OPEN,
    "account_inactive": Case(get=ALL, post=None),
    "account_signup": _OPEN,
    "account_reauthenticate": _ACCOUNT,
    "account_request_reauthentication_code": _ACCOUNT,
    "account_confirm_reauthentication_code": _ACCOUNT,
    "account_email": _ACCOUNT,
    "account_email_verification_sent": Case(get=ALL, post=None),
    "account_change_password": _ACCOUNT,
    "account_set_password": _ACCOUNT,
    "account_reset_password": _OPEN,
    # Only meaningful mid-sign-in; a signed-out visitor without a pending code is sent to sign in.
    "account_confirm_login_code": _ACCOUNT,
    # A made-up key: anyone may open the page; confirming it is "not found" for everyone.
    "account_confirm_email": Case(get=ALL, post=NOBODY, kwargs=lambda w: {"key": "not-a-real-key"}),
    "account_reset_password_from_key_done": Case(get=ALL, post=None),
    "account_reset_password_from_key": Case(
        get=ALL, post=ALL, kwargs=lambda w: {"uidb36": "1", "key": "not-a-real-key"}
    ),
    "account_reset_password_done": Case(get=ALL, post=None),
    "mfa_index": Case(get=SIGNED_IN, post=None),
    "mfa_authenticate": _ACCOUNT,
    "mfa_reauthenticate": _ACCOUNT,
    "mfa_activate_totp": _ACCOUNT,
    "mfa_deactivate_totp": Case(get=NOBODY, post=NOBODY),
    "mfa_view_recovery_codes": Case(get=NOBODY, post=None),
    "mfa_generate_recovery_codes": _ACCOUNT,
    "mfa_download_recovery_codes": Case(get=NOBODY, post=None),
    "accounts:profile": Case(get=SIGNED_IN, post=SIGNED_IN),
    "accounts:tokens": Case(get=SIGNED_IN, post=SIGNED_IN),
    "accounts:data": Case(get=SIGNED_IN, post=SIGNED_IN),
    "api:my_data": Case(get=SIGNED_IN, post=SIGNED_IN, json=True),
    "accounts:data-download": Case(get=OWNER, post=None, kwargs=_export),
    "api:my_data_status": Case(get=OWNER, post=None, kwargs=_export, json=True),
    "api:my_data_file": Case(get=OWNER, post=None, kwargs=_export, json=True),
    "accounts:sign-out-everywhere": Case(get=SIGNED_IN, post=SIGNED_IN),
    "accounts:token-revoke": Case(get=None, post=SIGNED_IN, kwargs=_token),
}
_ = no_kwargs
