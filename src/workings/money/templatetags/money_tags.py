"""{{ amount|money:currency }}: an amount as people read it (£1,234.50)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from workings.money.amounts import shown

register = template.Library()


@register.filter
def money(value: Any, currency: str) -> str:
    return shown(Decimal(str(value or 0)), currency or "GBP")
