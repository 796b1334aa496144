"""APDUs over a transport: GET RESPONSE after 61xx, a resend with the right Le after 6Cxx, and
status words turned into typed errors."""

from __future__ import annotations

from typing import Protocol

from counter_app.card.errors import CommunicationError, error_for

SW_OK = 0x9000
MAX_GET_RESPONSES = 32  # a card that keeps answering 61xx forever is broken, not slow


class Transport(Protocol):
    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        """Send one command APDU; return the response data and the status word."""
        ...


def command(
    cla: int, ins: int, p1: int, p2: int, data: bytes = b"", le: int | None = None
) -> bytes:
    """A short APDU (case 1–4): Lc only with data, Le when given (0 means 256)."""
    apdu = bytes([cla, ins, p1, p2])
    if data:
        apdu += bytes([len(data)]) + data
    if le is not None:
        apdu += bytes([le & 0xFF])
    return apdu


class ApduChannel:
    """Sends commands, follows the card's 61xx / 6Cxx answers, counts what it sent."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport
        self.sent = 0  # APDUs that crossed the wire: every one is a round trip on a real reader

    def _transmit(self, apdu: bytes) -> tuple[bytes, int]:
        self.sent += 1
        return self._transport.transmit(apdu)

    def exchange(self, apdu: bytes) -> tuple[bytes, int]:
        """The complete answer and its final status word, whatever it is."""
        data, sw = self._transmit(apdu)
        if sw >> 8 == 0x6C and len(apdu) >= 5:
            # Wrong Le: the card says how many bytes it has; ask again for exactly that.
            data, sw = self._transmit(apdu[:-1] + bytes([sw & 0xFF]))
        collected = data
        for _ in range(MAX_GET_RESPONSES):
            if sw >> 8 != 0x61:
                return collected, sw
            data, sw = self._transmit(command(0x00, 0xC0, 0x00, 0x00, le=sw & 0xFF))
            collected += data
        raise CommunicationError("the card kept announcing more response data")

    def send(self, apdu: bytes, what: str = "") -> bytes:
        """The answer's data, or the typed error for a status word other than 9000."""
        data, sw = self.exchange(apdu)
        if sw != SW_OK:
            raise error_for(sw, what)
        return data
