"""Decoding the card's record values: BCD with F padding, ASCII and GB18030 with 00 padding."""

from __future__ import annotations

from datetime import date

from counter_app.card.errors import CommunicationError


def strip_header(record: bytes, tag: int) -> bytes:
    """READ RECORD returns tag, length and value: keep the value, checking the header."""
    if len(record) < 2 or record[0] != tag or record[1] > len(record) - 2:
        raise CommunicationError(f"record {tag:02X} is malformed: {record.hex()}")
    return record[2 : 2 + record[1]]


def bcd(value: bytes) -> str:
    """Numeric (cn) items: digits, right-padded with F nibbles."""
    digits = value.hex().upper()
    end = digits.find("F")
    digits = digits if end < 0 else digits[:end]
    if not digits.isdigit() and digits:
        raise CommunicationError(f"not BCD digits: {value.hex()}")
    return digits


def bcd_date(value: bytes) -> date | None:
    """YYYYMMDD in BCD; an unset (all F or all 0) date is None."""
    digits = bcd(value)
    if not digits or set(digits) == {"0"}:
        return None
    if len(digits) != 8:
        raise CommunicationError(f"not a BCD date: {value.hex()}")
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise CommunicationError(f"not a real date: {digits}") from None


def ascii_text(value: bytes) -> str:
    """Alphanumeric (an) items: ASCII right-padded with 00 (some issuers pad with spaces)."""
    try:
        return value.rstrip(b"\x00").decode("ascii").strip()
    except UnicodeDecodeError:
        raise CommunicationError(f"not ASCII: {value.hex()}") from None


def gb18030_text(value: bytes) -> str:
    """Names: GB18030 (a superset of GBK, so rare characters decode), 00-padded."""
    try:
        return value.rstrip(b"\x00").decode("gb18030").strip()
    except UnicodeDecodeError:
        raise CommunicationError(f"not GB18030 text: {value.hex()}") from None
