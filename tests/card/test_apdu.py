"""61xx, 6Cxx and every status word with a meaning of its own, over a scripted transport."""

from __future__ import annotations

import pytest

from counter_app.card import errors
from counter_app.card.apdu import ApduChannel, command
from tests.card.scripted import ScriptedTransport

READ = "00B2072800"


def test_command_encodes_lc_and_le() -> None:
    assert command(0x00, 0xA4, 0x00, 0x00, bytes.fromhex("3F00")).hex() == "00a40000023f00"
    assert command(0x00, 0xB2, 0x07, 0x28, le=11).hex() == "00b207280b"
    assert command(0x00, 0x84, 0x00, 0x00, le=8).hex() == "0084000008"


def test_wrong_le_is_resent_with_the_length_the_card_names() -> None:
    transport = ScriptedTransport(
        {READ: ["6C0B"], "00B207280B": ["0709413132333435363734" + "9000"]}
    )
    channel = ApduChannel(transport)
    assert channel.send(bytes.fromhex(READ)) == bytes.fromhex("070941313233343536373" + "4")
    assert transport.log == [READ, "00B207280B"]
    assert channel.sent == 2


def test_61xx_is_followed_with_get_response_until_done() -> None:
    transport = ScriptedTransport(
        {
            "00A4040002AABB": ["6104"],
            "00C0000004": ["01020304" + "6102"],
            "00C0000002": ["0506" + "9000"],
        }
    )
    data = ApduChannel(transport).send(bytes.fromhex("00A4040002AABB"))
    assert data == bytes.fromhex("010203040506")


def test_6c_then_61_on_a_t0_card() -> None:
    transport = ScriptedTransport(
        {READ: ["6C0B"], "00B207280B": ["610B"], "00C000000B": ["0709413132333435363734" + "9000"]}
    )
    assert ApduChannel(transport).send(bytes.fromhex(READ))[:2] == b"\x07\x09"


def test_endless_61xx_is_a_communication_error() -> None:
    transport = ScriptedTransport({"00A4040000": ["6101"], "00C0000001": ["00" + "6101"] * 100})
    with pytest.raises(errors.CommunicationError):
        ApduChannel(transport).send(bytes.fromhex("00A4040000"))


@pytest.mark.parametrize(
    ("sw", "error", "extra"),
    [
        ("6A82", errors.FileNotFound, None),
        ("6A83", errors.RecordNotFound, None),
        ("6982", errors.SecurityNotSatisfied, None),
        ("6983", errors.AuthenticationBlocked, None),
        ("63C2", errors.VerificationFailed, 2),
        ("6A81", errors.ApplicationLocked, None),
        ("9303", errors.ApplicationLocked, None),
        ("6D00", errors.ApduError, None),
    ],
)
def test_status_words_become_typed_errors(sw: str, error: type, extra: int | None) -> None:
    with pytest.raises(error) as raised:
        ApduChannel(ScriptedTransport({READ: [sw]})).send(bytes.fromhex(READ), "READ card number")
    assert raised.value.sw == int(sw, 16)
    assert "READ card number" in str(raised.value)
    if extra is not None:
        assert raised.value.tries_left == extra
