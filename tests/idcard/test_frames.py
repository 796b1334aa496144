"""Frames: building, finding them in pieces and in noise, checksums, and status words."""

from __future__ import annotations

import contextlib
import os
import threading
import time

import pytest

from counter_app.idcard import errors
from counter_app.idcard.frames import (
    COMMAND_SIZE,
    Command,
    Frame,
    FrameDecoder,
    Status,
    answer_frame,
    checksum,
    command_frame,
)
from counter_app.idcard.reader import IdCardReader

FIND_CARD = bytes.fromhex("AAAAAA9669000320 0122")
# A "card found" answer as readers send it: status 00 00 9F and four zero bytes.
CARD_FOUND = bytes.fromhex("AAAAAA9669 0008 00009F 00000000 97")
SAM_OK = bytes.fromhex("AAAAAA9669 0004 000090 94")


def frames_of(decoder: FrameDecoder) -> list[Frame]:
    found = []
    while (frame := decoder.next_frame()) is not None:
        found.append(frame)
    return found


def test_the_find_card_command_is_the_documented_frame() -> None:
    assert command_frame(Command.FIND_CARD) == FIND_CARD
    assert checksum(bytes.fromhex("00032001")) == 0x22


def test_answers_are_built_as_readers_send_them() -> None:
    assert answer_frame(Status.CARD_FOUND, bytes(4)) == CARD_FOUND
    assert answer_frame(Status.SUCCESS) == SAM_OK


def test_a_frame_fed_one_byte_at_a_time_comes_out_once_whole() -> None:
    decoder = FrameDecoder()
    for byte in CARD_FOUND[:-1]:
        decoder.feed(bytes([byte]))
        assert decoder.next_frame() is None
        assert decoder.needed() >= 1
    decoder.feed(CARD_FOUND[-1:])
    assert decoder.next_frame() == Frame(0x9F, bytes(4))
    assert decoder.buffered == 0


def test_needed_counts_what_is_missing_of_the_frame() -> None:
    decoder = FrameDecoder()
    assert decoder.needed() == 11  # preamble, length, status, checksum
    decoder.feed(CARD_FOUND[:7])
    assert decoder.needed() == 8  # the length says 8 more
    decoder.feed(CARD_FOUND[7:10])
    assert decoder.needed() == 5


def test_frames_joined_in_one_read_come_out_in_order() -> None:
    decoder = FrameDecoder()
    decoder.feed(CARD_FOUND + SAM_OK + CARD_FOUND[:6])
    assert frames_of(decoder) == [Frame(0x9F, bytes(4)), Frame(0x90, b"")]
    decoder.feed(CARD_FOUND[6:])
    assert frames_of(decoder) == [Frame(0x9F, bytes(4))]


def test_noise_before_a_frame_is_skipped_and_counted() -> None:
    decoder = FrameDecoder()
    decoder.feed(b"\x00\x13noise\xaa\xaa" + SAM_OK)
    assert frames_of(decoder) == [Frame(0x90, b"")]
    assert decoder.skipped == 9


def test_a_preamble_cut_between_reads_is_kept() -> None:
    decoder = FrameDecoder()
    decoder.feed(b"junk" + SAM_OK[:4])  # AA AA AA 96: may still become a preamble
    assert decoder.next_frame() is None
    assert decoder.buffered == 4
    decoder.feed(SAM_OK[4:])
    assert decoder.next_frame() == Frame(0x90, b"")


def test_a_bad_checksum_is_an_error_and_the_next_frame_still_reads() -> None:
    decoder = FrameDecoder()
    decoder.feed(SAM_OK[:-1] + b"\x95" + CARD_FOUND)
    with pytest.raises(errors.BadChecksum, match="95"):
        decoder.next_frame()
    assert decoder.next_frame() == Frame(0x9F, bytes(4))


@pytest.mark.parametrize("length", [b"\x00\x00", b"\x00\x03", b"\xff\xff"])
def test_an_impossible_length_is_an_error_and_the_decoder_resynchronises(length: bytes) -> None:
    decoder = FrameDecoder()
    decoder.feed(bytes.fromhex("AAAAAA9669") + length + SAM_OK)
    with pytest.raises(errors.BadLength):
        decoder.next_frame()
    assert frames_of(decoder) == [Frame(0x90, b"")]


def test_commands_decode_with_their_two_byte_head() -> None:
    decoder = FrameDecoder(COMMAND_SIZE)
    decoder.feed(FIND_CARD + command_frame(Command.SAM_STATUS, b"\x01\x02"))
    assert frames_of(decoder) == [Frame(0x2001, b""), Frame(0x11FF, b"\x01\x02")]


class ScriptedLine:
    """A serial line on a pipe: each written command gets the next scripted answer, delivered
    `chunk` bytes at a time with pauses between, the way a slow line delivers it."""

    def __init__(self, answers: list[bytes], chunk: int = 3) -> None:
        self._answers = list(answers)
        self._read_end, self._write_end = os.pipe()
        os.set_blocking(self._read_end, False)
        self._delivery: threading.Thread | None = None
        self.chunk = chunk
        self.written: list[bytes] = []
        self.flushes = 0

    def write(self, data: bytes, /) -> int:
        self.written.append(data)
        if self._answers:
            answer = self._answers.pop(0)
            self._delivery = threading.Thread(target=self._deliver, args=(answer,))
            self._delivery.start()
        return len(data)

    def _deliver(self, answer: bytes) -> None:
        for start in range(0, len(answer), self.chunk):
            os.write(self._write_end, answer[start : start + self.chunk])
            time.sleep(0.001)

    def reset_input_buffer(self) -> None:
        self.flushes += 1
        if self._delivery is not None:
            self._delivery.join()  # what was on its way has arrived: flushed with the rest
        with contextlib.suppress(BlockingIOError):
            while os.read(self._read_end, 4096):
                pass

    def fileno(self) -> int:
        return self._read_end

    def close(self) -> None:
        if self._delivery is not None:
            self._delivery.join()
        os.close(self._read_end)
        os.close(self._write_end)


def session(*answers: bytes, timeout: float = 1.0, chunk: int = 3) -> IdCardReader:
    return IdCardReader(ScriptedLine(list(answers), chunk), timeout=timeout, port="test")


def test_the_session_reads_an_answer_that_arrives_in_pieces() -> None:
    line = ScriptedLine([b"\x00\x01" + CARD_FOUND], chunk=2)  # noise, then the frame
    with IdCardReader(line, port="test") as reader:
        reader.find_card()
    assert line.written == [FIND_CARD]
    assert line.flushes == 1


def test_a_stale_answer_is_flushed_before_the_next_command() -> None:
    # The stray "no card" after the first answer must not pass for the second answer
    # (sam_status would raise NoCard for it).
    line = ScriptedLine([SAM_OK + answer_frame(0x80), SAM_OK])
    with IdCardReader(line, port="test") as reader:
        reader.sam_status()
        reader.sam_status()
    assert line.written == [command_frame(Command.SAM_STATUS)] * 2
    assert line.flushes == 2


def test_a_silent_line_is_no_answer() -> None:
    with (
        session(timeout=0.2) as reader,
        pytest.raises(errors.NoAnswer, match=r"within 0\.2 s to find card"),
    ):
        reader.find_card()


def test_noise_alone_is_a_garbled_answer() -> None:
    with (
        session(b"\x01\x02\x03", timeout=0.2) as reader,
        pytest.raises(errors.GarbledAnswer, match="no whole frame"),
    ):
        reader.sam_status()


def test_a_bad_checksum_from_the_reader_is_a_garbled_answer() -> None:
    with session(SAM_OK[:-1] + b"\x00") as reader, pytest.raises(errors.BadChecksum):
        reader.sam_status()


@pytest.mark.parametrize(
    ("status", "kind"),
    [(status, kind) for status, (kind, _) in errors.STATUS_ERRORS.items()],
)
def test_each_status_word_is_its_typed_error(
    status: int, kind: type[errors.ReaderStatusError]
) -> None:
    with session(answer_frame(status)) as reader, pytest.raises(errors.ReaderStatusError) as raised:
        reader.find_card()
    assert type(raised.value) is kind
    assert raised.value.status == status
    assert f"{status:06X}" in str(raised.value)


def test_the_status_words_fall_into_the_kinds_the_command_line_tells_apart() -> None:
    assert issubclass(errors.STATUS_ERRORS[0x80][0], errors.NoCard)
    assert issubclass(errors.STATUS_ERRORS[0x41][0], errors.NoCard)
    assert issubclass(errors.STATUS_ERRORS[0x81][0], errors.NoCard)
    assert errors.STATUS_ERRORS[0x60][0] is errors.SamFault
    assert errors.STATUS_ERRORS[0x10][0] is errors.FrameRejected
    assert errors.STATUS_ERRORS[0x32][0] is errors.CardRejected


def test_an_unknown_status_word_is_a_reader_error_naming_it() -> None:
    with (
        session(answer_frame(0x0012AB)) as reader,
        pytest.raises(errors.ReaderStatusError, match="0012AB") as raised,
    ):
        reader.sam_status()
    assert type(raised.value) is errors.ReaderStatusError


def test_card_found_is_what_find_card_expects_and_success_is_not() -> None:
    with session(SAM_OK) as reader, pytest.raises(errors.ReaderStatusError, match="000090"):
        reader.find_card()
