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


class PsamInReader(NotSocialSecurityCard):
    """The reader read holds the PSAM (the secure module), not a customer's card."""


class CardLocked(CardError):
    """The social security application is locked."""


class CardNotGenuine(CardError):
    """A third-generation card failed internal authentication: counterfeit, or not ours."""

    def __init__(self, message: str, card_id: str = "", card_number: str = "") -> None:
        super().__init__(message)
        self.card_id, self.card_number = card_id, card_number


class ReadKeyBlocked(CardLocked):
    """The card's read key for the holder data (RKSSSE) is blocked (6983)."""


class PsamError(CardError):
    """The reader's PSAM could not do its part."""


class PsamNotFound(PsamError):
    """No reader holds a PSAM (or the named reader holds none)."""


class PsamRemoved(PsamError):
    """The PSAM left its reader, or stopped answering, during the authentication."""


class PsamRefused(PsamError):
    """The PSAM refused a command: it lacks the key, or answered something unexpected."""


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


class AuthenticationRejected(ApduError):  # 63Cx from EXTERNAL AUTHENTICATE: wrong keys
    @property
    def tries_left(self) -> int | None:
        return self.sw & 0x0F if self.sw & 0xFFF0 == 0x63C0 else None


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
