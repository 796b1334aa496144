"""The 9-character social security card number (社会保障卡卡号) printed on the card."""

from __future__ import annotations

import re
from enum import StrEnum

_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_FIRST8 = re.compile(r"[A-Z][0-9A-Z]{7}")
_SHAPE = re.compile(r"[A-Z][0-9A-Z]{7}[0-9X]")


class CardRule(StrEnum):
    LENGTH = "length"
    CHARACTERS = "characters"
    CHECK_CHARACTER = "check_character"


class InvalidCardNumber(ValueError):
    """Which rule a card number breaks."""

    def __init__(self, rule: CardRule, message: str, expected: str | None = None) -> None:
        super().__init__(message)
        self.rule = rule
        self.expected = expected  # the correct check character, for CHECK_CHARACTER


def _value(char: str) -> int:
    # Digits at face value, letters A=10 … Z=35 (what int(char, 36) does).
    return int(char, 36)


def check_character(first8: str) -> str:
    """The check character for a letter followed by 7 digits or upper-case letters."""
    if not _FIRST8.fullmatch(first8):
        raise InvalidCardNumber(
            CardRule.CHARACTERS, "a card number starts with a letter and 7 digits or letters"
        )
    total = sum(_value(char) * weight for char, weight in zip(first8, _WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def validate(text: str) -> str:
    """The normalised (upper-case) card number, or InvalidCardNumber."""
    number = text.strip()
    if len(number) != 9:
        raise InvalidCardNumber(
            CardRule.LENGTH, f"a card number has 9 characters, not {len(number)}"
        )
    # The ASCII test comes first: some non-ASCII letters turn into ASCII ones when upper-cased.
    if not number.isascii() or not _SHAPE.fullmatch(number.upper()):
        raise InvalidCardNumber(
            CardRule.CHARACTERS,
            "a card number is a letter, 7 digits or letters, and a digit or X",
        )
    number = number.upper()
    expected = check_character(number[:8])
    if number[8] != expected:
        raise InvalidCardNumber(
            CardRule.CHECK_CHARACTER, f"the check character should be {expected}", expected
        )
    return number
