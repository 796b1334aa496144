"""Simulated chips as transports, and a PC/SC context of readers holding them: the card layer
over the simulator's card and PSAM without pcscd."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from counter_app.card import errors
from counter_app.card.pcsc import ReaderStatus
from counter_app.simulator.psam import SimulatedPsam
from counter_app.simulator.sscard import SocialSecurityCard


class Chip:
    """A simulated chip as a transport, counting what reached it; `pull_after` removes it."""

    def __init__(self, chip: SocialSecurityCard | SimulatedPsam) -> None:
        self.chip, self.atr = chip, chip.atr
        chip.power_on()
        self.log: list[str] = []
        self.pull_after: int | None = None

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        if self.pull_after is not None and len(self.log) >= self.pull_after:
            raise errors.CardRemoved("the card left the reader")
        self.log.append(apdu.hex().upper())
        answer = self.chip.transmit(apdu)
        return answer[:-2], int.from_bytes(answer[-2:], "big")


class FakeContext:
    """Readers holding simulated chips, as PsamAuthenticator asks a PC/SC context for them."""

    def __init__(self, readers: dict[str, Chip | None]) -> None:
        self.readers = readers
        self.connected: list[str] = []

    def statuses(self) -> list[ReaderStatus]:
        return [
            ReaderStatus(name, chip is not None, False, getattr(chip, "atr", b""))
            for name, chip in self.readers.items()
        ]

    @contextmanager
    def shared(self, reader: str) -> Iterator[Chip]:
        self.connected.append(reader)
        chip = self.readers.get(reader)
        if chip is None:
            raise errors.NoCard(f"no card in {reader}")
        yield chip
