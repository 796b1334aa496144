"""What a step finds wrong with what was entered: a field, a code, and what the clerk needs to
fix it. The words are the window's (ui/wizard/texts.py), so that they can be translated."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    CONTROL_CHARACTERS = "control_characters"
    NOT_A_CHOICE = "not_a_choice"
    BAD_DATE = "bad_date"
    FUTURE_DATE = "future_date"
    ID_LENGTH = "id_length"
    ID_FIFTEEN_DIGITS = "id_fifteen_digits"  # a first-generation number where 18 are needed
    ID_CHARACTERS = "id_characters"
    ID_PROVINCE = "id_province"
    ID_BIRTH_DATE = "id_birth_date"
    ID_CHECK_CHARACTER = "id_check_character"  # detail: the expected character
    DOCUMENT_NUMBER = "document_number"
    PHONE = "phone"
    CARD_NUMBER = "card_number"
    CARD_CHECK_CHARACTER = "card_check_character"  # detail: the expected character
    SEX_DISAGREES = "sex_disagrees"  # with the ID number
    BIRTH_DATE_DISAGREES = "birth_date_disagrees"  # with the ID number
    GUARDIAN_NEEDED = "guardian_needed"  # detail: the holder's age
    SAME_PERSON = "same_person"  # the representative is the holder
    CARD_NOT_READ = "card_not_read"
    CARD_DIFFERS = "card_differs"  # detail: the items, comma-separated
    MATERIAL_MISSING = "material_missing"
    FEE_NOT_COLLECTED = "fee_not_collected"
    WAIVER_PROOF_NEEDED = "waiver_proof_needed"
    FORM_NOT_PRINTED = "form_not_printed"
    FORM_NOT_SIGNED = "form_not_signed"
    SAME_AS_OLD = "same_as_old"
    LOSS_NOT_FORMAL = "loss_not_formal"  # detail: the card's standing
    CARD_CANCELLED = "card_cancelled"
    NOT_COLLECTED = "not_collected"  # the card still waits at the outlet for its holder
    NOT_LOST = "not_lost"
    ALREADY_LOST = "already_lost"
    REISSUE_UNDER_WAY = "reissue_under_way"
    HOTLINE_REPORT_LAPSED = "hotline_report_lapsed"  # detail: the day it lapsed
    RECEIPT_NOT_FOUND = "receipt_not_found"
    NOT_READY = "not_ready"  # detail: the application's state
    HOLDER_DOCUMENT_DIFFERS = "holder_document_differs"
    NEW_CARD_DIFFERS = "new_card_differs"  # detail: the items, comma-separated
    NEW_CARD_IS_OLD = "new_card_is_old"


@dataclass(frozen=True)
class Problem:
    field: str
    code: Code
    detail: str = ""
