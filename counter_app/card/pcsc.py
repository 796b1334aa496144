"""The PC/SC service through pyscard's thin `scard` layer: contexts, readers, exclusive
connections, and PC/SC return codes turned into the card errors a clerk is told about."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from smartcard import scard

from counter_app.card.errors import (
    CardRemoved,
    CommunicationError,
    NoCard,
    NoReader,
    ReaderBusy,
    ServiceUnavailable,
)

_SERVICE_GONE = {
    scard.SCARD_E_NO_SERVICE,
    scard.SCARD_E_SERVICE_STOPPED,
    scard.SCARD_F_COMM_ERROR,  # the RPC to pcscd broke: it died under us
    scard.SCARD_E_INVALID_HANDLE,  # a context from before a pcscd restart
}
_NO_READER = {
    scard.SCARD_E_NO_READERS_AVAILABLE,
    scard.SCARD_E_UNKNOWN_READER,
    scard.SCARD_E_READER_UNAVAILABLE,
}
REMOVAL_SETTLE_MS = 1_000
_CARD_GONE = {scard.SCARD_W_REMOVED_CARD, scard.SCARD_E_NO_SMARTCARD}


def check(hresult: int, doing: str) -> None:
    """Raise the card error for a PC/SC return code; nothing for success."""
    if hresult == scard.SCARD_S_SUCCESS:
        return
    message = f"{doing}: {scard.SCardGetErrorMessage(hresult)} ({hresult & 0xFFFFFFFF:#010x})"
    if hresult in _SERVICE_GONE:
        raise ServiceUnavailable(message)
    if hresult in _NO_READER:
        raise NoReader(message)
    if hresult == scard.SCARD_E_SHARING_VIOLATION:
        raise ReaderBusy(message)
    if hresult in _CARD_GONE:
        raise CardRemoved(message) if "transmit" in doing else NoCard(message)
    raise CommunicationError(message)


@dataclass(frozen=True)
class ReaderStatus:
    name: str
    card_present: bool
    in_use_exclusively: bool
    atr: bytes


class Context:
    """One PC/SC context: dies with the service, so make a new one after ServiceUnavailable."""

    def __init__(self) -> None:
        hresult, self.handle = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        check(hresult, "connecting to the PC/SC service")

    def close(self) -> None:
        scard.SCardReleaseContext(self.handle)

    def __enter__(self) -> Context:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def reader_names(self) -> list[str]:
        hresult, names = scard.SCardListReaders(self.handle, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        check(hresult, "listing readers")
        return list(names)

    def statuses(self, names: list[str] | None = None) -> list[ReaderStatus]:
        names = self.reader_names() if names is None else names
        if not names:
            return []
        hresult, states = scard.SCardGetStatusChange(
            self.handle, 0, [(name, scard.SCARD_STATE_UNAWARE) for name in names]
        )
        check(hresult, "reading reader states")
        return [
            ReaderStatus(
                name,
                bool(state & scard.SCARD_STATE_PRESENT),
                bool(state & scard.SCARD_STATE_EXCLUSIVE),
                bytes(atr),
            )
            for name, state, atr in states
        ]

    def card_left(self, reader: str, within_ms: int = REMOVAL_SETTLE_MS) -> bool:
        """Whether the card is gone from `reader`, or goes within `within_ms`.

        A reader reports a pulled card a moment after the transmit that failed because of it
        (vpcd polls every 400 ms), so a failure waits that long for the state to change.
        """
        deadline = time.monotonic() + within_ms / 1000
        known = scard.SCARD_STATE_UNAWARE  # the first call answers at once with the state
        while True:
            wait_ms = max(0, int((deadline - time.monotonic()) * 1000)) if known else 0
            hresult, states = scard.SCardGetStatusChange(self.handle, wait_ms, [(reader, known)])
            if hresult == scard.SCARD_E_TIMEOUT:
                return False
            try:
                check(hresult, "watching for the card's removal")
            except NoReader:
                return True  # the reader itself went, and the card with it
            state = states[0][1]
            if not state & scard.SCARD_STATE_PRESENT:
                return True
            if time.monotonic() >= deadline:
                return False
            known = state & ~scard.SCARD_STATE_CHANGED

    @contextmanager
    def exclusive(self, reader: str) -> Iterator[Connection]:
        """The card in `reader`, held exclusively in one transaction for the whole block."""
        with self._connected(reader, scard.SCARD_SHARE_EXCLUSIVE) as connection:
            yield connection

    @contextmanager
    def shared(self, reader: str) -> Iterator[Connection]:
        """The card in `reader` in one transaction, other programs waiting for its end: for a
        PSAM, which every counter program on the workstation may need in turn."""
        with self._connected(reader, scard.SCARD_SHARE_SHARED) as connection:
            yield connection

    @contextmanager
    def _connected(self, reader: str, share: int) -> Iterator[Connection]:
        hresult, card, protocol = scard.SCardConnect(
            self.handle,
            reader,
            share,
            scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
        )
        check(hresult, f"connecting to the card in {reader}")
        connection = Connection(self, reader, card, protocol)
        try:
            check(scard.SCardBeginTransaction(card), "starting the card transaction")
            try:
                yield connection
            finally:
                scard.SCardEndTransaction(card, connection.disposition)
        finally:
            scard.SCardDisconnect(card, connection.disposition)


class Connection:
    """A connected card: the transport the APDU channel sends through."""

    def __init__(self, context: Context, reader: str, card: int, protocol: int) -> None:
        self._context, self.reader, self._card, self._protocol = context, reader, card, protocol
        # Set to reset the card when the connection ends: what an authenticated card opened
        # (a 3.0 card's EF06) must not stay open for the next program.
        self.reset_when_done = False

    @property
    def disposition(self) -> int:
        return scard.SCARD_RESET_CARD if self.reset_when_done else scard.SCARD_LEAVE_CARD

    def atr(self) -> bytes:
        hresult, _reader, _state, _protocol, atr = scard.SCardStatus(self._card)
        check(hresult, "reading the ATR")
        return bytes(atr)

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        hresult, response = scard.SCardTransmit(self._card, self._protocol, list(apdu))
        if hresult != scard.SCARD_S_SUCCESS or len(response) < 2:
            # A pulled card surfaces as a dozen different codes (or an empty answer, code 0);
            # ask the service whether the card is still there before blaming the protocol.
            if self._context.card_left(self.reader):
                raise CardRemoved(f"the card left {self.reader} during the read")
            check(hresult, "transmit")
            raise CommunicationError(f"the card gave no status word ({bytes(response).hex()})")
        return bytes(response[:-2]), (response[-2] << 8) | response[-1]
