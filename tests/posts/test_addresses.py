"""Every valid address accepted (internationalised ones too), every invalid one refused with
a plain message, and the two common slips (a name with the address, a full stop at the
end) explained in their own words."""

from __future__ import annotations

import pytest

from tests.posts.addresses import INVALID, VALID
from workings.core.exceptions import ValidationFailed
from workings.posts.addresses import masked, subscriber_address


def test_the_corpus_is_big_enough() -> None:
    assert len(set(VALID)) >= 50 and len(set(INVALID)) >= 50
    assert not set(VALID) & set(INVALID)


@pytest.mark.parametrize("address", VALID)
def test_valid_addresses_are_accepted(address: str) -> None:
    assert "@" in subscriber_address(address)


@pytest.mark.parametrize("address", INVALID)
def test_invalid_addresses_are_refused_in_plain_words(address: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        subscriber_address(address)
    assert caught.value.field == "email" and caught.value.message
    assert "Traceback" not in caught.value.message


def test_a_display_name_gets_its_own_message() -> None:
    with pytest.raises(ValidationFailed) as caught:
        subscriber_address("Jane Doe <jane@example.org>")
    assert "without a name" in caught.value.message


def test_a_trailing_full_stop_gets_its_own_message() -> None:
    with pytest.raises(ValidationFailed) as caught:
        subscriber_address("jane@example.org.")
    assert "full stop" in caught.value.message


def test_idn_domains_are_normalised_to_unicode() -> None:
    assert subscriber_address("test@xn--bcher-kva.example") == "test@bücher.example"


def test_masked_address_is_recognisable_but_not_usable() -> None:
    assert masked("jöran@example.de") == "j•••@example.de"
