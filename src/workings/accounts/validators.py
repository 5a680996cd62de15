"""Password advice in line with current guidance (NCSC, NIST SP 800-63B): a minimum length,
a check against common passwords, no composition rules, long passphrases welcome."""

from __future__ import annotations

from typing import Any


class LongerIsStrongerAdvice:
    """Never refuses anything: it only adds the advice to the password field's help text."""

    def validate(self, password: str, user: Any = None) -> None:
        return None

    def get_help_text(self) -> str:
        return (
            "Longer is stronger: three or four random words make a good password. "
            "There are no rules about symbols or capitals, and you can paste from a "
            "password manager."
        )
