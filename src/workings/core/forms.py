"""The one base for every form: errors that say which field and what to do.

Django's own "This field is required." names nothing. Every form in Workings inherits
`WorkingsForm` (or puts `RequiredMessages` first in its bases), which gives each required
field a message built from its label, in the GOV.UK style: "Enter …" for something to
type, "Choose …" for a choice or a file, "Tick …" for a box that must be ticked. Where the
built words would read badly, a form names its own in `required_messages`, or a field keeps
the `error_messages={"required": …}` it was given. Django's validation already reports
every field's problem at once; services collect theirs too (core.exceptions.Problems), and
`add_service_error` puts each beside its field; core/_form_errors.html lists them all at
the top.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext

from workings.core.exceptions import WorkingsError

DJANGO_REQUIRED = forms.Field.default_error_messages["required"]


def _lower_first(label: str) -> str:
    """ "Title" -> "title", but "PDF file" and "GRIPP2 item" keep their capitals."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _is_choice(field: forms.Field) -> bool:
    return isinstance(field, forms.ChoiceField | forms.ModelChoiceField | forms.FileField)


def required_message(field: forms.Field, name: str) -> str:
    """The GOV.UK-style message for an empty required field, from its label."""
    label = str(field.label or forms.utils.pretty_name(name)).strip().rstrip(":.").strip()
    if isinstance(field, forms.BooleanField):
        return gettext("Tick the box “%(label)s” to go on") % {"label": label}
    if label.endswith("?"):
        if _is_choice(field):
            return gettext("Choose an answer to “%(label)s”") % {"label": label}
        return gettext("Enter your answer to “%(label)s”") % {"label": label}
    if isinstance(field, forms.FileField):
        return gettext("Choose a file for %(label)s") % {"label": _lower_first(label)}
    if _is_choice(field):
        return gettext("Choose %(label)s") % {"label": _lower_first(label)}
    return gettext("Enter %(label)s") % {"label": _lower_first(label)}


def keeps_django_default(field: forms.Field) -> bool:
    message = field.error_messages.get("required")
    return message is DJANGO_REQUIRED or str(message) == str(DJANGO_REQUIRED)


class RequiredMessages:
    """Mixin for any Django form (put it first in the bases)."""

    # Per-form words where the built ones would be wrong: {"field name": _("…")}.
    required_messages: ClassVar[dict[str, str | Promise]] = {}
    # Where a service names a field differently: {"service's name": "form field name"}.
    service_fields: ClassVar[dict[str, str]] = {}

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.name_required_fields()

    def name_required_fields(self) -> None:
        """Give every required field its own message (again before validating, so fields
        a subclass adds after __init__ are covered too)."""
        for name, field in self.fields.items():
            if name in self.required_messages:
                field.error_messages = {
                    **field.error_messages,
                    "required": self.required_messages[name],
                }
            elif keeps_django_default(field):
                field.error_messages = {
                    **field.error_messages,
                    "required": required_message(field, name),
                }

    def full_clean(self) -> None:
        self.name_required_fields()
        super().full_clean()  # type: ignore[misc]


class WorkingsForm(RequiredMessages, forms.Form):
    """The base for every plain form in Workings."""


def add_service_error(form: forms.Form, error: WorkingsError) -> None:
    """Show a service's plain-English refusals, every one at once, each beside the field it
    is about (so the error summary links to it). A form whose field names differ from the
    service's maps them in `service_fields` ({"service name": "form field"}); a problem
    about no field of the form goes at the top."""
    names: dict[str, str] = getattr(form, "service_fields", {})
    shown: set[tuple[str | None, str]] = set()
    for problem in error.problems:
        name = names.get(problem.field or "", problem.field)
        field = name if name in form.fields else None
        if (field, problem.message) in shown:
            continue
        shown.add((field, problem.message))
        form.add_error(field, problem.message)


__all__ = [
    "RequiredMessages",
    "WorkingsForm",
    "add_service_error",
    "keeps_django_default",
    "required_message",
]
