"""A pretend PC/SC service for the monitor and the Qt bridge: readers, cards, up and down.

Its contexts answer SCardGetStatusChange the way pcsc-lite does (event counter in the upper
16 bits, UNKNOWN for a reader that went away, the PnP pseudo-reader's count of readers) and
block until something differs or the timeout passes, so a monitor thread runs as on pcscd.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from smartcard import scard

from counter_app.card.errors import NoReader, ServiceUnavailable
from counter_app.card.monitor import PNP_NOTIFICATION, RawState

ATR = bytes.fromhex("3B6C00000086815A100000320100000000")


@dataclass
class _Slot:
    card: bytes | None = None  # the ATR of the card in the reader
    events: int = 0


class FakeService:
    """Change it from the test thread; monitor threads see the change at once."""

    def __init__(self, *readers: str, up: bool = True) -> None:
        self._changed = threading.Condition()
        self._slots = {name: _Slot() for name in readers}
        self._up = up
        self._generation = 0  # contexts from before a restart are dead
        self.contexts_made = 0
        self.pnp = True  # False: refuse the PnP pseudo-reader, like an old service

    # -- what a test does ------------------------------------------------------------------
    def _change(self) -> None:
        self._changed.notify_all()

    def add_reader(self, name: str) -> None:
        with self._changed:
            self._slots[name] = _Slot()
            self._change()

    def remove_reader(self, name: str) -> None:
        with self._changed:
            del self._slots[name]
            self._change()

    def insert(self, reader: str, atr: bytes = ATR) -> None:
        with self._changed:
            slot = self._slots[reader]
            assert slot.card is None, "take the card out first"
            slot.card, slot.events = atr, slot.events + 1
            self._change()

    def remove(self, reader: str) -> None:
        with self._changed:
            slot = self._slots[reader]
            slot.card, slot.events = None, slot.events + 1
            self._change()

    def swap(self, reader: str, atr: bytes = ATR) -> None:
        """Out and in again faster than anyone looks: only the event count tells."""
        with self._changed:
            slot = self._slots[reader]
            slot.card, slot.events = atr, slot.events + 2
            self._change()

    def stop(self) -> None:
        with self._changed:
            self._up = False
            self._generation += 1
            self._change()

    def start(self) -> None:
        with self._changed:
            self._up = True
            self._change()

    def card_present(self, reader: str) -> bool:
        with self._changed:
            slot = self._slots.get(reader)
            return slot is not None and slot.card is not None

    # -- the context factory -------------------------------------------------------------------
    def context(self) -> FakeContext:
        with self._changed:
            if not self._up:
                raise ServiceUnavailable("connecting to the PC/SC service: not running")
            self.contexts_made += 1
            return FakeContext(self, self._generation)

    # -- what a context asks -------------------------------------------------------------------
    def _alive(self, generation: int) -> None:
        if not self._up or generation != self._generation:
            raise ServiceUnavailable("the PC/SC service went away")

    def _state_of(self, name: str) -> tuple[int, bytes]:
        if name == PNP_NOTIFICATION:
            return len(self._slots) << 16, b""
        slot = self._slots.get(name)
        if slot is None:
            return scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE, b""
        present = scard.SCARD_STATE_PRESENT if slot.card is not None else scard.SCARD_STATE_EMPTY
        return present | (slot.events << 16), slot.card or b""


class FakeContext:
    def __init__(self, service: FakeService, generation: int) -> None:
        self._service, self._generation = service, generation
        self._cancelled = False
        self.closed = False
        self.waits = 0

    def reader_names(self) -> list[str]:
        with self._service._changed:
            self._service._alive(self._generation)
            return list(self._service._slots)

    def get_status_change(
        self, states: list[tuple[str, int]], timeout_ms: int
    ) -> list[RawState] | None:
        service = self._service
        self.waits += 1
        with service._changed:
            if not service.pnp and any(name == PNP_NOTIFICATION for name, _ in states):
                raise NoReader("unknown reader \\\\?PnP?\\Notification")
            deadline = time.monotonic() + timeout_ms / 1000
            while True:
                service._alive(self._generation)
                answer = []
                differs = False
                for name, current in states:
                    state, atr = service._state_of(name)
                    if state != current & ~scard.SCARD_STATE_CHANGED:
                        state |= scard.SCARD_STATE_CHANGED
                        differs = True
                    answer.append((name, state, atr))
                if differs:
                    return answer
                remaining = deadline - time.monotonic()
                if self._cancelled or remaining <= 0:
                    self._cancelled = False
                    return None
                service._changed.wait(remaining)

    def cancel(self) -> None:
        with self._service._changed:
            self._cancelled = True
            self._service._changed.notify_all()

    def close(self) -> None:
        self.closed = True
