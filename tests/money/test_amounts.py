"""Money arithmetic: sums of line items and rounding by currency, with hypothesis."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workings.core.exceptions import ValidationFailed
from workings.money import amounts

CURRENCIES = st.sampled_from(["GBP", "EUR", "JPY"])
PENCE = st.integers(min_value=0, max_value=10_000_000)
QUANTITIES = st.decimals(min_value=0, max_value=1000, places=2)


@given(st.lists(PENCE, max_size=60), CURRENCIES)
def test_a_sum_of_amounts_is_exact(values: list[int], currency: str) -> None:
    unit = amounts.quantum(currency)
    items = [Decimal(v) * unit for v in values]
    assert amounts.total(items, currency) == Decimal(sum(values)) * unit


@given(QUANTITIES, PENCE, CURRENCIES)
def test_a_line_is_rounded_to_the_minor_unit_half_up(
    quantity: Decimal, cost: int, currency: str
) -> None:
    unit_cost = Decimal(cost) * amounts.quantum(currency)
    line = amounts.line_total(quantity, unit_cost, currency)
    exact = quantity * unit_cost
    assert line.as_tuple().exponent == -amounts.minor_units(currency)
    assert abs(line - exact) <= amounts.quantum(currency) / 2
    assert isinstance(line, Decimal)


@given(st.lists(st.tuples(QUANTITIES, PENCE), max_size=30))
def test_a_budget_total_is_the_sum_of_its_rounded_lines(lines: list[tuple[Decimal, int]]) -> None:
    rounded = [amounts.line_total(q, Decimal(c) / 100, "GBP") for q, c in lines]
    assert amounts.total(rounded, "GBP") == sum(rounded, Decimal(0))


def test_half_a_penny_rounds_up_and_yen_have_no_minor_unit() -> None:
    assert amounts.rounded(Decimal("0.005"), "GBP") == Decimal("0.01")
    assert amounts.rounded(Decimal("2.5"), "JPY") == Decimal("3")
    assert amounts.shown(Decimal("1234.5"), "GBP") == "£1,234.50"
    assert amounts.shown(Decimal("1234"), "JPY") == "1,234 JPY"


def test_floats_are_refused() -> None:
    with pytest.raises(TypeError):
        amounts.rounded(0.1, "GBP")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "cannot be negative"),
        ("abc", "must be an amount"),
        ("1.234", "more decimal places"),
        ("NaN", "must be an amount"),
        ("99999999", "too large"),
    ],
)
def test_bad_amounts_are_refused_plainly(value: str, message: str) -> None:
    with pytest.raises(ValidationFailed, match=message):
        amounts.amount(value, field="amount", label="The amount", currency="GBP")


def test_tax_years_run_from_6_april_to_5_april() -> None:
    assert amounts.tax_year_of(dt.date(2026, 4, 5)) == 2025
    assert amounts.tax_year_of(dt.date(2026, 4, 6)) == 2026
    assert amounts.tax_year_bounds(2026) == (dt.date(2026, 4, 6), dt.date(2027, 4, 5))
    assert amounts.tax_year_label(2026) == "2026–27"
