"""What the simulated reader answers to each command, given the card lying on it (or none)."""

from __future__ import annotations

from collections.abc import Callable

from counter_app.idcard.frames import Command, Frame, Status, answer_frame
from counter_app.idcard.simulator.profiles import IdCardProfile

# Status words of refusals (errors.STATUS_ERRORS has their meanings).
BAD_CHECKSUM = 0x10
BAD_LENGTH = 0x11
UNKNOWN_COMMAND = 0x21
READ_FAILED = 0x41
NO_CARD = 0x80
SELECT_FAILED = 0x81
# What real readers send along with "card found" and "selected": zeros.
FIND_DATA = bytes(4)
SELECT_DATA = bytes(8)
SAM_ID = bytes.fromhex("0501000020260101000000000000abcd")  # synthetic


class SimulatedReader:
    """Answers frames as a reader with a working SAM does; `card` says what lies on it now."""

    def __init__(self, card: Callable[[], IdCardProfile | None]) -> None:
        self._card = card

    def answer(self, frame: Frame) -> bytes:
        if frame.head == Command.SAM_STATUS:
            return answer_frame(Status.SUCCESS)
        if frame.head == Command.SAM_ID:
            return answer_frame(Status.SUCCESS, SAM_ID)
        if frame.head not in _CARD_COMMANDS:
            return answer_frame(UNKNOWN_COMMAND)
        card = self._card()
        if card is None:
            return answer_frame(_CARD_COMMANDS[frame.head])
        if frame.head == Command.FIND_CARD:
            return answer_frame(Status.CARD_FOUND, FIND_DATA)
        if frame.head == Command.SELECT_CARD:
            return answer_frame(Status.SUCCESS, SELECT_DATA)
        text, photo = card.text, card.card.photo
        lengths = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big")
        return answer_frame(Status.SUCCESS, lengths + text + photo)

    @staticmethod
    def refusal(bad_checksum: bool) -> bytes:
        """The answer to a frame that could not be taken in."""
        return answer_frame(BAD_CHECKSUM if bad_checksum else BAD_LENGTH)


# The card commands it simulates, and what each answers with no card on the reader.
_CARD_COMMANDS = {
    Command.FIND_CARD: NO_CARD,
    Command.SELECT_CARD: SELECT_FAILED,
    Command.READ_TEXT_PHOTO: READ_FAILED,
}
