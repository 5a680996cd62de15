"""The money policy: the one place that decides who may see and do what with money.

Separation of powers (DESIGN.md): the lead offers, approves and records payment, but never
for a claim of their own, and never answers an offer for someone else; only the person an
offer is made to answers it and claims against it. Contributors see the project's budget
and totals; one person's offers and claims are seen by that person, the lead (who pays
them) and the funder's reviewers (who audit them), nobody else.
"""

from __future__ import annotations

from typing import Any

from workings.core.exceptions import NotAllowed
from workings.money.models import Claim, ClaimStatus, Offer, OfferStatus
from workings.projects.permissions import project_policy
from workings.projects.roles import Role


def _role(user: Any, project: Any) -> str | None:
    return project_policy.role_of(user, project)


def _is(user: Any, membership_user_id: int) -> bool:
    return bool(user is not None and user.is_authenticated and user.pk == membership_user_id)


class MoneyPolicy:
    def can_view(self, user: Any, project: Any) -> bool:
        """The budget, the totals and one's own offers and claims: members and reviewers."""
        return _role(user, project) is not None

    def can_manage(self, user: Any, project: Any) -> bool:
        """Offer payment, plan the budget, approve and pay claims, export for finance."""
        return _role(user, project) == Role.LEAD

    def can_see_everyones(self, user: Any, project: Any) -> bool:
        return _role(user, project) in (Role.LEAD, Role.FUNDER)

    def can_view_offer(self, user: Any, offer: Offer) -> bool:
        return _is(user, offer.person.user_id) or self.can_see_everyones(user, offer.project)

    def can_answer(self, user: Any, offer: Offer) -> bool:
        return (
            _is(user, offer.person.user_id)
            and offer.person.left_at is None
            and offer.status == OfferStatus.OFFERED
        )

    def can_claim(self, user: Any, offer: Offer) -> bool:
        return (
            _is(user, offer.person.user_id)
            and offer.person.left_at is None
            and offer.status == OfferStatus.ACCEPTED
        )

    def can_view_claim(self, user: Any, claim: Claim) -> bool:
        return _is(user, claim.person.user_id) or self.can_see_everyones(user, claim.project)

    def can_decide(self, user: Any, claim: Claim) -> bool:
        """Approve or turn down a claim: the lead, never for their own claim."""
        return self.can_manage(user, claim.project) and not _is(user, claim.person.user_id)

    def can_approve(self, user: Any, claim: Claim) -> bool:
        return self.can_decide(user, claim) and claim.status == ClaimStatus.SUBMITTED

    def can_pay(self, user: Any, claim: Claim) -> bool:
        return self.can_manage(user, claim.project) and not _is(user, claim.person.user_id)

    def can_statement(self, user: Any, project: Any, membership: Any) -> bool:
        return _is(user, membership.user_id) or self.can_see_everyones(user, project)


money_policy = MoneyPolicy()


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)
