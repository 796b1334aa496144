"""The EF05 and EF06 records of a social security card, encoded from a card profile.

Each record is a TLV (tag, one length byte, value), the tag being the record's identifier;
READ RECORD returns it whole. Lengths and formats follow the chip's file structure (V2.0):
numeric items are BCD right-padded with F nibbles, text items are right-padded with 00 bytes.
"""

from __future__ import annotations

from datetime import date

from counter_app.resources.simulated_cards import SimulatedCard

NAME_LENGTH = 30  # item 09
NAME_EXTENSION_LENGTH = 20  # item 4E, 2.0 cards on


class UnencodableProfile(ValueError):
    """A profile whose data does not fit the chip's items."""


def tlv(tag: int, value: bytes) -> bytes:
    return bytes((tag, len(value))) + value


def bcd(digits: str, length: int) -> bytes:
    """Packed BCD, right-padded with F nibbles to `length` bytes."""
    if not digits.isdigit() or not digits.isascii() or len(digits) > 2 * length:
        raise UnencodableProfile(f"{digits!r} is not at most {2 * length} digits")
    return bytes.fromhex(digits.ljust(2 * length, "F"))


def bcd_date(day: date) -> bytes:
    return bcd(day.strftime("%Y%m%d"), 4)


def ascii_item(text: str, length: int) -> bytes:
    if not text.isascii() or len(text) != length:
        raise UnencodableProfile(f"{text!r} must be {length} ASCII characters")
    return text.encode("ascii")


def split_name(name: str, with_extension: bool = True) -> tuple[bytes, bytes | None]:
    """The values of items 09 and 4E: GB18030, cut on a character boundary, 00-padded.

    A four-byte character that would straddle byte 30 moves whole into the extension.
    Without an extension (1.0 cards) the second value is None.
    """
    head = bytearray()
    tail = bytearray()
    for char in name:
        encoded = char.encode("gb18030")
        if not tail and len(head) + len(encoded) <= NAME_LENGTH:
            head += encoded
        else:
            tail += encoded
    limit = NAME_EXTENSION_LENGTH if with_extension else 0
    if len(tail) > limit:
        raise UnencodableProfile(f"the name {name!r} is too long for the card")
    padded_head = bytes(head.ljust(NAME_LENGTH, b"\x00"))
    if not with_extension:
        return padded_head, None
    return padded_head, bytes(tail.ljust(NAME_EXTENSION_LENGTH, b"\x00"))


def is_first_generation(card: SimulatedCard) -> bool:
    return card.spec_version == ""


def ef05_records(card: SimulatedCard) -> tuple[bytes, ...]:
    """Card data: identification code, type, spec version, issuer, dates, card number."""
    identification = bytes.fromhex(card.card_id_code)
    if len(identification) != 16:
        raise UnencodableProfile("the card identification code must be 32 hex characters")
    records = [tlv(0x01, identification), tlv(0x02, ascii_item(card.card_type, 1))]
    # A 1.0 card has no spec version: readers get 6A83 and take that as "1.0".
    if not is_first_generation(card):
        records.append(tlv(0x03, ascii_item(card.spec_version, 4)))
    records += [
        tlv(0x04, bcd(card.init_org, 12)),
        tlv(0x05, bcd_date(card.issue_date)),
        tlv(0x06, bcd_date(card.expiry_date)),
        tlv(0x07, ascii_item(card.card_number, 9)),
    ]
    return tuple(records)


def ef06_records(card: SimulatedCard) -> tuple[bytes, ...]:
    """Holder data: social security number, name (and extension), sex, ethnicity, birth."""
    name, extension = split_name(card.name, with_extension=not is_first_generation(card))
    records = [tlv(0x08, ascii_item(card.ss_number, 18)), tlv(0x09, name)]
    if extension is not None:
        records.append(tlv(0x4E, extension))
    records += [
        tlv(0x0A, ascii_item(card.sex, 1)),
        tlv(0x0B, bcd(card.ethnicity, 1)),
        tlv(0x0C, bcd(card.birthplace, 3)),
        tlv(0x0D, bcd_date(card.birth_date)),
    ]
    return tuple(records)
