"""The PSAM: a secure module in another reader slot that computes a 3.0 card's cryptograms.

`Psam` speaks the PSAM's commands (psam.md): select the environment of the card's algorithm,
read the terminal number, select the ADF, DELIVERY SESSION KEY (BF DE) trying the key levels,
CIPHER DATA (80 FA). `PsamAuthenticator` finds the PSAM among the readers (or takes the reader
it is told), runs the card's internal then external authentication with it, and returns, the
card's transaction still open, so the session reads EF06 right after.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager

from counter_app.card import crypto
from counter_app.card.apdu import ApduChannel, command
from counter_app.card.authentication import (
    KEY_IRK,
    KEY_RKSSSE,
    Authentication,
    CardIdentity,
    authenticate_card,
    identity,
)
from counter_app.card.errors import (
    CardError,
    CardRemoved,
    CommunicationError,
    NoCard,
    NoReader,
    PsamNotFound,
    PsamRefused,
    PsamRemoved,
    ReaderBusy,
)
from counter_app.card.pcsc import Context, ReaderStatus

log = logging.getLogger(__name__)

PSAM_AID = bytes.fromhex("D15600000590")  # the PSAM's social security ADF
ADF_ID = bytes.fromhex("DF01")
TERMINAL_NUMBER_SFI = 0x16  # EF 0016: 6 bytes BCD, the terminal number
SW_WRONG_LEVEL = 0x6A80  # the number of factors does not match the key's level
SW_KEY_NOT_FOUND = 0x6A88
KEY_TYPE = 0x07  # bits 5–1 of the key usage
LEVELS = (3, 2, 1)


def environment_name(algorithm: int) -> bytes:
    """`sx1.sh.社会保障` (3DES, the MF), `sx2…` (SSF33, DDF1), `sx3…` (SM4, inferred)."""
    return f"sx{algorithm}.sh.社会保障".encode("gbk")


def key_usage(levels: int) -> int:
    """Levels in bits 8–6, the key type in bits 5–1: 3 levels → 67, 2 → 47, 1 → 27."""
    return (levels << 5) | KEY_TYPE


class Psam:
    """One PSAM over an APDU channel, for one card's algorithm.

    `open()` selects the environment, reads the terminal number and selects the ADF; then
    `internal` and `external` compute the cryptograms (a CryptogramSource).
    """

    def __init__(self, channel: ApduChannel, algorithm: int) -> None:
        self._channel = channel
        self.rule = crypto.rule_for(algorithm)
        self.terminal_number = ""
        self._levels: Sequence[int] = LEVELS  # the level that worked last, first

    def identify(self) -> bool:
        """Whether this is a PSAM: its ADF can be selected by AID."""
        _data, sw = self._channel.exchange(command(0x00, 0xA4, 0x04, 0x00, PSAM_AID))
        return sw == 0x9000

    def open(self) -> None:
        self._send(
            command(0x00, 0xA4, 0x04, 0x00, environment_name(self.rule.algorithm)),
            f"SELECT the PSAM's {self.rule.name} environment",
        )
        # Free to read while the MF or DDF is current: before the ADF is selected.
        number = self._send(
            command(0x00, 0xB0, 0x80 | TERMINAL_NUMBER_SFI, 0x00, le=6), "READ terminal number"
        )
        self.terminal_number = number.hex().upper()
        if len(number) != 6 or not self.terminal_number.isdigit():
            raise PsamRefused(f"the PSAM's terminal number is not 12 digits: {number.hex()}")
        self._send(command(0x00, 0xA4, 0x00, 0x00, ADF_ID), "SELECT the PSAM's ADF")

    # -- CryptogramSource ------------------------------------------------------------------
    def internal(self, card: CardIdentity, r1: bytes, r2: bytes) -> bytes:
        self._deliver_session_key(KEY_IRK, card, r1)
        return self._cipher(r2)

    def external(self, card: CardIdentity, challenge: bytes, raw: bytes) -> bytes:
        self._deliver_session_key(KEY_RKSSSE, card, challenge)
        return self._cipher(raw)

    # -- commands --------------------------------------------------------------------------
    def _deliver_session_key(self, key_id: int, card: CardIdentity, process: bytes) -> None:
        """BF DE with 3 factors, else 2, else 1: whichever level the PSAM holds the key at."""
        factors = card.factors()
        refused: list[str] = []
        for levels in self._levels:
            data = b"".join(factors[:levels]) + self.rule.pad(process)
            apdu = command(0xBF, 0xDE, key_usage(levels), key_id, data)
            _answer, sw = self._exchange(apdu)
            if sw == 0x9000:
                self._levels = (levels, *(other for other in LEVELS if other != levels))
                return
            if sw not in (SW_WRONG_LEVEL, SW_KEY_NOT_FOUND):
                raise PsamRefused(f"the PSAM answered {sw:04X} to BF DE for key {key_id:02X}")
            refused.append(f"{levels} levels: {sw:04X}")
        raise PsamRefused(
            f"the PSAM holds no key {key_id:02X} for this card ({'; '.join(refused)})"
        )

    def _cipher(self, block8: bytes) -> bytes:
        answer = self._send(command(0x80, 0xFA, 0x00, 0x00, self.rule.pad(block8)), "CIPHER DATA")
        try:
            return self.rule.fold(answer)
        except ValueError as error:
            raise PsamRefused(f"CIPHER DATA: {error}") from None

    def _send(self, apdu: bytes, what: str) -> bytes:
        data, sw = self._exchange(apdu)
        if sw != 0x9000:
            raise PsamRefused(f"the PSAM answered {sw:04X} to {what}")
        return data

    def _exchange(self, apdu: bytes) -> tuple[bytes, int]:
        try:
            return self._channel.exchange(apdu)
        except (CardRemoved, CommunicationError) as error:
            raise PsamRemoved(f"the PSAM stopped answering: {error}") from error


# Readers whose card, with this ATR, answered as a PSAM: no need to ask it again.
_known_psams: dict[str, bytes] = {}
_known_lock = threading.Lock()


def remember_psam(reader: str, atr: bytes) -> None:
    with _known_lock:
        _known_psams[reader] = atr


def is_known_psam(reader: str, atr: bytes) -> bool:
    with _known_lock:
        return _known_psams.get(reader) == atr


def forget_psams() -> None:
    with _known_lock:
        _known_psams.clear()


class PsamAuthenticator:
    """An Authenticator using a PSAM found among the context's readers.

    `reader`: the PSAM's reader (settings or `--psam-reader`); None to look for it in every
    reader holding a card except `card_reader`. `statuses` spares the service a second look
    when the caller has just listed the readers.
    """

    def __init__(
        self,
        context: Context,
        card_reader: str | None = None,
        reader: str | None = None,
        statuses: list[ReaderStatus] | None = None,
        random_bytes: Callable[[int], bytes] = os.urandom,
    ) -> None:
        self._context, self._card_reader, self._reader = context, card_reader, reader
        self._statuses, self._random_bytes = statuses, random_bytes
        self.apdus = 0  # what the last authentication sent to the PSAM
        self.reader_used: str | None = None

    def authenticate(
        self, channel: ApduChannel, card_id: str, historical: bytes, algorithm: int | None
    ) -> Authentication:
        card = identity(card_id, historical, algorithm)
        with self._psam(card.algorithm) as psam:
            authenticate_card(channel, card, psam, self._random_bytes)
            return Authentication(psam.terminal_number)

    @contextmanager
    def _psam(self, algorithm: int) -> Iterator[Psam]:
        for reader, atr in self._candidates():
            with ExitStack() as stack:
                try:
                    connection = stack.enter_context(self._context.shared(reader))
                except (NoCard, NoReader, ReaderBusy, CardRemoved) as error:
                    if reader == self._reader:
                        raise PsamNotFound(f"no PSAM usable in {reader}: {error}") from None
                    log.info("no PSAM in %s: %s", reader, error)
                    continue
                psam_channel = ApduChannel(connection)
                psam = Psam(psam_channel, algorithm)
                if not (reader == self._reader or is_known_psam(reader, atr)):
                    try:
                        found = psam.identify()
                    except CardError as error:  # another card, gone or odd: not our PSAM
                        log.info("the card in %s is no PSAM: %s", reader, error)
                        found = False
                    if not found:
                        continue
                psam.open()
                remember_psam(reader, atr)
                self.reader_used = reader
                try:
                    yield psam
                finally:
                    self.apdus = psam_channel.sent
                return
        where = f"in {self._reader}" if self._reader else "in any reader"
        raise PsamNotFound(f"no PSAM {where}")

    def _candidates(self) -> list[tuple[str, bytes]]:
        statuses = self._statuses if self._statuses is not None else self._context.statuses()
        present = [(s.name, s.atr) for s in statuses if s.card_present]
        if self._reader is not None:
            if self._reader not in {status.name for status in statuses}:
                raise PsamNotFound(f"no reader named {self._reader!r} for the PSAM")
            return [(name, atr) for name, atr in present if name == self._reader]
        candidates = [(name, atr) for name, atr in present if name != self._card_reader]
        # A reader already known to hold a PSAM first: most reads ask nothing of the others.
        return sorted(candidates, key=lambda item: not is_known_psam(*item))
