"""Everything that can go wrong between the reader and the card, one type per clerk message."""

from __future__ import annotations


class CardError(Exception):
    """Base of every card-reading failure."""


class ServiceUnavailable(CardError):
    """The PC/SC service (pcscd) is not running or went away."""


class NoReader(CardError):
    """No reader is attached, or the named one is not."""


class ReaderBusy(CardError):
    """Another program holds the reader exclusively."""


class NoCard(CardError):
    """The reader is empty."""


class CardRemoved(CardError):
    """The card left the reader before the read finished."""


class CommunicationError(CardError):
    """The card or reader answered nonsense or nothing, while the card is still present."""


class NotSocialSecurityCard(CardError):
    """The card has no social security application (a bank or transport card)."""


class CardLocked(CardError):
    """The social security application is locked."""


class ApduError(CardError):
    """A status word other than 9000 that the caller did not expect."""

    def __init__(self, sw: int, command: str = "") -> None:
        super().__init__(f"status word {sw:04X}" + (f" for {command}" if command else ""))
        self.sw = sw


class FileNotFound(ApduError):  # 6A82
    pass


class RecordNotFound(ApduError):  # 6A83
    pass


class SecurityNotSatisfied(ApduError):  # 6982: a 3.0 card's EF06 before authentication
    pass


class AuthenticationBlocked(ApduError):  # 6983
    pass


class VerificationFailed(ApduError):  # 63Cx
    @property
    def tries_left(self) -> int:
        return self.sw & 0x0F


class ApplicationLocked(ApduError):  # 6A81 (function not supported / locked), 9303
    pass


def error_for(sw: int, command: str = "") -> ApduError:
    """The typed error for a status word."""
    if sw == 0x6A82:
        return FileNotFound(sw, command)
    if sw == 0x6A83:
        return RecordNotFound(sw, command)
    if sw == 0x6982:
        return SecurityNotSatisfied(sw, command)
    if sw == 0x6983:
        return AuthenticationBlocked(sw, command)
    if sw & 0xFFF0 == 0x63C0:
        return VerificationFailed(sw, command)
    if sw in (0x6A81, 0x9303):
        return ApplicationLocked(sw, command)
    return ApduError(sw, command)
