"""Masking of identity and card numbers wherever they are not needed in full."""

from __future__ import annotations

import re


def mask_id_number(number: str) -> str:
    """`110105********002X`: region code and the last four kept, the rest starred."""
    if len(number) == 18:
        return number[:6] + "*" * 8 + number[-4:]
    return _mask_other(number)


def mask_card_number(number: str) -> str:
    """`D21****9X`: the first three and the last two kept."""
    if len(number) == 9:
        return number[:3] + "*" * 4 + number[-2:]
    return _mask_other(number)


def _mask_other(number: str) -> str:
    # An unexpected length may be a typo of a real number: keep even less of it.
    if len(number) >= 6:
        return number[:2] + "*" * (len(number) - 4) + number[-2:]
    return "*" * len(number)


# One pattern with three alternatives, longest first, so an 18-character ID is taken whole and
# never as a 15-digit run. A digit run longer than 18 is left alone: it is not an identity number.
# An ID ending in X needs no boundary after it: nothing after the X changes what it is.
_NUMBERS = re.compile(
    r"(?<![0-9])(?P<id18>[0-9]{17}(?:[0-9](?![0-9])|[Xx]))"
    r"|(?<![0-9])(?P<id15>[0-9]{15})(?![0-9])"
    # Lower case too: over-masking a 9-character token is harmless, a leaked card number is not.
    r"|(?<![0-9A-Za-z])(?P<card>[A-Za-z][0-9A-Za-z]{7}[0-9Xx])(?![0-9A-Za-z])"
)
_MIN_CARD_DIGITS = 5  # keeps ordinary 9-letter words (and most identifiers) readable


def _replace(match: re.Match[str]) -> str:
    if match["id18"] is not None or match["id15"] is not None:
        return mask_id_number(match[0])
    token = match[0]
    if sum(char.isdigit() for char in token) >= _MIN_CARD_DIGITS:
        return mask_card_number(token)
    return token


def mask_numbers_in_text(text: str) -> str:
    """`text` with every identity-number-like and card-number-like run masked (for logs)."""
    return _NUMBERS.sub(_replace, text)
