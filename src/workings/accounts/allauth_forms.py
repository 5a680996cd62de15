"""allauth's forms with our one e-mail rule and an equal-cost sign-up (settings.ACCOUNT_FORMS).

Kept apart from forms.py, which allauth itself imports while loading its forms."""

from __future__ import annotations

from typing import Any

from allauth.account import forms as allauth_forms
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from workings.core.email import email_problem, validate_email_address
from workings.core.forms import RequiredMessages


def international_email(form: forms.Form, name: str = "email") -> None:
    """Check this field with our one e-mail rule (internationalised addresses allowed)
    instead of Django's, which refuses jöran@example.de."""
    field = form.fields.get(name)
    if field is None:
        return
    field.validators = [validate_email_address]
    field.max_length = None
    to_python = field.to_python

    def normalised(value: Any) -> Any:
        # The same spelling invitations store (user@bücher.example, not its xn-- form).
        address, problem = email_problem(to_python(value))
        return to_python(value) if problem else address

    field.to_python = normalised  # type: ignore[method-assign]


class SignupForm(allauth_forms.SignupForm):  # type: ignore[misc]
    """allauth's sign-up form with our e-mail rule, and the same costly work whether or not
    the address already has an account (so the time taken does not tell)."""

    required_messages = {
        "email": _("Enter your e-mail address"),
        "password1": _("Enter a password"),
        "password2": _("Enter the password again"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        international_email(self)

    def try_save(self, request: Any) -> Any:
        if self.account_already_exists:
            # A new account's password is hashed; hash this one too and throw it away.
            make_password(self.cleaned_data.get("password1") or None)
        return super().try_save(request)


class LoginForm(RequiredMessages, allauth_forms.LoginForm):  # type: ignore[misc]
    required_messages = {
        "login": _("Enter your e-mail address"),
        "password": _("Enter your password"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        international_email(self, "login")


class ResetPasswordForm(RequiredMessages, allauth_forms.ResetPasswordForm):  # type: ignore[misc]
    required_messages = {
        "email": _("Enter your e-mail address"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        international_email(self)


class AddEmailForm(RequiredMessages, allauth_forms.AddEmailForm):  # type: ignore[misc]
    required_messages = {
        "email": _("Enter the e-mail address to add"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        international_email(self)
