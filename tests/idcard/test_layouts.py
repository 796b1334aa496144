"""The four text layouts, decoded from texts laid out by hand at idcard.md's offsets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from counter_app.idcard.card import EXTRA_KEYS, CardType, IdCard
from counter_app.idcard.errors import CardDataError
from counter_app.idcard.ethnicity import ETHNICITIES, ethnicity
from counter_app.idcard.layouts import decode_text, encode_text


def text(fields: dict[int, str], flag: str) -> bytes:
    """256 bytes of UTF-16LE spaces with each value at its byte offset and the type flag at 248."""
    data = bytearray(" ".encode("utf-16-le") * 128)
    for offset, value in {**fields, 248: flag}.items():
        encoded = value.encode("utf-16-le")
        data[offset : offset + len(encoded)] = encoded
    return bytes(data)


RESIDENT_FIELDS = {
    0: "王小明",
    30: "1",
    32: "01",
    36: "19850312",
    52: "南京市玄武区中山路18号",
    122: "320102198503121234",
    158: "南京市公安局玄武分局",
    188: "20150510",
    204: "20350510",
}
RESIDENT = text(RESIDENT_FIELDS, " ")
HK_MO_TW = text(
    {
        0: "陈大文",
        30: "1",
        36: "19920315",
        52: "南京市鼓楼区汉中路120号",
        122: "810000199203150036",
        158: "南京市公安局鼓楼分局",
        188: "20240506",
        204: "20290506",
        220: "H12345678",
        238: "03",
    },
    "J",
)
FOREIGN = text(
    {
        0: "SMITH, JOHN WILLIAM",
        120: "1",
        122: "USA320080121510",
        152: "USA",
        158: "史密斯",
        188: "20190401",
        204: "20290401",
        220: "19801215",
        236: "17",
        240: "1500",
    },
    "I",
)
# 41 characters: the first 35 fill the English name's first field, 6 go on at 220.
ENGLISH_2023 = "ZHANG-MUELLER, ANNA MARIA KATHARINA ELISE"
FOREIGN_2023 = text(
    {
        0: "安娜",
        30: "2",
        32: "01",
        36: "19850419",
        52: ENGLISH_2023[:35],
        122: "932276198504190026",
        188: "20240115",
        204: "20340115",
        220: ENGLISH_2023[35:],
        242: "DEU",
        250: "A1",
    },
    "Y",
)


def test_the_resident_layout() -> None:
    card = decode_text(RESIDENT)
    assert card == IdCard(
        card_type=CardType.RESIDENT,
        name="王小明",
        sex="1",
        ethnicity="01",
        birth_date=date(1985, 3, 12),
        address="南京市玄武区中山路18号",
        id_number="320102198503121234",
        issuing_authority="南京市公安局玄武分局",
        valid_from=date(2015, 5, 10),
        valid_to=date(2035, 5, 10),
    )
    assert card.ethnic_group is not None and card.ethnic_group.name == "汉族"


def test_the_hong_kong_macao_taiwan_residence_permit_layout() -> None:
    card = decode_text(HK_MO_TW)
    assert card.card_type is CardType.HK_MO_TW
    assert (card.name, card.sex, card.ethnicity) == ("陈大文", "1", None)
    assert card.birth_date == date(1992, 3, 15)
    assert card.address == "南京市鼓楼区汉中路120号"
    assert card.id_number == "810000199203150036"
    assert card.issuing_authority == "南京市公安局鼓楼分局"
    assert (card.valid_from, card.valid_to) == (date(2024, 5, 6), date(2029, 5, 6))
    assert (card.pass_number, card.issue_count) == ("H12345678", "03")
    assert card.english_name is card.nationality is None


def test_the_foreign_permanent_resident_card_layout() -> None:
    card = decode_text(FOREIGN)
    assert card.card_type is CardType.FOREIGN
    assert (card.name, card.english_name) == ("史密斯", "SMITH, JOHN WILLIAM")
    assert card.sex == "1"
    assert card.id_number == "USA320080121510"
    assert card.nationality == "USA"
    assert (card.valid_from, card.valid_to) == (date(2019, 4, 1), date(2029, 4, 1))
    assert card.birth_date == date(1980, 12, 15)
    assert (card.card_version, card.authority_code) == ("17", "1500")
    assert card.ethnicity is card.address is card.issuing_authority is None


def test_the_2023_foreign_card_layout_joins_its_english_name() -> None:
    card = decode_text(FOREIGN_2023)
    assert card.card_type is CardType.FOREIGN_2023
    assert (card.name, card.sex, card.issue_count) == ("安娜", "2", "01")
    assert card.birth_date == date(1985, 4, 19)
    assert card.english_name == ENGLISH_2023
    assert card.id_number == "932276198504190026"
    assert (card.valid_from, card.valid_to) == (date(2024, 1, 15), date(2034, 1, 15))
    assert card.nationality == "DEU"
    assert card.previous_number_link == "A1"
    assert card.ethnicity is card.address is card.issuing_authority is None


def test_a_space_at_the_cut_of_the_2023_english_name_is_kept() -> None:
    name = "A" * 34 + " " + "B"  # the 35th character, last of the first field, is a space
    fields = {30: "1", 36: "19850419", 52: name[:35], 188: "20240115", 204: "20340115"}
    card = decode_text(text({**fields, 220: name[35:]}, "Y"))
    assert card.english_name == name


@pytest.mark.parametrize("layout", [RESIDENT, HK_MO_TW, FOREIGN, FOREIGN_2023])
def test_encoding_writes_the_same_bytes_as_laid_out_by_hand(layout: bytes) -> None:
    assert encode_text(decode_text(layout)) == layout


def test_long_term_validity() -> None:
    card = decode_text(text({**RESIDENT_FIELDS, 204: "长期"}, " "))
    assert card.valid_to is None and card.long_term
    assert not card.expired(date(2999, 1, 1))
    assert card.as_json()["valid_to"] == "long_term"


def test_expired_means_valid_to_before_today() -> None:
    card = decode_text(RESIDENT)
    assert not card.expired(date(2035, 5, 10))
    assert card.expired(date(2035, 5, 11))
    assert card.as_json(date(2035, 5, 11))["expired"] is True


def test_json_keys_per_card_type() -> None:
    common = [
        "card_type", "name", "sex", "ethnicity", "birth_date", "address", "id_number",
        "issuing_authority", "valid_from", "valid_to", "expired",
    ]  # fmt: skip
    expected = {
        RESIDENT: common,
        HK_MO_TW: [*common, "pass_number", "issue_count"],
        FOREIGN: [*common, "english_name", "nationality"],
        FOREIGN_2023: [*common, "english_name", "nationality", "issue_count"],
    }
    for layout, keys in expected.items():
        card = decode_text(layout)
        assert list(card.as_json()) == keys
        assert EXTRA_KEYS[card.card_type] == tuple(keys[len(common) :])


def test_a_foreign_card_without_a_chinese_name_is_named_in_english() -> None:
    fields = {0: "DOE, JANE", 120: "2", 220: "19900101", 188: "20200101", 204: "20300101"}
    card = decode_text(text(fields, "I"))
    assert card.name == ""
    assert card.as_json()["name"] == "DOE, JANE"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({248: "X"}, "type flag"),
        ({30: "3"}, "sex code"),
        ({30: " "}, "sex code"),
        ({32: "0A"}, "ethnicity"),
        ({36: "1985031"}, "birth_date"),
        ({36: "19850230"}, "no day of the calendar"),
        ({204: "长久"}, "valid_to"),
        ({188: "２０１５０５１０"}, "valid_from"),  # full-width digits are no date
    ],
)
def test_text_that_fits_no_layout_is_card_data_error(change: dict[int, str], problem: str) -> None:
    fields = {**RESIDENT_FIELDS, **change}
    flag = fields.pop(248, " ")
    with pytest.raises(CardDataError, match=problem):
        decode_text(text(fields, flag))


def test_a_lone_surrogate_is_not_text() -> None:
    data = bytearray(RESIDENT)
    data[0:2] = b"\x00\xd8"  # a high surrogate followed by a plain character
    with pytest.raises(CardDataError, match="name"):
        decode_text(bytes(data))


@pytest.mark.parametrize("size", [0, 255, 257])
def test_text_of_another_size_is_card_data_error(size: int) -> None:
    with pytest.raises(CardDataError, match=f"{size} bytes"):
        decode_text((RESIDENT * 2)[:size])


def test_a_value_too_long_for_its_field_cannot_be_encoded() -> None:
    card = decode_text(RESIDENT)
    with pytest.raises(ValueError, match="name"):
        encode_text(replace(card, name="名" * 16))
    with pytest.raises(ValueError, match="has no pass_number"):
        encode_text(replace(card, pass_number="H1"))
    with pytest.raises(ValueError, match="needs its address"):
        encode_text(replace(card, address=None))


def test_the_ethnicity_table_is_gb_3304() -> None:
    assert list(ETHNICITIES)[:56] == [f"{n:02d}" for n in range(1, 57)]
    assert list(ETHNICITIES)[56:] == ["97", "98"]
    assert len({group.name for group in ETHNICITIES.values()}) == 58
    assert all(group.name.endswith("族") for group in list(ETHNICITIES.values())[:56])
    samples = {
        "01": ("汉族", "Han"),
        "03": ("回族", "Hui"),
        "05": ("维吾尔族", "Uygur"),
        "10": ("朝鲜族", "Chosen"),
        "56": ("基诺族", "Jino"),
        "97": ("其他", "Other"),
        "98": ("外国血统中国籍人士", "Foreign origin"),
    }
    for code, names in samples.items():
        found = ethnicity(code)
        assert found is not None and (found.name, found.romanized) == names
    assert ethnicity("57") is None
    assert ethnicity("00") is None
