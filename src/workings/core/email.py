"""E-mail addresses and e-mails, one way everywhere.

- One validator (the email-validator package, internationalised addresses allowed, no DNS
  look-up) for sign-up, sign-in, invitations and the API: `jöran@example.de` and
  `用户@例子.广告` are valid wherever one of them is.
- One subject builder: no text a person wrote can break an e-mail header.
- A mail backend that sends to an internationalised address with SMTPUTF8 when the server
  offers it, instead of encoding the part before the @ (which many servers do not deliver).
"""

from __future__ import annotations

import smtplib
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail.backends.smtp import EmailBackend
from django.core.mail.message import sanitize_address
from django.utils.translation import gettext as _
from email_validator import EmailNotValidError, validate_email

from workings.core.exceptions import ValidationFailed
from workings.core.text import clean_line, quoted, text_problem

SUBJECT_MAX = 150


def email_problem(value: Any) -> tuple[str, str]:
    """(the normalised address, "") or ("", why it is not valid, in plain English)."""
    raw = str(value or "").strip()
    if not raw:
        return "", _("Enter an e-mail address.")
    if text_problem(raw):
        return "", _("The e-mail address %(problem)s") % {"problem": text_problem(raw)}
    try:
        result = validate_email(raw, check_deliverability=False)
    except EmailNotValidError as error:
        return "", _("%(address)s is not a valid e-mail address: %(why)s") % {
            "address": quoted(raw),
            "why": error,
        }
    return str(result.normalized), ""


def email_address(value: Any, *, field: str = "email") -> str:
    """A normalised address, or a plain-English ValidationFailed."""
    address, problem = email_problem(value)
    if problem:
        raise ValidationFailed(problem, field=field)
    return address


def validate_email_address(value: Any) -> None:
    """The same rule as a Django form validator."""
    _address, problem = email_problem(value)
    if problem:
        raise ValidationError(problem, code="invalid")


def email_subject(text: str, *, prefix: str = "Workings: ") -> str:
    """A subject line from any text: one line, no control characters, not too long."""
    line = clean_line(str(text).encode("utf-8", "replace").decode("utf-8"))
    subject = prefix + line
    return subject if len(subject) <= SUBJECT_MAX else subject[: SUBJECT_MAX - 1] + "…"


class SMTPUTF8EmailBackend(EmailBackend):
    """Django's SMTP backend, but an internationalised recipient is sent as it is written,
    with SMTPUTF8, when the server offers that extension."""

    def _send(self, email_message: Any) -> bool:
        recipients = email_message.recipients()
        if all(address.isascii() for address in recipients) or self.connection is None:
            return bool(super()._send(email_message))
        self.connection.ehlo_or_helo_if_needed()
        if not self.connection.has_extn("smtputf8"):
            return bool(super()._send(email_message))
        encoding = email_message.encoding or settings.DEFAULT_CHARSET
        from_email = sanitize_address(email_message.from_email, encoding)
        message = email_message.message()
        try:
            self.connection.sendmail(
                from_email,
                list(recipients),
                message.as_bytes(linesep="\r\n"),
                mail_options=["SMTPUTF8"],
            )
        except smtplib.SMTPException:
            if not self.fail_silently:
                raise
            return False
        return True
