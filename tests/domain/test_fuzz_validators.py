"""The ID and card number validators against what a keyboard, a scanner or a pasted text can
bring: look-alike digits from other scripts, invisible marks, GB18030 four-byte characters,
control characters, in or around a valid number. Each is a clean rejection naming the document,
or a normalised number that is plain ASCII and validates to itself; nothing else.

(test_idnumber.py and test_cardnumber.py already hold the rules and random text for each.)"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain import cardnumber
from counter_app.domain.person import DocumentType, InvalidDocumentNumber, validate_document
from tests.domain.test_cardnumber import valid_numbers as valid_card_numbers
from tests.domain.test_idnumber import TODAY
from tests.domain.test_idnumber import valid_numbers as valid_id_numbers

# Characters that look like, or hide in, a number: full-width, Arabic-Indic and Devanagari
# digits, full-width X, right-to-left and zero-width marks, the byte-order mark, a four-byte
# GB18030 character, NUL and the other controls, the ideographic space.
STRANGERS = st.one_of(
    st.sampled_from(
        "０１２３４５６７８９٠١٢٣٤٥٦٧٨٩०१२३४५६७८९Ｘｘ\u200f\u200e\u202e\u200b\u2060\ufeff𠮷\u3000"
    ),
    st.characters(max_codepoint=0x1F),
    st.characters(min_codepoint=0x80),
)
# Each digit (and X) as full-width, Arabic-Indic and Devanagari text writes it.
SCRIPTS = [
    {**{str(d): chr(zero + d) for d in range(10)}, "X": "Ｘ"} for zero in (0xFF10, 0x660, 0x966)
]


def survivor(number: str, position: int, stranger: str) -> str | None:
    """What a number with `stranger` put in at `position` must validate to: the number when
    the stranger is white space at either end (trimmed), else nothing."""
    return number if stranger.isspace() and (position == 0 or position >= len(number)) else None


def validate(document_type: DocumentType, text: str) -> str:
    return validate_document(document_type, text, TODAY)


def accepted(document_type: DocumentType, text: str) -> str | None:
    """The normalised number, or None after a rejection naming `document_type`."""
    try:
        number = validate(document_type, text)
    except InvalidDocumentNumber as error:
        assert error.document_type is document_type
        return None
    assert number.isascii() and number == number.strip().upper()
    assert validate(document_type, number) == number
    return number


@given(st.sampled_from(DocumentType), st.text())
def test_any_text_for_any_document_is_a_clean_answer(
    document_type: DocumentType, text: str
) -> None:
    accepted(document_type, text)


@given(
    st.sampled_from([t for t in DocumentType if t is not DocumentType.RESIDENT_ID]),
    st.from_regex(r"[A-Z0-9]{5,20}", fullmatch=True),
    st.integers(0, 20),
    STRANGERS,
)
def test_a_stranger_in_another_document_number_is_rejected(
    document_type: DocumentType, number: str, position: int, stranger: str
) -> None:
    assert validate(document_type, number) == number
    text = number[:position] + stranger + number[position:]
    assert accepted(document_type, text) == survivor(number, position, stranger)


@given(valid_id_numbers(), st.integers(0, 18), STRANGERS)
def test_a_stranger_in_a_valid_id_number_is_rejected(
    valid: tuple[str, str, object, int], position: int, stranger: str
) -> None:
    number = valid[0]
    text = number[:position] + stranger + number[position:]
    assert accepted(DocumentType.RESIDENT_ID, text) == survivor(number, position, stranger)


@given(valid_card_numbers, st.integers(0, 9), STRANGERS)
def test_a_stranger_in_a_valid_card_number_is_rejected(
    number: str, position: int, stranger: str
) -> None:
    text = number[:position] + stranger + number[position:]
    try:
        result: str | None = cardnumber.validate(text)
    except cardnumber.InvalidCardNumber:
        result = None
    assert result == survivor(number, position, stranger)


@given(valid_id_numbers(), st.integers(0, 17), st.sampled_from(SCRIPTS))
def test_a_digit_from_another_script_is_not_read_as_that_digit(
    valid: tuple[str, str, object, int], position: int, script: dict[str, str]
) -> None:
    number = valid[0]
    text = number[:position] + script[number[position]] + number[position + 1 :]
    assert accepted(DocumentType.RESIDENT_ID, text) is None
