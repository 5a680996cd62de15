"""Money pages: what each person is shown (a contributor sees the project's budget and
totals and their own claims, never another contributor's), receipts served only to who may
see the claim, the finance CSV formula-safe, the statement by tax year, and the lead unable
to gain what the lead must not have."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.factories import add_member, make_user
from tests.money import helpers as h
from workings.core import clock
from workings.money import services
from workings.money.amounts import tax_year_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(world: Any) -> Any:
    h.terms(world)
    claim = h.claim(
        world,
        offer=h.accepted(world, title="=HYPERLINK(evil) Leaflet review"),
        expenses=[
            {
                "kind": "travel",
                "description": "Taxi",
                "amount": "9.99",
                "receipt": h.upload(h.png_bytes()),
            }
        ],
    )
    services.claim_approve(actor=world.users["lead"], claim=claim)
    services.claim_pay(actor=world.users["lead"], claim=claim)
    services.budget_line_add(
        actor=world.users["lead"],
        project=world.project,
        year=tax_year_of(clock.today()),
        category="fees",
        description="Meeting fees",
        quantity="10",
        unit_cost="50",
    )
    world.extra["claim"] = claim
    return world


def _url(world: Any, name: str, **kw: Any) -> str:
    return reverse(f"money:{name}", kwargs={"slug": world.project.slug, **kw})


def test_another_contributor_sees_the_totals_never_the_claim(paid: Any, client_for: Any) -> None:
    other = make_user("second.contributor@example.org", "Second Contributor")
    add_member(paid.project, paid.users["lead"], other, "contributor")
    page = client_for(other).get(_url(paid, "home")).content.decode()
    assert "Meeting fees" in page and "500.00" in page and "84.99" in page  # budget and spent
    assert "Leaflet review" not in page and "Contributor Person" not in page
    claim = paid.extra["claim"]
    assert client_for(other).get(_url(paid, "claim", pk=claim.pk)).status_code == 404
    expense = claim.expenses.get()
    assert client_for(other).get(_url(paid, "receipt", pk=expense.pk)).status_code == 404


def test_the_claimant_the_lead_and_the_funder_see_the_claim(paid: Any, client_for: Any) -> None:
    claim = paid.extra["claim"]
    for role in ("contributor", "lead", "funder"):
        page = client_for(paid.users[role]).get(_url(paid, "claim", pk=claim.pk))
        assert page.status_code == 200 and "Leaflet review" in page.content.decode()
        receipt = client_for(paid.users[role]).get(
            _url(paid, "receipt", pk=claim.expenses.get().pk)
        )
        assert receipt["Content-Type"] == "image/png"
        assert b"".join(receipt.streaming_content).startswith(b"\x89PNG")


def test_finance_csv_is_formula_safe_and_streamed(paid: Any, client_for: Any) -> None:
    response = client_for(paid.users["lead"]).get(_url(paid, "export"))
    assert response.streaming
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(evil) Leaflet review" in text
    assert ",84.99," in text and ",no\r\n" in text


def test_statement_for_the_tax_year(paid: Any, client_for: Any) -> None:
    year = tax_year_of(clock.today())
    page = client_for(paid.users["contributor"]).get(_url(paid, "statement", year=year))
    text = page.content.decode()
    assert "£75.00" in text and "£9.99" in text and "£84.99" in text
    empty = client_for(paid.users["contributor"]).get(_url(paid, "statement", year=year - 3))
    assert "Nothing was paid" in empty.content.decode()


def test_statement_csv_is_formula_safe_and_only_for_who_may_see_it(
    paid: Any, client_for: Any
) -> None:
    year = tax_year_of(clock.today())
    url = _url(paid, "statement-csv", year=year)
    mine = client_for(paid.users["contributor"]).get(url)
    assert mine.status_code == 200 and mine["Content-Type"].startswith("text/csv")
    text = mine.content.decode()
    assert text.startswith("paid_on,claim,activity,for_time,expenses,total,currency\r\n")
    assert "'=HYPERLINK(evil) Leaflet review,75.00,9.99,84.99,GBP" in text
    assert f"Total {year}" in text and ",75.00,9.99,84.99,GBP\r\n" in text
    page = client_for(paid.users["contributor"]).get(_url(paid, "statement", year=year))
    assert url in page.content.decode()
    person = f"?person={paid.memberships['contributor'].pk}"
    assert client_for(paid.users["lead"]).get(url + person).status_code == 200
    assert client_for(paid.users["researcher"]).get(url + person).status_code == 404
    other = make_user("third.contributor@example.org", "Third Contributor")
    add_member(paid.project, paid.users["lead"], other, "contributor")
    assert "Leaflet" not in client_for(other).get(url).content.decode()
    assert client_for(other).get(url + person).status_code == 404


def test_printable_statement(paid: Any, client_for: Any) -> None:
    year = tax_year_of(clock.today())
    url = _url(paid, "statement-print", year=year)
    page = client_for(paid.users["contributor"]).get(url)
    text = page.content.decode()
    assert page.status_code == 200 and "£84.99" in text and "money/print.css" in text
    assert (
        url
        in client_for(paid.users["contributor"])
        .get(_url(paid, "statement", year=year))
        .content.decode()
    )
    person = f"?person={paid.memberships['contributor'].pk}"
    assert client_for(paid.users["researcher"]).get(url + person).status_code == 404


def test_the_lead_cannot_answer_for_a_contributor_nor_claim_for_them(
    paid: Any, client_for: Any
) -> None:
    offer = h.offer(paid)
    lead = client_for(paid.users["lead"])
    response = lead.post(_url(paid, "offer", pk=offer.pk), {"answer": "accept"})
    assert response.status_code == 403
    offer.refresh_from_db()
    assert offer.status == "offered"
    assert lead.get(_url(paid, "claim-new", pk=offer.pk)).status_code == 403


def test_keyboardless_flow_through_the_pages(world: Any, client_for: Any) -> None:
    """Offer → accept → claim with receipt → approve → paid, through the forms."""
    h.terms(world)
    lead, person = client_for(world.users["lead"]), client_for(world.users["contributor"])
    response = lead.post(
        _url(world, "offer-new"),
        {
            "person": world.memberships["contributor"].pk,
            "activity": "task",
            "title": "Read the protocol",
            "hours": "2",
            "preparation_hours": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    offer_url = response["Location"]
    assert (
        person.post(offer_url, {"answer": "accept", "benefits_advice_taken": "on"}).status_code
        == 302
    )
    pk = int(offer_url.rstrip("/").split("/")[-1])
    response = person.post(
        _url(world, "claim-new", pk=pk),
        {
            "hours": "2",
            "expense_kind": "data",
            "expense_description": "Phone data",
            "expense_amount": "5",
            "receipt": h.upload(h.pdf_bytes(), "r.pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    claim_url = response["Location"]
    claim_pk = int(claim_url.rstrip("/").split("/")[-1])
    assert lead.post(_url(world, "claim-approve", pk=claim_pk)).status_code == 302
    paid = lead.post(_url(world, "claim-pay", pk=claim_pk), {"paid_on": clock.today().isoformat()})
    assert paid.status_code == 302
    again = lead.post(_url(world, "claim-pay", pk=claim_pk), {"paid_on": clock.today().isoformat()})
    assert again.status_code in (400, 409) and "twice" in again.content.decode()
    assert "Paid" in person.get(claim_url).content.decode()


def test_a_bad_receipt_is_refused_plainly_on_the_page(world: Any, client_for: Any) -> None:
    h.terms(world)
    offer = h.accepted(world)
    response = client_for(world.users["contributor"]).post(
        _url(world, "claim-new", pk=offer.pk),
        {
            "hours": "3",
            "expense_kind": "travel",
            "expense_description": "Bus",
            "expense_amount": "3",
            "receipt": h.upload(b"<svg onload=alert(1)>", "r.png"),
        },
    )
    assert response.status_code == 400
    assert "photo (JPEG, PNG or WebP) or a PDF" in response.content.decode()


def test_the_budget_page_body_is_kept_until_money_moves(world: Any, client_for: Any) -> None:
    """The page's body is kept while the log does not move: read again it is the same body
    (the same form tokens); a new budget line shows at once; another reader never gets it."""
    h.terms(world)
    lead = client_for(world.users["lead"])
    url = reverse("money:home", kwargs={"slug": world.project.slug})

    def main(client: Any) -> str:
        page = client.get(url).content.decode()
        return page[page.index("<main") : page.index("</main>")]

    first = main(lead)
    assert main(lead) == first
    services.budget_line_add(
        actor=world.users["lead"],
        project=world.project,
        year=tax_year_of(clock.today()),
        category="fees",
        description="Steering group fees",
        quantity="4",
        unit_cost="25",
    )
    assert "Steering group fees" in main(lead)
    assert "Remove<span" in main(lead)
    # The lead's kept body (with its Change and Remove buttons) is not the contributor's.
    contributor = main(client_for(world.users["contributor"]))
    assert "Steering group fees" in contributor
    assert "Remove<span" not in contributor
