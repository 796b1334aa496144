"""Whether a card's chip names the holder."""

from __future__ import annotations

from datetime import date

from counter_app.domain.cardholder import ChipHolder, comparable_number, differences
from counter_app.domain.person import DocumentType, age_on

NUMBER = "11010519491231002X"


def test_a_card_of_the_holder_differs_in_nothing() -> None:
    chip = ChipHolder(" 王芳 ", NUMBER.lower(), "2", "1949-12-31")
    assert differences(chip, "王芳", NUMBER, "2", "1949-12-31") == []


def test_each_item_that_disagrees_is_named() -> None:
    chip = ChipHolder("王芬", "110105194912310021", "1", "1949-12-30")
    assert differences(chip, "王芳", NUMBER, "2", "1949-12-31") == [
        "name",
        "number",
        "sex",
        "birth_date",
    ]


def test_items_not_compared_are_not_named() -> None:
    chip = ChipHolder("王芳", "A0000001", "1", "")
    assert differences(chip, "王芳", None) == []


def test_an_unread_card_differs_in_every_item_compared() -> None:
    assert differences(ChipHolder("", ""), "王芳", NUMBER, "2", "1949-12-31") == [
        "name",
        "number",
        "sex",
        "birth_date",
    ]


def test_only_a_residents_number_is_their_social_security_number() -> None:
    assert comparable_number(DocumentType.RESIDENT_ID, NUMBER) == NUMBER
    assert comparable_number("resident_id", NUMBER) == NUMBER
    assert comparable_number(DocumentType.PASSPORT, "E12345678") is None


def test_age_in_full_years() -> None:
    born = date(2010, 3, 15)
    assert age_on(born, date(2026, 3, 14)) == 15
    assert age_on(born, date(2026, 3, 15)) == 16
