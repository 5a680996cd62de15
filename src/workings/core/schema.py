"""The base of every API input schema: text no database can store faithfully (a NUL byte, a
lone surrogate) and integers beyond what a database holds are refused, in plain English,
before anything else looks at the request. Services then clean the text further
(core/text.py: control characters, one-line fields)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from ninja import Schema
from ninja.schema import DjangoGetter
from pydantic import model_validator
from pydantic_core import PydanticCustomError

from workings.core.text import text_problem

# The range of a 64-bit signed integer: every id and number column we have.
INT_MIN = -(2**63)
INT_MAX = 2**63 - 1


def input_problem(value: Any, name: str) -> str | None:
    """What is wrong with this value (anywhere inside it), or None."""
    if isinstance(value, str):
        problem = text_problem(value)
        return f"“{name}” {problem}" if problem else None  # the problem is translated
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
        return _("“%(name)s” holds a number too large to be right (the largest is %(max)s).") % {
            "name": name,
            "max": f"{INT_MAX:,}",
        }
    if isinstance(value, dict):
        for key, item in value.items():
            problem = input_problem(str(key), name) or input_problem(item, str(key))
            if problem:
                return problem
    if isinstance(value, list | tuple):
        for item in value:
            problem = input_problem(item, name)
            if problem:
                return problem
    return None


class InputSchema(Schema):
    """Inherit from this, not ninja's Schema, for anything a request sends in."""

    @model_validator(mode="before")
    @classmethod
    def _refuse_unstorable(cls, data: Any) -> Any:
        raw = data._obj if isinstance(data, DjangoGetter) else data
        if isinstance(raw, dict):
            problem = input_problem(raw, "")
            if problem:
                raise PydanticCustomError("unstorable", problem)
        return data
