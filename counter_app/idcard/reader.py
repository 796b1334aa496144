"""A session with the ID card reader over its serial port: one command, one answer, in time.

    with IdCardReader.open("/dev/ttyUSB0") as reader:
        card = reader.read_card()  # find, select, read text and photo

Every exchange waits at most `timeout` seconds (5 by default) for a whole answer frame, so a
reader that went silent or talks nonsense is named instead of hung on.
"""

from __future__ import annotations

import os
import select
import time
from typing import Protocol, Self

import serial

from counter_app.idcard.card import IdCard
from counter_app.idcard.errors import (
    GarbledAnswer,
    NoAnswer,
    PortUnavailable,
    status_error,
)
from counter_app.idcard.frames import Command, Frame, FrameDecoder, Status, command_frame
from counter_app.idcard.layouts import TEXT_SIZE, decode_text

BAUD_RATE = 115200
TIMEOUT = 5.0
PHOTO_SIZE = 1024  # WLT
_LENGTHS_SIZE = 4  # text length and photo length, 2 bytes each, ahead of the text
_READ_SIZE = 4096  # more than any frame: one read takes all that has arrived


class SerialLine(Protocol):
    """What the session needs of pyserial's Serial (tests may hand it anything alike)."""

    def write(self, data: bytes, /) -> int | None: ...
    def reset_input_buffer(self) -> None: ...
    def fileno(self) -> int: ...
    def close(self) -> None: ...


def open_port(path: str, timeout: float = TIMEOUT) -> serial.Serial:
    """The reader's port at 115200 8N1; PortUnavailable when it cannot be or is no serial port."""
    try:
        # Exclusive: two programs talking to one reader would read each other's answers.
        return serial.Serial(
            path,
            BAUD_RATE,
            bytesize=serial.EIGHTBITS,
            parity=serial.PARITY_NONE,
            stopbits=serial.STOPBITS_ONE,
            timeout=timeout,
            write_timeout=timeout,
            exclusive=True,
        )
    except (serial.SerialException, OSError, ValueError) as error:
        raise PortUnavailable(f"{path} cannot be opened as a serial port: {error}") from None


class IdCardReader:
    def __init__(self, line: SerialLine, timeout: float = TIMEOUT, port: str = "") -> None:
        self._line = line
        self.timeout = timeout
        self.port = port

    @classmethod
    def open(cls, path: str, timeout: float = TIMEOUT) -> Self:
        return cls(open_port(path, timeout), timeout, path)

    def close(self) -> None:
        self._line.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def exchange(self, command: Command, parameters: bytes = b"") -> Frame:
        """Send one command; its answer frame whatever its status. NoAnswer or GarbledAnswer."""
        try:
            # An answer that came after an earlier exchange gave up must not pass for this one's.
            self._line.reset_input_buffer()
            self._line.write(command_frame(command, parameters))
            return self._answer(command)
        except (serial.SerialException, OSError) as error:  # a USB reader unplugged, say
            raise NoAnswer(f"the reader on {self.port} stopped answering: {error}") from None

    def command(self, command: Command, expected: Status = Status.SUCCESS) -> bytes:
        """Send one command; the answer's data when its status is `expected`, else its error."""
        frame = self.exchange(command)
        if frame.head != expected:
            raise status_error(frame.head)
        return frame.body

    def sam_status(self) -> None:
        """Whether the reader's security module works (a ReaderStatusError says why not)."""
        self.command(Command.SAM_STATUS)

    def find_card(self) -> None:
        self.command(Command.FIND_CARD, Status.CARD_FOUND)

    def select_card(self) -> None:
        self.command(Command.SELECT_CARD)

    def read_text_and_photo(self) -> IdCard:
        data = self.command(Command.READ_TEXT_PHOTO)
        if len(data) < _LENGTHS_SIZE:
            raise GarbledAnswer(f"the card's data is only {len(data)} bytes")
        text_size = int.from_bytes(data[:2], "big")
        photo_size = int.from_bytes(data[2:4], "big")
        if text_size != TEXT_SIZE or len(data) != _LENGTHS_SIZE + text_size + photo_size:
            raise GarbledAnswer(
                f"the card's data is {len(data)} bytes for a text of {text_size} "
                f"and a photo of {photo_size}"
            )
        text_end = _LENGTHS_SIZE + text_size
        return decode_text(data[_LENGTHS_SIZE:text_end], photo=data[text_end:])

    def read_card(self) -> IdCard:
        """Find, select and read the card on the reader; NoCard when there is none."""
        self.find_card()
        self.select_card()
        return self.read_text_and_photo()

    def _answer(self, command: Command) -> Frame:
        decoder = FrameDecoder()
        deadline = time.monotonic() + self.timeout
        while (frame := decoder.next_frame()) is None:
            chunk = self._read_some(deadline)
            if not chunk:
                raise self._silence(command, decoder)
            decoder.feed(chunk)
        return frame

    def _read_some(self, deadline: float) -> bytes:
        """Whatever has arrived once something has (b"" at the deadline). Not pyserial's
        read(n): it wakes for a count, and a frame's length is only known from its header."""
        descriptor = self._line.fileno()
        while (remaining := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([descriptor], [], [], remaining)
            if not ready:
                break
            try:
                data = os.read(descriptor, _READ_SIZE)
            except BlockingIOError:
                continue  # woken for nothing: wait again
            if not data:  # readable but empty: the device went away
                raise serial.SerialException(f"{self.port} returned no data (disconnected?)")
            return data
        return b""

    def _silence(self, command: Command, decoder: FrameDecoder) -> NoAnswer | GarbledAnswer:
        waited = f"within {self.timeout:g} s to {command.name.lower().replace('_', ' ')}"
        if decoder.skipped or decoder.buffered:
            return GarbledAnswer(f"the reader on {self.port} sent no whole frame {waited}")
        return NoAnswer(f"no answer from the reader on {self.port} {waited}")


def read_card(port: str, timeout: float = TIMEOUT) -> IdCard:
    """The card on the reader at `port`, in one session."""
    with IdCardReader.open(port, timeout) as reader:
        return reader.read_card()
