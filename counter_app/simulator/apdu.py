"""Command APDUs as a card receives them, and the answers it builds (ISO/IEC 7816-4, short)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class SW(IntEnum):
    """The status words the simulated cards answer with."""

    OK = 0x9000
    WRONG_LENGTH = 0x6700
    NO_SESSION_KEY = 0x6901  # PSAM: CIPHER DATA before DELIVERY SESSION KEY
    SECURITY_NOT_SATISFIED = 0x6982
    AUTHENTICATION_BLOCKED = 0x6983
    NO_VALID_CHALLENGE = 0x6984
    CONDITIONS_NOT_SATISFIED = 0x6985
    NO_CURRENT_EF = 0x6986
    WRONG_DATA = 0x6A80  # PSAM: the number of factors does not match the key's level
    FILE_NOT_FOUND = 0x6A82
    RECORD_NOT_FOUND = 0x6A83
    WRONG_P1P2 = 0x6A86
    KEY_NOT_FOUND = 0x6A88
    INS_NOT_SUPPORTED = 0x6D00
    CLA_NOT_SUPPORTED = 0x6E00
    NO_DIAGNOSIS = 0x6F00
    APPLICATION_LOCKED = 0x9303


class MalformedCommand(ValueError):
    """Bytes that are not a short command APDU (the card answers 6700)."""


@dataclass(frozen=True)
class Command:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None  # the Le byte as sent (0x00 included); None when absent

    @classmethod
    def parse(cls, apdu: bytes) -> Command:
        """Cases 1–4 of a short APDU; extended lengths are not used by these cards."""
        if len(apdu) < 4:
            raise MalformedCommand(f"{len(apdu)} bytes is shorter than a command header")
        cla, ins, p1, p2 = apdu[:4]
        if len(apdu) == 4:
            return cls(cla, ins, p1, p2)
        if len(apdu) == 5:
            return cls(cla, ins, p1, p2, le=apdu[4])
        lc = apdu[4]
        if lc == 0:
            raise MalformedCommand("extended-length APDUs are not supported")
        if len(apdu) == 5 + lc:
            return cls(cla, ins, p1, p2, data=apdu[5:])
        if len(apdu) == 6 + lc:
            return cls(cla, ins, p1, p2, data=apdu[5:-1], le=apdu[-1])
        raise MalformedCommand(f"Lc {lc} does not fit a {len(apdu)}-byte APDU")


@dataclass(frozen=True)
class Reply:
    """What a command produced, before the transport protocol (T=0 or T=1) shapes the answer."""

    sw: int
    data: bytes = b""

    def to_bytes(self) -> bytes:
        return self.data + self.sw.to_bytes(2, "big")


def verification_failed(tries_left: int) -> Reply:
    """63Cx: the authentication failed, x tries left."""
    return Reply(0x63C0 | (tries_left & 0x0F))


def status(sw: int) -> Reply:
    return Reply(sw)


def wrong_le(length: int) -> Reply:
    """6Cxx: "resend with Le = xx" (00 stands for 256)."""
    return Reply(0x6C00 | (length & 0xFF))


def response_waiting(length: int) -> Reply:
    """61xx: "xx bytes wait for GET RESPONSE" (T=0 cards)."""
    return Reply(0x6100 | (length & 0xFF))
