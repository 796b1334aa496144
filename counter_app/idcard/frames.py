"""The reader's frames: building them, and finding them in a byte stream read in pieces.

Host → reader:  AA AA AA 96 69 · length (2, big-endian) · command (2) · parameters · checksum
Reader → host:  AA AA AA 96 69 · length (2, big-endian) · SW1 SW2 SW3 · data · checksum
The length counts the bytes after itself, checksum included; the checksum is the XOR of every
byte after the preamble up to it. A serial line delivers frames cut anywhere and glued to each
other (and to line noise), so FrameDecoder keeps what it was fed until whole frames stand out.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from counter_app.idcard.errors import BadChecksum, BadLength

PREAMBLE = bytes.fromhex("AAAAAA9669")
LENGTH_SIZE = 2
COMMAND_SIZE = 2  # the head of a host → reader frame
STATUS_SIZE = 3  # the head of a reader → host frame
# The longest real frame (text, photo and fingerprint) is 2314 bytes after its length field; a
# larger length is line noise that happens to contain the preamble, not a frame to wait for.
MAX_LENGTH = 0x1000


class Command(IntEnum):
    FIND_CARD = 0x2001
    SELECT_CARD = 0x2002
    READ_TEXT_PHOTO = 0x3001
    READ_NEW_ADDRESS = 0x3003
    READ_TEXT_PHOTO_FINGERPRINT = 0x3010
    SAM_STATUS = 0x11FF
    SAM_ID = 0x12FF


class Status(IntEnum):
    """The status words that mean things went well; every other one is an error (errors.py)."""

    SUCCESS = 0x90
    CARD_FOUND = 0x9F


def checksum(data: bytes) -> int:
    """The XOR of all bytes: folded as one integer, halves XORed until one byte is left (the
    photo's kilobyte costs a dozen integer operations instead of a loop over its bytes)."""
    value, width = int.from_bytes(data, "little"), len(data)
    while width > 1:
        half = width // 2
        value = (value >> (8 * half)) ^ (value & ((1 << (8 * half)) - 1))
        width -= half
    return value


def _frame(head: bytes, body: bytes) -> bytes:
    length = len(head) + len(body) + 1
    if length > MAX_LENGTH:
        raise ValueError(f"a frame holds at most {MAX_LENGTH} bytes after its length field")
    checked = length.to_bytes(LENGTH_SIZE, "big") + head + body
    return PREAMBLE + checked + bytes([checksum(checked)])


def command_frame(command: int, parameters: bytes = b"") -> bytes:
    """What the host sends: `command_frame(Command.FIND_CARD)` is AA AA AA 96 69 00 03 20 01 22."""
    return _frame(command.to_bytes(COMMAND_SIZE, "big"), parameters)


def answer_frame(status: int, data: bytes = b"") -> bytes:
    """What the reader sends back (the simulated reader builds its answers with it)."""
    return _frame(status.to_bytes(STATUS_SIZE, "big"), data)


@dataclass(frozen=True)
class Frame:
    head: int  # the command (host → reader) or the status word (reader → host)
    body: bytes  # the parameters or the data


class FrameDecoder:
    """Whole frames out of bytes fed in any pieces; bytes outside frames are skipped.

    `head_size` is STATUS_SIZE to read a reader's answers, COMMAND_SIZE to read a host's commands.
    """

    def __init__(self, head_size: int = STATUS_SIZE) -> None:
        self._head_size = head_size
        self._buffer = bytearray()
        self.skipped = 0  # bytes of line noise dropped so far

    def feed(self, data: bytes) -> None:
        self._buffer += data

    @property
    def buffered(self) -> int:
        """Bytes kept that are not yet a whole frame."""
        return len(self._buffer)

    def needed(self) -> int:
        """At least this many more bytes are needed before the next frame can be whole."""
        self._sync()
        header = len(PREAMBLE) + LENGTH_SIZE
        if len(self._buffer) < header:
            return header + self._head_size + 1 - len(self._buffer)
        return max(1, header + self._declared_length() - len(self._buffer))

    def next_frame(self) -> Frame | None:
        """The next whole frame, None until one is; BadChecksum or BadLength for a bad one
        (dropped: the next call looks further)."""
        self._sync()
        header = len(PREAMBLE) + LENGTH_SIZE
        if len(self._buffer) < header:
            return None
        length = self._declared_length()
        if not self._head_size + 1 <= length <= MAX_LENGTH:
            del self._buffer[:1]  # a preamble in noise: look for the next one
            self.skipped += 1
            raise BadLength(f"a frame declares an impossible length of {length} bytes")
        if len(self._buffer) < header + length:
            return None
        frame = bytes(self._buffer[len(PREAMBLE) : header + length])
        del self._buffer[: header + length]
        if checksum(frame[:-1]) != frame[-1]:
            raise BadChecksum(
                f"a frame's checksum is {frame[-1]:02X}, its bytes give {checksum(frame[:-1]):02X}"
            )
        head_end = LENGTH_SIZE + self._head_size
        return Frame(int.from_bytes(frame[LENGTH_SIZE:head_end], "big"), frame[head_end:-1])

    def _declared_length(self) -> int:
        start = len(PREAMBLE)
        return int.from_bytes(self._buffer[start : start + LENGTH_SIZE], "big")

    def _sync(self) -> None:
        """Drop what comes before the first preamble (keeping a tail that may begin one)."""
        start = self._buffer.find(PREAMBLE)
        if start < 0:
            # The longest tail that could still grow into a preamble stays.
            keep = next(
                (n for n in range(len(PREAMBLE) - 1, 0, -1) if self._buffer.endswith(PREAMBLE[:n])),
                0,
            )
            start = len(self._buffer) - keep
        if start:
            del self._buffer[:start]
            self.skipped += start
