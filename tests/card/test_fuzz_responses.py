"""The card response parser against any answer a card or a broken reader could give: arbitrary
and truncated TLV records, any status word, answers that never end. A read gives a whole
snapshot or a CardError (which the clerk is told), never another exception and never a
snapshot missing something the card refused to give."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.card import records
from counter_app.card.apdu import MAX_GET_RESPONSES, ApduChannel, Transport
from counter_app.card.errors import CardError, CommunicationError
from counter_app.card.snapshot import CardSnapshot
from counter_app.card.sscard import (
    EF05_ITEMS,
    EF06_ITEMS,
    OPTIONAL,
    READABLE_WITHOUT_AUTH,
    SocialSecurityCardSession,
)
from counter_app.resources.simulated_cards import load_profiles
from counter_app.simulator.sscard import SocialSecurityCard
from tests.card.chips import Chip

PROFILE = load_profiles()["wang_xiaoming"]  # a 2.0 card with every item
# What each command of a whole read asks for, in the order the session sends them.
COMMANDS = ("SELECT SSSE", *EF05_ITEMS, *EF06_ITEMS)
RECORDS = range(1, len(COMMANDS))
FLOW_CONTROL = (0x61, 0x6C)  # "more data" and "wrong Le": the channel follows them
status_words = st.one_of(
    st.just(0x9000),
    st.integers(0x6100, 0x61FF),
    st.integers(0x6C00, 0x6CFF),
    st.sampled_from([0x6A82, 0x6A83, 0x6982, 0x6983, 0x6A81, 0x9303, 0x63C2, 0x6F00]),
    st.integers(0, 0xFFFF),
)
error_status_words = status_words.filter(lambda sw: sw != 0x9000 and sw >> 8 not in FLOW_CONTROL)
answers = st.tuples(st.binary(max_size=40), status_words)


def card() -> Chip:
    return Chip(SocialSecurityCard(PROFILE))


class Doctored:
    """The genuine card, its answers to the commands at some positions replaced."""

    def __init__(self, replaced: dict[int, tuple[bytes, int]]) -> None:
        self._chip, self._replaced, self._sent = card(), replaced, 0

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        position, self._sent = self._sent, self._sent + 1
        genuine = self._chip.transmit(apdu)
        return self._replaced.get(position, genuine)


class Scripted:
    """A card answering everything from a list, then 6D00 (instruction not supported)."""

    def __init__(self, script: list[tuple[bytes, int]]) -> None:
        self._script, self.sent = list(script), 0

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        self.sent += 1
        return self._script.pop(0) if self._script else (b"", 0x6D00)


def read(transport: Transport) -> CardSnapshot | CardError:
    try:
        return SocialSecurityCardSession(ApduChannel(transport), card().atr).read()
    except CardError as error:
        return error


def genuine_answers() -> list[tuple[bytes, int]]:
    answered: list[tuple[bytes, int]] = []
    chip = card()

    class Recording:
        def transmit(self, apdu: bytes) -> tuple[bytes, int]:
            answered.append(chip.transmit(apdu))
            return answered[-1]

    assert isinstance(read(Recording()), CardSnapshot)
    return answered


GENUINE = genuine_answers()


def test_the_genuine_read_is_the_commands_named_here() -> None:
    assert len(GENUINE) == len(COMMANDS)
    assert read(Doctored({})) == read(card())


@given(st.lists(answers, max_size=len(COMMANDS) * 3))
def test_any_answers_make_a_snapshot_or_a_card_error(script: list[tuple[bytes, int]]) -> None:
    transport = Scripted(script)
    read(transport)
    # Each command with its GET RESPONSEs and resends is bounded: no card can keep us.
    assert transport.sent <= len(COMMANDS) * (MAX_GET_RESPONSES + 2)


@given(st.sampled_from(RECORDS), error_status_words)
def test_a_refused_record_is_never_left_out_quietly(position: int, sw: int) -> None:
    result = read(Doctored({position: (b"", sw)}))
    if isinstance(result, CardSnapshot):
        item = COMMANDS[position]
        # The only refusals a read goes on after: an optional item the card lacks, what a
        # third-generation card keeps behind its read key in EF05, and all of the holder data
        # behind it in EF06 (the snapshot says so).
        assert (
            (item in OPTIONAL and sw == 0x6A83)
            or (item in EF05_ITEMS and item not in READABLE_WITHOUT_AUTH and sw == 0x6982)
            or (item == "ssn" and sw == 0x6982 and not result.holder_data_read)
        )


@given(st.sampled_from(RECORDS), st.data())
def test_a_truncated_record_is_refused_never_read_short(position: int, data: st.DataObject) -> None:
    record, sw = GENUINE[position]
    kept = data.draw(st.integers(0, len(record) - 1), label="bytes kept")
    assert isinstance(read(Doctored({position: (record[:kept], sw)})), CommunicationError)


@given(st.binary(max_size=64), st.integers(0, 0xFF))
def test_a_record_header_is_checked_against_what_arrived(record: bytes, tag: int) -> None:
    try:
        value = records.strip_header(record, tag)
    except CommunicationError:
        return
    assert record[0] == tag and value == record[2 : 2 + record[1]] and len(value) == record[1]


@pytest.mark.parametrize(
    "decode", [records.bcd, records.bcd_date, records.ascii_text, records.gb18030_text]
)
@given(value=st.binary(max_size=32))
def test_record_values_decode_or_are_refused(decode, value: bytes) -> None:  # type: ignore[no-untyped-def]
    with contextlib.suppress(CommunicationError):
        decode(value)
