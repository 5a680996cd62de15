from __future__ import annotations

from django import forms

from workings.core.exceptions import WorkingsError


def add_service_error(form: forms.Form, error: WorkingsError) -> None:
    """Show a service's plain-English refusal beside the field it is about."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
