"""Plain-English checks shared by the project services (one place, so pages and API agree)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from workings.core.email import email_address as core_email_address
from workings.core.exceptions import Problems, ValidationFailed
from workings.core.text import quoted
from workings.projects.roles import Credit, Role

MAX_BUDGET = Decimal("1000000000")


def date_value(value: Any, *, field: str, label: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except (TypeError, ValueError):
        raise ValidationFailed(
            _("%(label)s must be a date, like 2026-03-31.") % {"label": label}, field=field
        ) from None


def date_range(start: Any, end: Any) -> tuple[dt.date, dt.date]:
    problems = Problems()  # both dates are checked, and both reported
    start_date = problems.check(date_value, start, field="start_date", label=_("Start date"))
    end_date = problems.check(date_value, end, field="end_date", label=_("End date"))
    problems.raise_any()
    assert start_date is not None and end_date is not None
    if end_date < start_date:
        raise ValidationFailed(
            _("The end date must be on or after the start date."), field="end_date"
        )
    return start_date, end_date


def budget(value: Any) -> Decimal:
    try:
        amount = Decimal(str(value if value not in (None, "") else "0"))
    except InvalidOperation:
        raise ValidationFailed(
            _("Involvement budget must be a number, like 12000 or 12000.50."),
            field="involvement_budget",
        ) from None
    if not amount.is_finite():
        raise ValidationFailed(
            _("Involvement budget must be a number."), field="involvement_budget"
        )
    if amount < 0:
        raise ValidationFailed(
            _("Involvement budget cannot be negative."), field="involvement_budget"
        )
    if amount >= MAX_BUDGET:
        raise ValidationFailed(_("Involvement budget is too large."), field="involvement_budget")
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise ValidationFailed(
            _("Involvement budget can have at most two decimal places."), field="involvement_budget"
        )
    return amount


def currency(value: Any) -> str:
    code = str(value or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValidationFailed(
            _("Currency must be a three-letter code such as GBP, EUR or USD."), field="currency"
        )
    return code


def role(value: Any) -> str:
    if value not in Role.values:
        names = ", ".join(Role.values)
        raise ValidationFailed(
            _("%(value)s is not a role. Choose one of: %(names)s.")
            % {"value": quoted(value), "names": names},
            field="role",
        )
    return str(value)


def credit(value: Any) -> str:
    if value not in Credit.values:
        names = ", ".join(Credit.values)
        raise ValidationFailed(
            _("%(value)s is not a credit choice. Choose one of: %(names)s.")
            % {"value": quoted(value), "names": names},
            field="credit",
        )
    return str(value)


def email_address(value: Any) -> str:
    """A normalised address. Internationalised addresses (zoë@exämple.org) are valid."""
    return core_email_address(value, field="email")


def same_address(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def slug(value: Any) -> str:
    text = str(value or "").strip().lower()
    if not re.fullmatch(r"[a-z0-9](?:[a-z0-9-]{1,48}[a-z0-9])", text):
        raise ValidationFailed(
            _("The web address may use lower-case letters, digits and hyphens (3 to 50)."),
            field="slug",
        )
    return text
