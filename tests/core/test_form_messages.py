"""Every form says which field is empty and what to do (issue 16, "Words"), and the summary
at the top lists every problem at once, each linking to its field."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import pytest
from django import forms
from django.template.loader import render_to_string

import workings
from workings.core.forms import RequiredMessages, WorkingsForm, keeps_django_default

DJANGO_DEFAULT = "This field is required."


def _modules() -> list[Any]:
    found = []
    for info in pkgutil.walk_packages(workings.__path__, "workings."):
        name = info.name
        skipped = name.endswith((".wsgi", ".cli", "__main__"))
        if skipped or ".migrations" in name or ".tests" in name:
            continue
        try:
            found.append(importlib.import_module(name))
        except ImportError:  # pragma: no cover - an optional extra not installed
            continue
    return found


def form_classes() -> list[type[forms.BaseForm]]:
    classes = set()
    for module in _modules():
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(obj, forms.BaseForm)
                and obj.__module__.startswith("workings.")
                and obj is not WorkingsForm
            ):
                classes.add(obj)
    return sorted(classes, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def test_the_walk_finds_the_forms() -> None:
    names = {c.__name__ for c in form_classes()}
    assert {"FeedbackForm", "OfferForm", "ClaimForm", "MilestoneForm", "RaiseForm"} <= names
    assert len(names) > 50


@pytest.mark.parametrize("cls", form_classes(), ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_every_form_names_its_empty_fields(cls: type[forms.BaseForm]) -> None:
    assert issubclass(cls, RequiredMessages), (
        f"{cls.__module__}.{cls.__name__} must inherit workings.core.forms.WorkingsForm "
        "(or RequiredMessages first) so empty fields get a message that names them"
    )
    try:
        form = cls(data={})
    except TypeError:
        return  # needs its context (a project, a person): checked on its page instead
    form.is_valid()
    for name, field in form.fields.items():
        assert not keeps_django_default(field), f"{cls.__name__}.{name}"
    for name, errors in form.errors.items():
        assert DJANGO_DEFAULT not in errors, f"{cls.__name__}.{name}"


class Sample(WorkingsForm):
    required_messages = {"colour": "Choose the colour of your sign"}

    title = forms.CharField(label="Title")
    date_due = forms.DateField(label="Date due")
    kind = forms.ChoiceField(label="Kind of activity", choices=[("a", "A")])
    colour = forms.ChoiceField(label="Colour", choices=[("r", "Red")])
    question = forms.CharField(label="What happened?")
    decision = forms.ChoiceField(
        label="Do you agree?", choices=[("y", "Yes"), ("n", "No")], widget=forms.RadioSelect
    )
    agree = forms.BooleanField(label="I have read the agreement")
    upload = forms.FileField(label="Receipt")
    pdf = forms.CharField(label="PDF title")
    own = forms.CharField(label="Own", error_messages={"required": "Say who you are"})
    optional = forms.CharField(label="Notes", required=False)


def test_messages_are_built_from_labels_and_all_show_at_once() -> None:
    form = Sample(data={})
    assert not form.is_valid()
    assert form.errors == {
        "title": ["Enter title"],
        "date_due": ["Enter date due"],
        "kind": ["Choose kind of activity"],
        "colour": ["Choose the colour of your sign"],
        "question": ["Enter your answer to “What happened?”"],
        "decision": ["Choose an answer to “Do you agree?”"],
        "agree": ["Tick the box “I have read the agreement” to go on"],
        "upload": ["Choose a file for receipt"],
        "pdf": ["Enter PDF title"],
        "own": ["Say who you are"],
    }


def test_fields_added_after_init_are_covered() -> None:
    class Late(WorkingsForm):
        pass

    form = Late(data={})
    form.fields["name"] = forms.CharField(label="Your name")
    assert form.errors == {"name": ["Enter your name"]}


def test_summary_lists_every_problem_with_links() -> None:
    form = Sample(data={})
    form.is_valid()
    form.add_error(None, "Something else went wrong")
    html = render_to_string("core/_form_errors.html", {"form": form})
    assert "There is a problem" in html
    assert "There are 11 things to put right." in html
    assert '<a href="#id_title">Enter title</a>' in html
    # A group of buttons links to its first button, which exists on the page.
    assert '<a href="#id_decision_0">Choose an answer to “Do you agree?”</a>' in html
    # A message that does not name its field gets the label in front.
    assert "<li>Something else went wrong</li>" in html
    form2 = Sample(data={"title": "x", "date_due": "not a date"})
    form2.is_valid()
    html2 = render_to_string("core/_form_errors.html", {"form": form2})
    assert "Date due: Enter a valid date." in html2
    assert "Enter title" not in html2
