"""The card's 256-byte text: UTF-16LE fields padded with spaces, in one of four layouts.

The type flag at offset 248 says which: a space for the resident card, `J` for the residence
permit of Hong Kong, Macao and Taiwan residents, `I` for the foreign permanent resident card,
`Y` for its 2023 version. decode_text reads a layout; encode_text writes one (for the
simulated reader, and to check that decoding gives back what was written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from counter_app.idcard.card import CardType, IdCard
from counter_app.idcard.errors import CardDataError

TEXT_SIZE = 256
ENCODING = "utf-16-le"  # UCS-2 for the characters of the Basic Multilingual Plane
PAD = " ".encode(ENCODING)
LONG_TERM_TEXT = "长期"
TYPE_OFFSET = 248
TYPE_SIZE = 2
TYPE_FLAGS: dict[str, CardType] = {
    " ": CardType.RESIDENT,
    "J": CardType.HK_MO_TW,
    "I": CardType.FOREIGN,
    "Y": CardType.FOREIGN_2023,
}
FLAG_OF_TYPE = {card_type: flag for flag, card_type in TYPE_FLAGS.items()}
# The 2023 card splits its English name into two fields, read as one.
ENGLISH_NAME_START = "english_name"
ENGLISH_NAME_REST = "english_name_continued"
DATES = ("birth_date", "valid_from")
# Attributes that a layout may lack; the card holds None for them then.
OPTIONAL = (
    "ethnicity",
    "address",
    "issuing_authority",
    "pass_number",
    "issue_count",
    "english_name",
    "nationality",
    "card_version",
    "authority_code",
    "previous_number_link",
)
_DATE = re.compile(r"[0-9]{8}")
_ETHNICITY = re.compile(r"[0-9]{2}")


@dataclass(frozen=True)
class Slot:
    key: str  # the IdCard attribute it holds
    offset: int
    size: int  # bytes: two per UTF-16 code unit


_COMMON = (
    Slot("name", 0, 30),
    Slot("sex", 30, 2),
    Slot("ethnicity", 32, 4),
    Slot("birth_date", 36, 16),
    Slot("address", 52, 70),
    Slot("id_number", 122, 36),
    Slot("issuing_authority", 158, 30),
    Slot("valid_from", 188, 16),
    Slot("valid_to", 204, 16),
)
LAYOUTS: dict[CardType, tuple[Slot, ...]] = {
    CardType.RESIDENT: _COMMON,  # 220–256 reserved
    CardType.HK_MO_TW: (*_COMMON, Slot("pass_number", 220, 18), Slot("issue_count", 238, 4)),
    CardType.FOREIGN: (
        Slot("english_name", 0, 120),
        Slot("sex", 120, 2),
        Slot("id_number", 122, 30),
        Slot("nationality", 152, 6),
        Slot("name", 158, 30),
        Slot("valid_from", 188, 16),
        Slot("valid_to", 204, 16),
        Slot("birth_date", 220, 16),
        Slot("card_version", 236, 4),
        Slot("authority_code", 240, 8),  # 250–256 reserved
    ),
    CardType.FOREIGN_2023: (
        Slot("name", 0, 30),
        Slot("sex", 30, 2),
        Slot("issue_count", 32, 4),  # the renewal count
        Slot("birth_date", 36, 16),
        Slot(ENGLISH_NAME_START, 52, 70),
        Slot("id_number", 122, 36),  # 158–188 reserved
        Slot("valid_from", 188, 16),
        Slot("valid_to", 204, 16),
        Slot(ENGLISH_NAME_REST, 220, 22),
        Slot("nationality", 242, 6),
        Slot("previous_number_link", 250, 6),
    ),
}


def card_type_of(text: bytes) -> CardType:
    flag = _decode(text[TYPE_OFFSET : TYPE_OFFSET + TYPE_SIZE], "type flag")
    if flag not in TYPE_FLAGS:
        raise CardDataError(f"unknown card type flag {flag!r}")
    return TYPE_FLAGS[flag]


def decode_text(text: bytes, photo: bytes = b"") -> IdCard:
    """The card the text describes (with the photo the reader sent beside it); CardDataError
    when it fits no layout."""
    if len(text) != TEXT_SIZE:
        raise CardDataError(f"the card's text is {len(text)} bytes, not {TEXT_SIZE}")
    card_type = card_type_of(text)
    raw = {slot.key: text[slot.offset : slot.offset + slot.size] for slot in LAYOUTS[card_type]}
    if ENGLISH_NAME_REST in raw:  # joined before decoding: the cut may fall anywhere
        raw[ENGLISH_NAME_START] += raw.pop(ENGLISH_NAME_REST)
    values: dict[str, Any] = dict.fromkeys(OPTIONAL)  # what the layout lacks stays None
    values |= {key: _decode(data, key).rstrip(" ") for key, data in raw.items()}
    sex = values["sex"]
    if sex not in ("1", "2"):
        raise CardDataError(f"sex code {sex!r} is neither 1 nor 2")
    if "ethnicity" in values:
        values["ethnicity"] = _ethnicity(values["ethnicity"])
    for key in DATES:
        values[key] = _date(values[key], key)
    valid_to = values["valid_to"]
    values["valid_to"] = None if valid_to == LONG_TERM_TEXT else _date(valid_to, "valid_to")
    return IdCard(card_type=card_type, photo=photo, **values)


def encode_text(card: IdCard) -> bytes:
    """The 256 bytes a card of this value carries; ValueError for a value no card can hold."""
    layout = LAYOUTS[card.card_type]
    keys = {slot.key for slot in layout}
    for key in OPTIONAL:
        present = getattr(card, key) is not None
        if present and key not in keys:
            raise ValueError(f"a {card.card_type.value} card has no {key}")
        if not present and key in keys and key != "ethnicity":
            raise ValueError(f"a {card.card_type.value} card needs its {key}")
    if card.sex not in ("1", "2"):
        raise ValueError(f"sex must be 1 or 2, not {card.sex!r}")
    if card.ethnicity is not None and not _ETHNICITY.fullmatch(card.ethnicity):
        raise ValueError(f"ethnicity must be two digits, not {card.ethnicity!r}")
    text = bytearray(PAD * (TEXT_SIZE // len(PAD)))
    text[TYPE_OFFSET : TYPE_OFFSET + TYPE_SIZE] = FLAG_OF_TYPE[card.card_type].encode(ENCODING)
    fields = _field_texts(card)
    if card.card_type is CardType.FOREIGN_2023:
        start = next(slot for slot in layout if slot.key == ENGLISH_NAME_START)
        whole = fields[ENGLISH_NAME_START].encode(ENCODING)
        fields[ENGLISH_NAME_START] = whole[: start.size]
        fields[ENGLISH_NAME_REST] = whole[start.size :]
    for slot in layout:
        value = fields[slot.key]
        data = value if isinstance(value, bytes) else value.encode(ENCODING)
        if len(data) > slot.size:
            raise ValueError(f"{slot.key} {value!r} is longer than its {slot.size} bytes")
        text[slot.offset : slot.offset + len(data)] = data
    return bytes(text)


def _field_texts(card: IdCard) -> dict[str, str | bytes]:
    texts: dict[str, str | bytes] = {
        key: "" if getattr(card, key) is None else getattr(card, key)
        for key in ("name", "sex", "id_number", *OPTIONAL)
    }
    for key in DATES:
        texts[key] = _date_text(getattr(card, key))
    texts["valid_to"] = LONG_TERM_TEXT if card.valid_to is None else _date_text(card.valid_to)
    return texts


def _decode(data: bytes, key: str) -> str:
    try:
        return data.decode(ENCODING)
    except UnicodeDecodeError:
        raise CardDataError(f"the card's {key} is not UTF-16 text") from None


def _ethnicity(value: str) -> str | None:
    if not value:
        return None  # the residence permit leaves it blank
    if not _ETHNICITY.fullmatch(value):
        raise CardDataError(f"ethnicity code {value!r} is not two digits")
    return value


def _date(value: str, key: str) -> date:
    if not _DATE.fullmatch(value):
        raise CardDataError(f"the card's {key} {value!r} is not a date (YYYYMMDD)")
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        raise CardDataError(f"the card's {key} {value!r} is no day of the calendar") from None


def _date_text(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"
