"""Encoding a profile's data into the chip's items."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from counter_app.resources.simulated_cards import load_simulated_cards
from counter_app.simulator.records import (
    UnencodableProfile,
    bcd,
    bcd_date,
    ef05_records,
    ef06_records,
    split_name,
)

CARDS = load_simulated_cards()


def test_bcd_is_right_padded_with_f_nibbles() -> None:
    assert bcd("3201", 3) == bytes.fromhex("3201FF")
    assert bcd("320102", 3) == bytes.fromhex("320102")
    assert bcd("5", 1) == bytes.fromhex("5F")
    assert bcd_date(date(2029, 6, 1)) == bytes.fromhex("20290601")


@pytest.mark.parametrize("digits", ["3201023", "32A1", "", "３２"])
def test_bcd_refuses_what_does_not_fit(digits: str) -> None:
    with pytest.raises(UnencodableProfile):
        bcd(digits, 3)


def test_split_name_pads_both_items_with_zero_bytes() -> None:
    assert split_name("王小明") == ("王小明".encode("gbk") + bytes(24), bytes(20))


def test_split_name_without_extension_for_first_generation_cards() -> None:
    assert split_name("陈静", with_extension=False) == ("陈静".encode("gbk") + bytes(26), None)
    with pytest.raises(UnencodableProfile):
        split_name("阿" * 16, with_extension=False)


def test_a_name_longer_than_both_items_is_refused() -> None:
    assert split_name("阿" * 25)[1] == "阿".encode("gbk") * 10
    with pytest.raises(UnencodableProfile, match="too long"):
        split_name("阿" * 26)


def test_records_are_whole_tlvs_in_file_order() -> None:
    card = CARDS["wang_xiaoming"]
    assert [record[0] for record in ef05_records(card)] == [1, 2, 3, 4, 5, 6, 7]
    assert [record[0] for record in ef06_records(card)] == [8, 9, 0x4E, 0x0A, 0x0B, 0x0C, 0x0D]
    for record in ef05_records(card) + ef06_records(card):
        assert record[1] == len(record) - 2


def test_first_generation_card_lacks_records_03_and_4e() -> None:
    card = CARDS["chen_jing"]
    assert 0x03 not in [record[0] for record in ef05_records(card)]
    assert 0x4E not in [record[0] for record in ef06_records(card)]


@pytest.mark.parametrize(
    "change",
    [
        {"card_number": "A1234567"},
        {"ss_number": "32010219850312123"},
        {"card_id_code": "320100D156"},
        {"spec_version": "2.0"},
        {"sex": "男"},
    ],
)
def test_a_profile_whose_items_have_the_wrong_size_is_refused(change: dict[str, str]) -> None:
    card = dataclasses.replace(CARDS["wang_xiaoming"], **change)
    with pytest.raises(UnencodableProfile):
        ef05_records(card) + ef06_records(card)
