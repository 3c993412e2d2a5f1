"""An address written out on a contact page is a channel, labelled or not; numbers that are not one are not."""

from __future__ import annotations

import pytest

from checks.support_contact import is_postal_address


@pytest.mark.parametrize("text", [
    "Harbour Goods, 12 Quay Street, 1000 Harbourtown.",  # Shuup's contact page, as its merchant wrote it
    "Home Living Ltd, 4 Market Row, London EC1A 1BB",
    "Musterfirma GmbH, Hauptstraße 5, 10115 Berlin",
    "Winkel BV · Keizersgracht 123 · 1015 CJ Amsterdam",
    "La Boutique, 12 rue de la Paix, 75002 Paris",
    "Tienda SL, Calle Mayor 3, 28013 Madrid",
])
def test_an_unlabelled_address_is_recognised_in_the_common_european_forms(text: str) -> None:
    assert is_postal_address(text)


@pytest.mark.parametrize("text", [
    "Order 12345 Shipped to you in 2 days",
    "Open Monday to Friday, 9:00 - 17:00",
    "Free returns within 30 days on 1000 Products",
    "Call us on 020 7946 0000",
    "12 Quay Street",  # a street without a town is not enough to write to
])
def test_numbers_and_words_that_are_no_address_are_not_one(text: str) -> None:
    assert not is_postal_address(text)
