"""Matrix entries for money, written by hand from the rules (money/permissions.py):

- members and the funder's reviewers see the budget and totals (the money page);
- only the lead offers payment, plans the budget, approves and records payment;
- one person's offers, claims and receipts are seen by that person, the lead and the funder's
  reviewers: never by another member (here the researcher and the observer);
- only the person offered answers an offer and claims against it;
- the finance CSV is for the lead and the funder's reviewers; a statement is one's own.
"""

from __future__ import annotations

from typing import Any

from tests.matrix import CONTRIBUTOR, FUNDER, LEAD, MEMBERS, OBSERVER, RESEARCHER, Case, slug_kwargs

LEAD_ONLY = frozenset({LEAD})
PERSON = frozenset({CONTRIBUTOR})
PERSON_AND_AUDIT = frozenset({CONTRIBUTOR, LEAD, FUNDER})
AUDIT = frozenset({LEAD, FUNDER})
WITH_MEMBERSHIP = frozenset({OBSERVER, CONTRIBUTOR, RESEARCHER, LEAD})


def setup(world: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.agreements.helpers import in_force
    from tests.money.helpers import pdf_bytes
    from workings.agreements.selectors import version_in_force
    from workings.money import services

    if version_in_force(world.project) is None:
        in_force(world)
    lead, contributor = world.users["lead"], world.users["contributor"]
    person = world.memberships["contributor"].pk

    def offer(title: str) -> Any:
        return services.offer_make(
            actor=lead,
            project=world.project,
            person=person,
            activity="task",
            title=title,
            hours="2",
        )

    def accepted(title: str) -> Any:
        return services.offer_answer(actor=contributor, offer=offer(title), answer="accept")

    receipt = SimpleUploadedFile("r.pdf", pdf_bytes())
    submitted = services.claim_make(
        actor=contributor,
        offer=accepted("Claimed"),
        expenses=[{"kind": "travel", "description": "Bus", "amount": "2.50", "receipt": receipt}],
    )
    approved = services.claim_approve(
        actor=lead, claim=services.claim_make(actor=contributor, offer=accepted("Approved"))
    )
    line = services.budget_line_add(
        actor=lead,
        project=world.project,
        year=2026,
        category="fees",
        description="Fees",
        quantity="4",
        unit_cost="50",
    )
    world.extra.update(
        money_offer=offer("Open"),
        money_accepted=accepted("Accepted"),
        money_claim=submitted,
        money_approved=approved,
        money_expense=submitted.expenses.get(),
        money_line=line,
    )


def _pk(key: str, name: str = "pk") -> Any:
    return lambda w: {"slug": w.project.slug, name: w.extra[key].pk}


def _line(world: Any) -> dict[str, Any]:
    return {
        "year": 2026,
        "category": "travel",
        "description": "Bus",
        "quantity": "2",
        "unit_cost": "3.50",
    }


def _offer_data(world: Any) -> dict[str, Any]:
    return {
        "person": world.memberships["contributor"].pk,
        "activity": "task",
        "title": "Read",
        "hours": "1",
    }


def _year(world: Any) -> dict[str, Any]:
    from workings.core import clock
    from workings.money.amounts import tax_year_of

    return {"slug": world.project.slug, "year": tax_year_of(clock.today())}


LINE_API = Case(
    get=None,
    post=None,
    kwargs=_pk("money_line", "line_id"),
    json=True,
    post_data=_line,
    other={"PUT": LEAD_ONLY, "DELETE": LEAD_ONLY},
)

CASES: dict[str, Case] = {
    "money:home": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "money:budget-add": Case(get=None, post=LEAD_ONLY, kwargs=slug_kwargs),
    "money:budget-edit": Case(
        get=LEAD_ONLY, post=LEAD_ONLY, kwargs=_pk("money_line"), post_data=_line
    ),
    "money:budget-remove": Case(get=None, post=LEAD_ONLY, kwargs=_pk("money_line")),
    "money:offer-new": Case(get=LEAD_ONLY, post=LEAD_ONLY, kwargs=slug_kwargs),
    "money:offer": Case(get=PERSON_AND_AUDIT, post=PERSON, kwargs=_pk("money_offer")),
    "money:claim-new": Case(get=PERSON, post=PERSON, kwargs=_pk("money_accepted")),
    "money:claim": Case(get=PERSON_AND_AUDIT, post=None, kwargs=_pk("money_claim")),
    "money:claim-approve": Case(get=None, post=LEAD_ONLY, kwargs=_pk("money_claim")),
    "money:claim-reject": Case(get=None, post=LEAD_ONLY, kwargs=_pk("money_claim")),
    "money:claim-pay": Case(get=None, post=LEAD_ONLY, kwargs=_pk("money_approved")),
    "money:receipt": Case(get=PERSON_AND_AUDIT, post=None, kwargs=_pk("money_expense")),
    "money:export": Case(get=AUDIT, post=None, kwargs=slug_kwargs),
    "money:statement": Case(get=WITH_MEMBERSHIP, post=None, kwargs=_year),
    "money:statement-csv": Case(get=WITH_MEMBERSHIP, post=None, kwargs=_year),
    "money:statement-print": Case(get=WITH_MEMBERSHIP, post=None, kwargs=_year),
    # API
    "api:money_summary": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
    "api:money_budget_line_add": Case(
        get=None, post=LEAD_ONLY, kwargs=slug_kwargs, json=True, post_data=_line
    ),
    # The change and the removal share one URL (PUT and DELETE); the lead's PUT runs first.
    "api:money_budget_line_change": LINE_API,
    "api:money_budget_line_remove": LINE_API,
    "api:money_offer_list": Case(
        get=MEMBERS, post=LEAD_ONLY, kwargs=slug_kwargs, json=True, post_data=_offer_data
    ),
    "api:money_offer_make": Case(
        get=MEMBERS, post=LEAD_ONLY, kwargs=slug_kwargs, json=True, post_data=_offer_data
    ),
    "api:money_offer_answer": Case(
        get=None,
        post=PERSON,
        kwargs=_pk("money_offer", "offer_id"),
        json=True,
        post_data=lambda w: {"answer": "accept"},
    ),
    "api:money_claim_list": Case(get=MEMBERS, post=None, kwargs=slug_kwargs, json=True),
    "api:money_claim_make": Case(
        get=None, post=PERSON, kwargs=_pk("money_accepted", "offer_id"), json=True
    ),
    "api:money_claim_approve": Case(
        get=None, post=LEAD_ONLY, kwargs=_pk("money_claim", "claim_id"), json=True
    ),
    "api:money_claim_reject": Case(
        get=None,
        post=LEAD_ONLY,
        kwargs=_pk("money_claim", "claim_id"),
        json=True,
        post_data=lambda w: {"reason": "Not this time"},
    ),
    "api:money_claim_pay": Case(
        get=None, post=LEAD_ONLY, kwargs=_pk("money_approved", "claim_id"), json=True
    ),
}
