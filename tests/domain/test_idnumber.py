"""Resident ID numbers (GB 11643-1999) and other identity documents."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from counter_app.domain import idnumber
from counter_app.domain.idnumber import IdRule, InvalidIdNumber
from counter_app.domain.person import DocumentType, InvalidDocumentNumber, Sex, validate_document

TODAY = date(2024, 6, 1)
# business.md: the province-level prefixes, written out independently of the code.
PROVINCES = [
    *range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47),
    *range(50, 55), *range(61, 66), 71, *range(81, 84), 91,
]  # fmt: skip
CHECK_ALPHABET = "0123456789X"


def iso_7064_valid(number: str) -> bool:
    """Independent oracle: ISO 7064 MOD 11-2, sum of a_i * 2^(18-i) over all 18 chars ≡ 1."""
    values = [10 if char == "X" else int(char) for char in number]
    return sum(value * 2 ** (17 - i) for i, value in enumerate(values)) % 11 == 1


def with_check(first17: str) -> str:
    return first17 + idnumber.check_character(first17)


regions = st.builds(
    lambda province, rest: f"{province:02d}{rest:04d}",
    st.sampled_from(PROVINCES),
    st.integers(0, 9999),
)
births = st.dates(min_value=date(1850, 1, 1), max_value=TODAY)
sequences = st.integers(0, 999)


@st.composite
def valid_numbers(draw: st.DrawFn) -> tuple[str, str, date, int]:
    region, born, sequence = draw(regions), draw(births), draw(sequences)
    return with_check(f"{region}{born:%Y%m%d}{sequence:03d}"), region, born, sequence


def rule_of(text: str, today: date = TODAY) -> IdRule:
    with pytest.raises(InvalidIdNumber) as caught:
        idnumber.validate(text, today)
    return caught.value.rule


# --- spec examples ---------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["11010519491231002X", "440524188001010014"])
def test_standard_examples_are_valid(number: str) -> None:
    assert idnumber.validate(number, TODAY) == number
    assert iso_7064_valid(number)


def test_lower_case_x_and_whitespace_are_normalised() -> None:
    assert idnumber.validate("  11010519491231002x\n", TODAY) == "11010519491231002X"


def test_helpers_on_the_standard_examples() -> None:
    assert idnumber.birth_date("11010519491231002X") == date(1949, 12, 31)
    assert idnumber.sex("11010519491231002X") is Sex.FEMALE
    assert idnumber.sex("440524188001010014") is Sex.MALE
    assert idnumber.region_code("440524188001010014") == "440524"
    assert idnumber.province_code("440524188001010014") == "44"


def test_upgrade_example() -> None:
    assert idnumber.upgrade_15_to_18("340524800101001") == "34052419800101001X"


# --- each rule -------------------------------------------------------------------------------


def test_length() -> None:
    assert rule_of("11010519491231002") == IdRule.LENGTH
    assert rule_of("11010519491231002X0") == IdRule.LENGTH
    assert rule_of("") == IdRule.LENGTH


def test_fifteen_digits_must_be_upgraded() -> None:
    with pytest.raises(InvalidIdNumber) as caught:
        idnumber.validate("340524800101001", TODAY)
    assert caught.value.rule == IdRule.LENGTH
    assert "upgrade" in str(caught.value)


@pytest.mark.parametrize(
    "text",
    ["1101051949123100X2", "11010519491231A02X", "11010519491231002Y", "１1010519491231002X"],
)
def test_characters(text: str) -> None:
    assert rule_of(text) == IdRule.CHARACTERS


def test_every_province_prefix_and_only_those() -> None:
    for prefix in range(100):
        number = with_check(f"{prefix:02d}0105" + "19491231002")
        if prefix in PROVINCES:
            assert idnumber.validate(number, TODAY) == number
        else:
            assert rule_of(number) == IdRule.PROVINCE, prefix


def test_unknown_region_within_a_known_province_is_accepted() -> None:
    number = with_check("329999" + "19800101001")
    assert idnumber.validate(number, TODAY) == number


@pytest.mark.parametrize("born", ["19490230", "19491301", "19490000", "18491231"])
def test_birth_date_must_be_real_and_not_before_1850(born: str) -> None:
    assert rule_of(with_check(f"110105{born}002")) == IdRule.BIRTH_DATE


def test_birth_date_must_not_be_after_today() -> None:
    number = with_check("11010520240602002")
    assert rule_of(number, today=date(2024, 6, 1)) == IdRule.BIRTH_DATE
    assert idnumber.validate(number, today=date(2024, 6, 2)) == number


def test_wrong_check_character_names_the_right_one() -> None:
    with pytest.raises(InvalidIdNumber) as caught:
        idnumber.validate("110105194912310021", TODAY)
    assert caught.value.rule == IdRule.CHECK_CHARACTER
    assert caught.value.expected == "X"
    assert "should be X" in str(caught.value)


def test_rules_are_checked_in_order() -> None:
    # Bad province and bad date and bad check: the province is reported first.
    assert rule_of("99010519491301002X") == IdRule.PROVINCE
    # Bad date and bad check: the date is reported.
    assert rule_of("11010519491301002X") == IdRule.BIRTH_DATE


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("34052480010100", IdRule.LENGTH),
        ("3405248001010A1", IdRule.CHARACTERS),
        ("990524800101001", IdRule.PROVINCE),
        ("340524800230001", IdRule.BIRTH_DATE),
    ],
)
def test_upgrade_rejects_bad_first_generation_numbers(text: str, rule: IdRule) -> None:
    with pytest.raises(InvalidIdNumber) as caught:
        idnumber.upgrade_15_to_18(text)
    assert caught.value.rule == rule


def test_helpers_refuse_garbage() -> None:
    with pytest.raises(InvalidIdNumber):
        idnumber.birth_date("not a number")


# --- properties ------------------------------------------------------------------------------


@given(valid_numbers())
def test_generated_numbers_validate_and_round_trip(case: tuple[str, str, date, int]) -> None:
    number, region, born, sequence = case
    assert iso_7064_valid(number)
    assert idnumber.validate(number, TODAY) == number
    assert idnumber.validate(f" {number.lower()} ", TODAY) == number
    assert idnumber.birth_date(number) == born
    assert idnumber.sex(number) is (Sex.MALE if sequence % 2 else Sex.FEMALE)
    assert idnumber.region_code(number) == region
    assert idnumber.province_code(number) == region[:2]


@given(valid_numbers(), st.integers(0, 17), st.sampled_from(CHECK_ALPHABET))
def test_any_single_character_change_is_rejected(
    case: tuple[str, str, date, int], position: int, replacement: str
) -> None:
    number = case[0]
    assume(number[position] != replacement)
    changed = number[:position] + replacement + number[position + 1 :]
    assert not iso_7064_valid(changed)
    with pytest.raises(InvalidIdNumber):
        idnumber.validate(changed, TODAY)


@given(valid_numbers(), st.sampled_from(CHECK_ALPHABET))
def test_a_wrong_check_character_reports_the_expected_one(
    case: tuple[str, str, date, int], wrong: str
) -> None:
    number = case[0]
    assume(number[17] != wrong)
    with pytest.raises(InvalidIdNumber) as caught:
        idnumber.validate(number[:17] + wrong, TODAY)
    assert caught.value.rule == IdRule.CHECK_CHARACTER
    assert caught.value.expected == number[17]


@given(regions, st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)), sequences)
def test_upgrade_keeps_birth_date_and_sex_and_is_valid(
    region: str, born: date, sequence: int
) -> None:
    old = f"{region}{born:%y%m%d}{sequence:03d}"
    new = idnumber.upgrade_15_to_18(old)
    assert idnumber.validate(new, TODAY) == new
    assert iso_7064_valid(new)
    assert idnumber.birth_date(new) == born
    assert idnumber.sex(new) is (Sex.MALE if sequence % 2 else Sex.FEMALE)
    assert new[:6] == old[:6] and new[14:17] == old[12:15]


@given(
    st.one_of(
        st.text(),
        st.text(alphabet="0123456789Xx \t", min_size=14, max_size=20),
        valid_numbers()
        .map(lambda case: case[0][:-1])
        .flatmap(lambda first17: st.text(max_size=2).map(lambda tail: first17 + tail)),
    )
)
def test_random_text_returns_a_valid_number_or_raises_the_declared_error(text: str) -> None:
    try:
        number = idnumber.validate(text, TODAY)
    except InvalidIdNumber as error:
        assert isinstance(error.rule, IdRule)
        assert (error.expected is not None) == (error.rule == IdRule.CHECK_CHARACTER)
    else:
        assert len(number) == 18 and iso_7064_valid(number)


@given(st.text())
def test_random_text_upgrade_raises_only_the_declared_error(text: str) -> None:
    try:
        number = idnumber.upgrade_15_to_18(text)
    except InvalidIdNumber:
        return
    assert idnumber.validate(number, TODAY) == number


# --- other documents -------------------------------------------------------------------------


def test_resident_id_documents_go_through_the_id_rules() -> None:
    assert validate_document(DocumentType.RESIDENT_ID, "11010519491231002x", TODAY) == (
        "11010519491231002X"
    )
    with pytest.raises(InvalidDocumentNumber) as caught:
        validate_document(DocumentType.RESIDENT_ID, "110105194912310021", TODAY)
    assert isinstance(caught.value, InvalidIdNumber)
    assert caught.value.document_type is DocumentType.RESIDENT_ID


@pytest.mark.parametrize("doc_type", [t for t in DocumentType if t is not DocumentType.RESIDENT_ID])
def test_other_documents_are_normalised_and_shape_checked(doc_type: DocumentType) -> None:
    assert validate_document(doc_type, " e12345678 ") == "E12345678"
    for bad in ["E123", "E" * 21, "E1234-567", "E１２３４５"]:
        with pytest.raises(InvalidDocumentNumber) as caught:
            validate_document(doc_type, bad)
        assert caught.value.document_type is doc_type
