"""Checks of single values, as typed: each returns the problem or None."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from counter_app.domain import cardnumber, idnumber
from counter_app.domain.cardnumber import CardRule, InvalidCardNumber
from counter_app.domain.idnumber import IdRule, InvalidIdNumber
from counter_app.domain.person import DocumentType, InvalidDocumentNumber, validate_document
from counter_app.workflows.fields import Field, Kind
from counter_app.workflows.problems import Code, Problem

_SHAPE_18 = re.compile(r"[0-9]{17}[0-9X]")
_ID_CODES = {
    IdRule.LENGTH: Code.ID_LENGTH,
    IdRule.CHARACTERS: Code.ID_CHARACTERS,
    IdRule.PROVINCE: Code.ID_PROVINCE,
    IdRule.BIRTH_DATE: Code.ID_BIRTH_DATE,
    IdRule.CHECK_CHARACTER: Code.ID_CHECK_CHARACTER,
}


def check_field(field: Field, value: str, today: date) -> Problem | None:
    """What is wrong with one value, judged by its field alone."""
    if field.kind is Kind.SHOWN:
        return None
    if not value.strip():
        return Problem(field.name, Code.REQUIRED) if field.required else None
    if field.kind is Kind.CHOICE:
        if value not in {choice.value for choice in field.choices}:
            return Problem(field.name, Code.NOT_A_CHOICE)
        return None
    if field.kind is Kind.DATE:
        return check_date(field.name, value, today)
    # Surrounding white space (a scanner's line end) is dropped when the value is used.
    text = value.strip()
    if len(text) > field.max_length:
        return Problem(field.name, Code.TOO_LONG, str(field.max_length))
    if any(unicodedata.category(char) in {"Cc", "Cf"} for char in text):
        # Control and format characters (right-to-left marks among them) never belong on a form.
        return Problem(field.name, Code.CONTROL_CHARACTERS)
    return None


def parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def check_date(name: str, value: str, today: date) -> Problem | None:
    parsed = parse_date(value)
    if parsed is None or len(value.strip()) != 10:
        return Problem(name, Code.BAD_DATE)
    if parsed > today:
        return Problem(name, Code.FUTURE_DATE)
    return None


def normalised_document(
    name: str, document_type: DocumentType, number: str, today: date, as_recorded: bool = False
) -> tuple[str | None, Problem | None]:
    """The number as stored, or the problem. `as_recorded`: the number the holder's record
    carries today, which a correction of the ID number replaces: a 15-digit first-generation
    number, or an 18-character one whose check character may be the very error."""
    text = number.strip().upper()
    if as_recorded and document_type is DocumentType.RESIDENT_ID:
        if len(text) == 15:
            try:
                idnumber.upgrade_15_to_18(text)
            except InvalidIdNumber as error:
                return None, Problem(name, _ID_CODES[error.rule], error.expected or "")
            return text, None
        if _SHAPE_18.fullmatch(text):
            return text, None
    try:
        return validate_document(document_type, text, today), None
    except InvalidIdNumber as error:
        if error.rule is IdRule.LENGTH and len(text) == 15 and text.isdigit():
            return None, Problem(name, Code.ID_FIFTEEN_DIGITS)
        return None, Problem(name, _ID_CODES[error.rule], error.expected or "")
    except InvalidDocumentNumber:
        return None, Problem(name, Code.DOCUMENT_NUMBER)


def normalised_card_number(name: str, number: str) -> tuple[str | None, Problem | None]:
    try:
        return cardnumber.validate(number), None
    except InvalidCardNumber as error:
        if error.rule is CardRule.CHECK_CHARACTER:
            return None, Problem(name, Code.CARD_CHECK_CHARACTER, error.expected or "")
        return None, Problem(name, Code.CARD_NUMBER)
