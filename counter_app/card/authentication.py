"""Proving a third-generation card genuine and opening its EF06, whoever computes the cryptograms.

`Authenticator` is what the card session calls when EF06 needs the card's read key. The card's
side of the exchange lives here (internal authentication, GET CHALLENGE, external
authentication) together with the diversification factors; a `CryptogramSource` computes the
cryptograms. `PsamAuthenticator` (psam.py) uses a PSAM in another reader as that source. A bank
security-module client would be another source: its two-step string protocol (psam.md) takes
the same inputs (`city code|ATR|algorithm|card id|r1|r2|rc|raw|terminal number|`) and returns
the same outputs (`internal auth ‖ raw|external auth ‖ raw|`); it is not built yet.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from counter_app.card import crypto
from counter_app.card.apdu import ApduChannel, command
from counter_app.card.errors import (
    AuthenticationBlocked,
    AuthenticationRejected,
    CardNotGenuine,
    ReadKeyBlocked,
    VerificationFailed,
)
from counter_app.card.snapshot import NO_TERMINAL

KEY_IRK = 0x08  # internal authentication: is the card genuine?
KEY_RKSSSE = 0x0A  # external authentication: the read key of EF06
CHALLENGE_LENGTH = 8


@dataclass(frozen=True)
class CardIdentity:
    """What the key diversification needs to know of the card in the reader."""

    card_id: str  # card identification code, 32 hex characters
    historical: bytes  # the ATR's historical bytes, parsed from the ATR
    algorithm: int  # crypto.ALGORITHM_*, the FCI's byte or its default

    @property
    def region_code(self) -> str:
        return self.card_id[:6]

    @property
    def rule(self) -> crypto.CipherRule:
        return crypto.rule_for(self.algorithm)

    def factors(self) -> tuple[bytes, bytes, bytes]:
        """(card f3, city f2, province f1): lowest level first, as BF DE takes them."""
        card_id = self.card_id
        return card_factor(self.historical), city_factor(card_id), province_factor(card_id)


def card_factor(historical: bytes) -> bytes:
    """f3: historical bytes 6 to 13 (T6..TD) of the parsed ATR."""
    if len(historical) < 13:
        raise ValueError(f"{len(historical)} historical bytes; the card factor needs 13")
    return historical[5:13]


def city_factor(region_code: str) -> bytes:
    """f2: the 6-digit city code in ASCII + `sx`; Zhejiang (33…): 4 digits + `00sx`."""
    _check_region(region_code)
    if region_code.startswith("33"):
        return region_code[:4].encode("ascii") + b"00sx"
    return region_code[:6].encode("ascii") + b"sx"


def province_factor(region_code: str) -> bytes:
    """f1: the 2-digit province code in ASCII + `0000sh`."""
    _check_region(region_code)
    return region_code[:2].encode("ascii") + b"0000sh"


def _check_region(code: str) -> None:
    if len(code) < 6 or not code[:6].isdigit() or not code.isascii():
        raise ValueError(f"{code[:6]!r} is not a region code")


@dataclass(frozen=True)
class Authentication:
    """What an authentication established, for the snapshot and the interchange string."""

    terminal_number: str = NO_TERMINAL


class Authenticator(Protocol):
    """Proves the card genuine and opens EF06 (a PSAM, or the bank's security module).

    Raises CardNotGenuine when the card fails internal authentication, ReadKeyBlocked when its
    read key is blocked, PsamNotFound when there is nothing to authenticate with (the session
    then returns the readable part), and another CardError for anything else.
    """

    def authenticate(
        self, channel: ApduChannel, card_id: str, historical: bytes, algorithm: int | None
    ) -> Authentication | None: ...


class CryptogramSource(Protocol):
    """Computes what the card's two authentications need; a PSAM or a security module."""

    terminal_number: str

    def internal(self, card: CardIdentity, r1: bytes, r2: bytes) -> bytes:
        """The 8 bytes a genuine card answers to INTERNAL AUTHENTICATE r1 ‖ r2."""
        ...

    def external(self, card: CardIdentity, challenge: bytes, raw: bytes) -> bytes:
        """The 8 bytes of authentication data for `raw` under the card's challenge."""
        ...


def identity(card_id: str, historical: bytes, algorithm: int | None) -> CardIdentity:
    return CardIdentity(card_id, historical, crypto.effective_algorithm(algorithm, card_id[:6]))


def authenticate_card(
    channel: ApduChannel,
    card: CardIdentity,
    source: CryptogramSource,
    random_bytes: Callable[[int], bytes] = os.urandom,
) -> None:
    """Internal authentication, then external with RKSSSE: EF06 is open when this returns."""
    r1, r2 = random_bytes(8), random_bytes(8)
    expected = source.internal(card, r1, r2)
    answer = internal_authenticate(channel, r1, r2)
    if answer != expected:
        raise CardNotGenuine(
            "the card failed internal authentication: it is not genuine", card.card_id
        )
    # Nothing may reach the card between its challenge and the external authentication.
    challenge = get_challenge(channel)
    auth_data = source.external(card, challenge, raw := random_bytes(8))
    external_authenticate(channel, auth_data, raw)


def internal_authenticate(channel: ApduChannel, r1: bytes, r2: bytes) -> bytes:
    answer = channel.send(command(0x00, 0x88, 0x00, 0x00, r1 + r2), "INTERNAL AUTHENTICATE")
    return answer[:8]


def get_challenge(channel: ApduChannel) -> bytes:
    challenge = channel.send(command(0x00, 0x84, 0x00, 0x00, le=CHALLENGE_LENGTH), "GET CHALLENGE")
    if len(challenge) != CHALLENGE_LENGTH:
        raise AuthenticationRejected(0x6F00, f"GET CHALLENGE answered {len(challenge)} bytes")
    return challenge


def external_authenticate(channel: ApduChannel, auth_data: bytes, raw: bytes) -> None:
    apdu = command(0x00, 0x82, 0x00, KEY_RKSSSE, auth_data + raw)
    try:
        channel.send(apdu, "EXTERNAL AUTHENTICATE")
    except AuthenticationBlocked as error:
        raise ReadKeyBlocked("the card's read key (RKSSSE) is blocked") from error
    except VerificationFailed as error:
        raise AuthenticationRejected(error.sw, "EXTERNAL AUTHENTICATE") from error
