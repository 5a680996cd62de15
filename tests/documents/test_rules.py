"""The final-say rules over every order of approvals: pure counting (rules.py) and the
services (every rule x owners approving in any order, the lead's co-signature anywhere)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.documents.helpers import agree_documents, more_contributors
from workings.core.exceptions import NotAllowed, ValidationFailed
from workings.documents import rules, services
from workings.documents.models import Document, Kind


@pytest.mark.parametrize("rule", rules.RULES)
@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_no_order_of_approvals_changes_the_outcome(rule: str, n: int) -> None:
    owners = list(range(1, n + 1))
    for order in itertools.permutations([*owners, "lead"]):
        got: list[int] = []
        cosigned = False
        for who in order:
            if who == "lead":
                cosigned = True
            else:
                got.append(int(who))
            expected = {
                rules.ALL: len(got) == n,
                rules.MAJORITY: 2 * len(got) > n,
                rules.OWNERS_AND_LEAD: len(got) == n and cosigned,
            }[rule]
            assert (
                rules.is_approved(rule=rule, owners=owners, approvers=got, lead_cosigned=cosigned)
                is expected
            )
            more, cosign = rules.still_needed(
                rule=rule, owners=owners, approvers=got, lead_cosigned=cosigned
            )
            assert (more == 0 and not cosign) is expected


def test_no_owners_never_approves() -> None:
    for rule in rules.RULES:
        assert not rules.is_approved(rule=rule, owners=[], approvers=[1], lead_cosigned=True)


def test_approvals_by_people_who_are_not_owners_do_not_count() -> None:
    assert not rules.is_approved(
        rule=rules.MAJORITY, owners=[1, 2, 3], approvers=[4, 5, 6, 1], lead_cosigned=True
    )


@pytest.mark.django_db
@pytest.mark.parametrize("rule", rules.RULES)
def test_services_follow_the_rule_in_any_order(world: Any, rule: str) -> None:
    owners = [world.users["contributor"], *more_contributors(world, 2)]
    agree_documents(world, owners=owners, rule=rule)
    lead, researcher = world.users["lead"], world.users["researcher"]
    cast = [*owners, lead, researcher]
    counter = itertools.count()

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(order=st.permutations(cast))
    def check(order: list[Any]) -> None:
        document = services.document_create(
            actor=researcher,
            project=world.project,
            kind=Kind.OTHER,
            title=f"Paper {next(counter)}",
            text="Words the owners decide on.",
        )
        owner_ids = {o.pk for o in owners}
        approvers: list[int] = []
        cosigned = False
        for person in order:
            allowed = person.pk in owner_ids or (person == lead and rule == rules.OWNERS_AND_LEAD)
            if not allowed:
                with pytest.raises(NotAllowed):
                    services.version_approve(actor=person, document=document, number=1)
                continue
            version = services.version_approve(actor=person, document=document, number=1)
            if person.pk in owner_ids:
                approvers.append(person.pk)
            else:
                cosigned = True
            # The rules only ever grow, so "approved now" is also "approved at some point".
            assert version.approved is rules.is_approved(
                rule=rule, owners=owner_ids, approvers=approvers, lead_cosigned=cosigned
            )
        final = Document.objects.get(pk=document.pk).versions.get(number=1)
        assert final.approved  # everyone allowed approved in the end

    check()


@pytest.mark.django_db
def test_nobody_approves_when_the_agreement_names_no_owners(world: Any) -> None:
    document = services.document_create(
        actor=world.users["researcher"], project=world.project, kind=Kind.SUMMARY, text="Hello."
    )
    with pytest.raises(ValidationFailed, match="names no owners"):
        services.version_approve(actor=world.users["contributor"], document=document, number=1)
    assert not document.versions.get(number=1).approvals.exists()
