"""Money arithmetic: Decimal only (never float), rounded to the currency's minor unit.

Every amount is rounded once, where it is made (a fee, a line total), half up as finance
offices round; sums of rounded amounts are exact and need no rounding again. The currency
is the project's, from the agreement in force, never assumed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from workings.core.exceptions import ValidationFailed

# ISO 4217 minor units of the currencies a project may choose (projects/validation.py).
MINOR_UNITS = {"GBP": 2, "EUR": 2, "USD": 2, "CAD": 2, "AUD": 2, "NZD": 2, "JPY": 0, "ISK": 0}
SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}
# The largest single amount we accept: far above any involvement payment, well inside the
# database's 12 digits.
LARGEST = Decimal("1000000")


def minor_units(currency: str) -> int:
    return MINOR_UNITS.get(currency, 2)


def quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_units(currency))


def rounded(value: Decimal, currency: str) -> Decimal:
    if isinstance(value, float):
        raise TypeError("Money is never a float.")
    return Decimal(value).quantize(quantum(currency), rounding=ROUND_HALF_UP)


def total(values: Iterable[Decimal], currency: str) -> Decimal:
    """The sum of amounts, in the currency's minor unit (start=Decimal: never float)."""
    return rounded(sum(values, Decimal(0)), currency)


def line_total(quantity: Decimal, unit_cost: Decimal, currency: str) -> Decimal:
    return rounded(quantity * unit_cost, currency)


def amount(
    value: Any, *, field: str, label: str, currency: str, allow_zero: bool = True
) -> Decimal:
    """A typed-in amount, checked: a number, not negative, no finer than the currency's
    minor unit, and not absurdly large. Plain-English errors."""
    if isinstance(value, float):
        value = str(value)
    try:
        number = Decimal(str(value).strip().replace(",", "").lstrip("£€$"))
    except (InvalidOperation, ValueError):
        raise ValidationFailed(
            _("%(label)s must be an amount, like 12.50.") % {"label": label}, field=field
        ) from None
    if not number.is_finite():
        raise ValidationFailed(
            _("%(label)s must be an amount, like 12.50.") % {"label": label}, field=field
        )
    if number < 0:
        raise ValidationFailed(_("%(label)s cannot be negative.") % {"label": label}, field=field)
    if number == 0 and not allow_zero:
        raise ValidationFailed(
            _("%(label)s must be more than zero.") % {"label": label}, field=field
        )
    if number > LARGEST:
        raise ValidationFailed(
            _("%(label)s is too large to be right.") % {"label": label}, field=field
        )
    if number != rounded(number, currency):
        raise ValidationFailed(
            _("%(label)s has more decimal places than %(currency)s has.")
            % {"label": label, "currency": currency},
            field=field,
        )
    return rounded(number, currency)


def quantity(value: Any, *, field: str, label: str) -> Decimal:
    """Hours or a count: not negative, at most two decimal places (a quarter hour is 0.25)."""
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationFailed(
            _("%(label)s must be a number, like 2.5.") % {"label": label}, field=field
        ) from None
    if not number.is_finite() or number < 0:
        raise ValidationFailed(
            _("%(label)s must be a number of zero or more.") % {"label": label}, field=field
        )
    if number > 10000 or number != number.quantize(Decimal("0.01")):
        raise ValidationFailed(
            _("%(label)s must be under 10,000 with at most two decimal places.") % {"label": label},
            field=field,
        )
    return number.quantize(Decimal("0.01"))


def shown(value: Decimal, currency: str) -> str:
    """An amount as people read it: £1,234.50 (or 1,234.50 JPY for a currency without a
    symbol here)."""
    text = f"{rounded(value, currency):,.{minor_units(currency)}f}"
    symbol = SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def tax_year_of(day: dt.date) -> int:
    """The UK tax year a day falls in, by its starting year: 6 April 2026 to 5 April 2027
    is 2026."""
    return day.year if (day.month, day.day) >= (4, 6) else day.year - 1


def tax_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 4, 6), dt.date(year + 1, 4, 5)


def tax_year_label(year: int) -> str:
    return f"{year}–{(year + 1) % 100:02d}"
