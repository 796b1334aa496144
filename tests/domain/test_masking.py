"""Masking numbers on screens, receipts and in logs."""

from __future__ import annotations

import string
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain import cardnumber, idnumber
from counter_app.domain.masking import mask_card_number, mask_id_number, mask_numbers_in_text

ids = st.builds(
    lambda region, born, sequence: (
        f"{region}{born:%Y%m%d}{sequence:03d}"
        + idnumber.check_character(f"{region}{born:%Y%m%d}{sequence:03d}")
    ),
    st.sampled_from(["110105", "320102", "440524", "340524", "650102"]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2024, 1, 1)),
    st.integers(0, 999),
)
fifteen_digit_runs = st.text(alphabet=string.digits, min_size=15, max_size=15)
# Card numbers with at least five digits, as issued: a district letter and mostly digits.
cards = st.builds(
    lambda head, digits: head + digits + cardnumber.check_character(head + digits),
    st.sampled_from(string.ascii_uppercase),
    st.text(alphabet=string.digits, min_size=7, max_size=7),
)
# Surroundings that cannot extend a number: no ASCII letters or digits (Chinese, punctuation…).
ASCII_ALNUM = string.ascii_letters + string.digits
surroundings = st.text(st.characters(exclude_characters=ASCII_ALNUM), max_size=20)


def test_spec_examples() -> None:
    assert mask_id_number("11010519491231002X") == "110105********002X"
    assert mask_card_number("D2143569X") == "D21****9X"


def test_other_lengths() -> None:
    assert mask_id_number("340524800101001") == "34***********01"
    assert mask_card_number("D2143569") == "D2****69"
    assert mask_id_number("12345") == "*****"
    assert mask_card_number("") == ""


@given(st.text())
def test_masking_keeps_the_length_and_hides_the_middle(number: str) -> None:
    for masked in (mask_id_number(number), mask_card_number(number)):
        assert len(masked) == len(number)
        assert all(m in ("*", n) for n, m in zip(number, masked, strict=True))
        stars = masked.count("*")
        # At most 6 + 4 characters survive; short values vanish; a third at least is hidden.
        assert len(number) - stars <= 10
        assert len(number) >= 6 or masked == "*" * len(number)
        assert stars * 3 >= len(number)


def test_text_with_each_kind_of_number() -> None:
    text = "客户11010519491231002X换卡，旧号340524800101001，卡号D2143569X。"
    assert mask_numbers_in_text(text) == (
        "客户110105********002X换卡，旧号34***********01，卡号D21****9X。"
    )


def test_an_eighteen_digit_id_is_masked_whole_not_as_a_fifteen_digit_run() -> None:
    assert mask_numbers_in_text("id=440524188001010014;") == "id=440524********0014;"


def test_id_ending_in_x_followed_by_digits_is_still_masked() -> None:
    assert mask_numbers_in_text("11010519491231002x123") == "110105********002x123"


def test_longer_digit_runs_and_ordinary_words_are_left_alone() -> None:
    text = "account 6222021234567890123 order 1234567890123456 word ABCDEFGHX v1.2.3"
    assert mask_numbers_in_text(text) == text


@given(surroundings, ids, surroundings)
def test_an_id_anywhere_in_text_is_masked(before: str, number: str, after: str) -> None:
    assert mask_numbers_in_text(before + number + after) == before + mask_id_number(number) + after


@given(surroundings, fifteen_digit_runs, surroundings)
def test_a_fifteen_digit_run_is_masked(before: str, number: str, after: str) -> None:
    assert mask_numbers_in_text(before + number + after) == before + mask_id_number(number) + after


@given(surroundings, cards, surroundings, st.booleans())
def test_a_card_number_anywhere_in_text_is_masked(
    before: str, number: str, after: str, lower: bool
) -> None:
    number = number.lower() if lower else number
    assert mask_numbers_in_text(before + number + after) == (
        before + mask_card_number(number) + after
    )


@given(st.lists(st.one_of(ids, cards, fifteen_digit_runs, st.text(max_size=5)), max_size=8))
def test_no_full_number_survives_and_masking_is_idempotent(parts: list[str]) -> None:
    text = " ".join(parts)
    masked = mask_numbers_in_text(text)
    assert len(masked) == len(text)
    assert mask_numbers_in_text(masked) == masked
    for part in parts:
        if len(part) in (9, 15, 18) and any(char.isdigit() for char in part):
            # Surrounded by spaces, a whole number never reaches the output in full.
            assert f" {part} " not in f" {masked} "
