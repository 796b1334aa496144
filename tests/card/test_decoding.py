"""Record values, the ATR's historical bytes and the interchange string."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.card import records
from counter_app.card.atr import historical_bytes
from counter_app.card.errors import CommunicationError
from tests.card.samples import WANG_XIAOMING

HISTORICAL = bytes.fromhex("0086815A100000320100000000")


def test_bcd_strips_f_padding_and_dates_decode() -> None:
    assert records.bcd(bytes.fromhex("320102FF")) == "320102"
    assert records.bcd_date(bytes.fromhex("20290601")) == date(2029, 6, 1)
    assert records.bcd_date(bytes.fromhex("FFFFFFFF")) is None
    with pytest.raises(CommunicationError):
        records.bcd_date(bytes.fromhex("20291301"))  # month 13
    with pytest.raises(CommunicationError):
        records.bcd(bytes.fromhex("3A"))


def test_text_items_strip_their_padding() -> None:
    assert records.ascii_text(b"2.00\x00\x00") == "2.00"
    four_byte = "𠮷"
    assert records.gb18030_text("王".encode("gb18030") + four_byte.encode("gb18030") + b"\0\0") == (
        "王𠮷"
    )


def test_record_header_is_checked() -> None:
    assert records.strip_header(bytes.fromhex("07034142430000"), 0x07) == b"ABC"
    with pytest.raises(CommunicationError):
        records.strip_header(bytes.fromhex("0803414243"), 0x07)
    with pytest.raises(CommunicationError):
        records.strip_header(bytes.fromhex("070941"), 0x07)


def test_historical_bytes_of_the_cards_atr_shape() -> None:
    assert historical_bytes(bytes.fromhex("3B6D0000") + HISTORICAL) == HISTORICAL
    # TD1 announcing TD2 announcing TA3: the walk must follow the chain.
    assert historical_bytes(bytes.fromhex("3B8380111F") + b"\x01\x02\x03" + b"\xaa") == (
        b"\x01\x02\x03"
    )
    with pytest.raises(CommunicationError):
        historical_bytes(bytes.fromhex("3B6D0000") + HISTORICAL[:5])


def test_interchange_string_has_eleven_fields_and_a_trailing_bar() -> None:
    snapshot = WANG_XIAOMING
    line = snapshot.interchange()
    assert line == (
        "320100|320102198503121234|A12345674|320100D15600000501020304A1B2C3D4|王小明|"
        "0086815A100000320100000000|2.00|20190601|20290601|000000000000||"
    )
    assert line.count("|") == 11
    assert snapshot.masked_ssn == "320102********1234"
    assert snapshot.is_expired(date(2029, 6, 2)) and not snapshot.is_expired(date(2029, 6, 1))
    assert snapshot.as_json()["expiry_date"] == "2029-06-01"
