"""The subscriber's e-mail address: every address the standards allow is accepted.

Internationalised addresses (SMTPUTF8 local parts such as `jöran@example.de`, IDN domains
such as `用户@例子.广告`), quoted local parts (`"john smith"@example.org`) and address
literals (`user@[192.0.2.1]`) are all valid (RFC 5321, RFC 6531) and are accepted. Two
common slips get a message of their own: a name with the address ("Jane <jane@...>") and
a full stop at the end. The corpus in tests/posts/addresses.py holds the cases.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from email_validator import EmailNotValidError, validate_email

from workings.core.exceptions import ValidationFailed
from workings.core.text import quoted, text_problem

MAX_LENGTH = 320
# RFC 5321 4.5.3.1.1; the validator leaves this limit to the mail server.
LOCAL_MAX_OCTETS = 64


def subscriber_address(value: Any, *, field: str = "email") -> str:
    """The normalised address, or a plain-English ValidationFailed."""
    raw = str(value or "").strip()
    if not raw:
        raise ValidationFailed(_("Enter your e-mail address."), field=field)
    problem = text_problem(raw)
    if problem:
        raise ValidationFailed(
            _("The e-mail address %(problem)s") % {"problem": problem}, field=field
        )
    if len(raw) > MAX_LENGTH:
        raise ValidationFailed(_("That is too long to be an e-mail address."), field=field)
    if raw.endswith(">") and "<" in raw:
        raise ValidationFailed(
            _(
                "Please type the address on its own, like name@example.org, without a name "
                "or angle brackets around it."
            ),
            field=field,
        )
    if raw.endswith("."):
        raise ValidationFailed(
            _("An e-mail address does not end with a full stop. Please take it off."),
            field=field,
        )
    local = raw.rpartition("@")[0]
    if len(local.encode("utf-8")) > LOCAL_MAX_OCTETS:
        raise ValidationFailed(
            _("The part before the @ is too long to be an e-mail address (64 letters at most)."),
            field=field,
        )
    try:
        result = validate_email(
            raw,
            check_deliverability=False,
            allow_smtputf8=True,
            allow_quoted_local=True,
            allow_domain_literal=True,
        )
    except EmailNotValidError as error:
        raise ValidationFailed(
            _("%(address)s is not a valid e-mail address: %(why)s")
            % {"address": quoted(raw), "why": error},
            field=field,
        ) from None
    return str(result.normalized)


def masked(address: str) -> str:
    """An address shown on a page reached by a link (which may be forwarded): enough for
    its owner to recognise it, not enough for anyone else to use it."""
    local, _at, domain = address.rpartition("@")
    return f"{local[:1]}•••@{domain}" if local else "•••"
