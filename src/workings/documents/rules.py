"""The final-say rules, as pure functions: which approvals make a version approved.

The agreement in force chooses the rule and names the owners (agreements/sections.py,
"documents"); this module only counts. Kept free of Django so the rules can be tested over
every order of approvals (tests/documents/test_rules.py)."""

from __future__ import annotations

from collections.abc import Iterable

ALL = "all"
MAJORITY = "majority"
OWNERS_AND_LEAD = "owners_and_lead"
RULES = (ALL, MAJORITY, OWNERS_AND_LEAD)


def is_approved(
    *, rule: str, owners: Iterable[int], approvers: Iterable[int], lead_cosigned: bool
) -> bool:
    """Whether the owners' approvals (user ids) meet the rule. No owners: never approved
    (nobody may approve in their place)."""
    owner_set = set(owners)
    if not owner_set:
        return False
    approved_by = owner_set & set(approvers)
    if rule == ALL:
        return approved_by == owner_set
    if rule == MAJORITY:
        return 2 * len(approved_by) > len(owner_set)
    if rule == OWNERS_AND_LEAD:
        return approved_by == owner_set and lead_cosigned
    raise ValueError(f"Unknown final-say rule {rule!r}")


def still_needed(
    *, rule: str, owners: Iterable[int], approvers: Iterable[int], lead_cosigned: bool
) -> tuple[int, bool]:
    """How many more owners must approve, and whether the lead's co-signature is missing."""
    owner_set = set(owners)
    got = len(owner_set & set(approvers))
    if rule == MAJORITY:
        need = len(owner_set) // 2 + 1
    else:
        need = len(owner_set)
    return max(need - got, 0), rule == OWNERS_AND_LEAD and not lead_cosigned
