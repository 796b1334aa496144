"""Resident identity numbers (公民身份号码), GB 11643-1999."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from counter_app.domain.person import DocumentType, InvalidDocumentNumber, Sex

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARACTERS = "10X98765432"  # indexed by the weighted sum mod 11

# Province-level prefixes (GB/T 2260). Only these are checked: full 6-digit codes change every
# year and old numbers keep abolished ones.
_PROVINCES = frozenset(
    {*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55)}
    | {*range(61, 66), 71, *range(81, 84), 91}
)
_EARLIEST_BIRTH = date(1850, 1, 1)

# [0-9] rather than \d: \d also matches non-ASCII digits such as full-width ones.
_SHAPE_18 = re.compile(r"[0-9]{17}[0-9Xx]")
_SHAPE_15 = re.compile(r"[0-9]{15}")


class IdRule(StrEnum):
    LENGTH = "length"
    CHARACTERS = "characters"
    PROVINCE = "province"
    BIRTH_DATE = "birth_date"
    CHECK_CHARACTER = "check_character"


class InvalidIdNumber(InvalidDocumentNumber):
    """Which rule of the standard a resident ID number breaks."""

    def __init__(self, rule: IdRule, message: str, expected: str | None = None) -> None:
        super().__init__(message, DocumentType.RESIDENT_ID)
        self.rule = rule
        # The correct check character, so the clerk can be told what a typo should have been.
        self.expected = expected


def check_character(first17: str) -> str:
    """The check character for the first 17 digits of a number."""
    if not re.fullmatch(r"[0-9]{17}", first17):
        raise InvalidIdNumber(IdRule.CHARACTERS, "the first 17 characters must be digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARACTERS[total % 11]


def validate(text: str, today: date | None = None) -> str:
    """The normalised 18-character number (upper-case X), or InvalidIdNumber."""
    number = text.strip()
    if len(number) != 18:
        if _SHAPE_15.fullmatch(number):
            raise InvalidIdNumber(
                IdRule.LENGTH,
                "a 15-digit first-generation number must be upgraded to 18 characters",
            )
        raise InvalidIdNumber(
            IdRule.LENGTH, f"the number must have 18 characters, not {len(number)}"
        )
    if not _SHAPE_18.fullmatch(number):
        raise InvalidIdNumber(
            IdRule.CHARACTERS, "the number must be 17 digits followed by a digit or X"
        )
    number = number.upper()
    _check_province(number)
    _check_birth_date(number[6:14], today or date.today())
    expected = check_character(number[:17])
    if number[17] != expected:
        raise InvalidIdNumber(
            IdRule.CHECK_CHARACTER, f"the check character should be {expected}", expected
        )
    return number


def upgrade_15_to_18(text: str) -> str:
    """The 18-character number for a 15-digit first-generation one (born 19YY)."""
    number = text.strip()
    if len(number) != 15:
        raise InvalidIdNumber(
            IdRule.LENGTH, f"a first-generation number has 15 digits, not {len(number)}"
        )
    if not _SHAPE_15.fullmatch(number):
        raise InvalidIdNumber(IdRule.CHARACTERS, "a first-generation number has only digits")
    _check_province(number)
    first17 = f"{number[:6]}19{number[6:]}"
    # A first-generation number cannot hold a birth after 1999, so "today" never matters here.
    _check_birth_date(first17[6:14], date.max)
    return first17 + check_character(first17)


def birth_date(number: str) -> date:
    """The birth date of a valid 18-character number."""
    _require_shape(number)
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def sex(number: str) -> Sex:
    """The sex of a valid 18-character number: the 17th digit is odd for men, even for women."""
    _require_shape(number)
    return Sex.MALE if int(number[16]) % 2 else Sex.FEMALE


def region_code(number: str) -> str:
    """The 6-digit administrative region code the number was issued under."""
    _require_shape(number)
    return number[:6]


def province_code(number: str) -> str:
    _require_shape(number)
    return number[:2]


def _require_shape(number: str) -> None:
    # The helpers trust their caller to have validated, but never slice garbage silently.
    if not _SHAPE_18.fullmatch(number):
        raise InvalidIdNumber(IdRule.CHARACTERS, "not an 18-character identity number")


def _check_province(number: str) -> None:
    if int(number[:2]) not in _PROVINCES:
        raise InvalidIdNumber(IdRule.PROVINCE, f"{number[:2]} is not a province-level region code")


def _check_birth_date(yyyymmdd: str, today: date) -> None:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        raise InvalidIdNumber(
            IdRule.BIRTH_DATE, f"the birth date {yyyymmdd} is not a real date"
        ) from None
    if born > today:
        raise InvalidIdNumber(IdRule.BIRTH_DATE, f"the birth date {yyyymmdd} is in the future")
    if born < _EARLIEST_BIRTH:
        raise InvalidIdNumber(IdRule.BIRTH_DATE, f"the birth date {yyyymmdd} is before 1850")
