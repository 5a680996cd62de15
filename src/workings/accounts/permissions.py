"""Who may do what with accounts: a person manages only their own profile and tokens."""

from __future__ import annotations

from typing import Any


class AccountPolicy:
    def can_manage_profile(self, user: Any) -> bool:
        return bool(user.is_authenticated)

    def can_manage_tokens(self, user: Any) -> bool:
        return bool(user.is_authenticated)


account_policy = AccountPolicy()
