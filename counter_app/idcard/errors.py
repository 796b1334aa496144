"""What can go wrong between the host and the ID card reader, as typed errors.

The reader answers every command with a status word SW1 SW2 SW3; anything but success is one of
the classes below, looked up in STATUS_ERRORS (GA 467's codes, as open implementations list them).
"""

from __future__ import annotations


class IdCardError(Exception):
    """Base of every ID card reader problem; `status` is the reader's status word, if any."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class PortUnavailable(IdCardError):
    """The port cannot be opened, is not a serial device, or is held by another program."""


class NoReaderFound(PortUnavailable):
    """No serial port answered the SAM status command."""


class NoAnswer(IdCardError):
    """The reader did not answer a command in time."""


class GarbledAnswer(IdCardError):
    """The reader answered something that is not a sound frame (checksum, length)."""


class BadChecksum(GarbledAnswer):
    """A frame whose checksum does not match its bytes."""


class BadLength(GarbledAnswer):
    """A preamble followed by a length no frame can have: line noise, or a broken sender."""


class CardDataError(GarbledAnswer):
    """A sound frame whose card text fits none of the four layouts."""


class ReaderStatusError(IdCardError):
    """The reader answered with a status word other than success."""


class NoCard(ReaderStatusError):
    """No card lies on the reader (or it was lifted before it could be read)."""


class SelectFailed(NoCard):
    """The card was found but could not be selected: usually laid badly or lifted too soon."""


class CardRejected(ReaderStatusError):
    """The card and the reader's SAM did not authenticate each other, or the card is unknown."""


class SamFault(ReaderStatusError):
    """The reader's security module failed its self-test or is not authorised."""


class FrameRejected(ReaderStatusError):
    """The reader refused our frame: bad checksum, length or command (a host-side fault)."""


# Status word (SW1 SW2 SW3 as one number) → (class, what it means).
STATUS_ERRORS: dict[int, tuple[type[ReaderStatusError], str]] = {
    0x10: (FrameRejected, "the reader found a bad checksum in the command"),
    0x11: (FrameRejected, "the reader found a bad length in the command"),
    0x21: (FrameRejected, "the reader does not know the command"),
    0x23: (FrameRejected, "the command is not allowed"),
    0x24: (ReaderStatusError, "the reader reports an error it cannot name"),
    0x31: (CardRejected, "the card failed to authenticate the reader's SAM"),
    0x32: (CardRejected, "the reader's SAM failed to authenticate the card"),
    0x33: (CardRejected, "the card's data failed verification"),
    0x37: (CardRejected, "the card's fingerprint data failed verification"),
    0x3F: (CardRejected, "the card's data has a wrong length"),
    0x40: (CardRejected, "the reader does not recognise the card's type"),
    0x41: (NoCard, "reading the card failed: no card on the reader"),
    0x47: (SamFault, "the reader's SAM could not produce a random number"),
    0x60: (SamFault, "the reader's SAM failed its self-test"),
    0x66: (SamFault, "the reader's SAM is not authorised"),
    0x80: (NoCard, "no card on the reader"),
    0x81: (SelectFailed, "the card could not be selected: lay it flat on the reader again"),
}


def status_error(status: int) -> ReaderStatusError:
    """The typed error for a status word the command did not expect."""
    kind, message = STATUS_ERRORS.get(
        status, (ReaderStatusError, "the reader answered an unknown status")
    )
    return kind(f"{message} (status {status:06X})", status)
