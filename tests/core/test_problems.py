"""Services collect every broken rule and raise them together; forms show each beside its
field; the API lists them all."""

from __future__ import annotations

import pytest

from workings.core.exceptions import Problems, ValidationFailed
from workings.core.forms import WorkingsForm, add_service_error


def _rule(value: str, *, field: str) -> str:
    if not value:
        raise ValidationFailed(f"Enter the {field}", field=field)
    return value


def test_problems_collect_every_rule_then_raise_them_together() -> None:
    problems = Problems()
    assert problems.check(_rule, "", field="title") is None
    assert problems.check(_rule, "ok", field="note") == "ok"
    with problems.collect():
        _rule("", field="note")
    problems.add("Choose a day", field="day")
    with pytest.raises(ValidationFailed) as caught:
        problems.raise_any()
    error = caught.value
    assert [(p.field, p.message) for p in error.problems] == [
        ("title", "Enter the title"),
        ("note", "Enter the note"),
        ("day", "Choose a day"),
    ]
    assert (error.field, error.message) == ("title", "Enter the title")  # the first, for one


def test_nothing_broken_raises_nothing() -> None:
    problems = Problems()
    problems.check(_rule, "fine", field="title")
    problems.raise_any()
    assert not problems


def test_a_single_error_reports_itself() -> None:
    error = ValidationFailed("Enter the title", field="title")
    assert error.problems == [error]


def test_the_form_shows_each_problem_beside_its_field() -> None:
    from django import forms

    class Form(WorkingsForm):
        service_fields = {"amount": "expense_amount"}
        title = forms.CharField(required=False)
        expense_amount = forms.CharField(required=False)

    form = Form({})
    assert form.is_valid()
    problems = Problems()
    problems.add("Enter the title", field="title")
    problems.add("The amount cannot be negative.", field="amount")
    problems.add("Something about the whole form.")
    add_service_error(form, ValidationFailed.together(problems.found))
    assert form.errors["title"] == ["Enter the title"]
    assert form.errors["expense_amount"] == ["The amount cannot be negative."]
    assert form.non_field_errors() == ["Something about the whole form."]
