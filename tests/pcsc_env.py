"""A real pcscd with the vpcd virtual readers and simulated cards, for the `pcsc` tests.

They run inside the namespaces scripts/test.sh makes (private /run/pcscd and loopback), so the
pcscd started here is the tests' own. Outside them the tests fail in CI and skip elsewhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from counter_app.simulator.pcscd import READERS, Pcscd, reader_states, wait_for

IN_NAMESPACE = os.environ.get("COUNTER_APP_CARD_NAMESPACE") == "1"
IN_CI = os.environ.get("CI", "").lower() == "true"
__all__ = ["READERS", "CardSlots", "Pcscd", "cards", "pcscd", "reader_states", "wait_for"]
PORTS = (35963, 35964)


class CardSlots:
    """Simulated cards put into and taken out of the virtual readers, as a trainee would."""

    def __init__(self) -> None:
        self._cards: dict[int, subprocess.Popen[bytes]] = {}

    def insert(self, profile: str, slot: int = 0) -> str:
        self.remove(slot)
        self._cards[slot] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "counter_app.simulator",
                "serve",
                profile,
                "--port",
                str(PORTS[slot]),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: reader_states().get(READERS[slot]) is True, f"{profile} is present")
        return READERS[slot]

    def remove(self, slot: int = 0) -> None:
        card = self._cards.pop(slot, None)
        if card is None:
            return
        card.terminate()
        card.wait(timeout=10)
        # pcscd misses a card inserted before it noticed the last one leave.
        wait_for(lambda: not reader_states().get(READERS[slot]), "the reader is empty")

    def remove_all(self) -> None:
        for slot in list(self._cards):
            self.remove(slot)


@pytest.fixture(scope="session")
def pcscd() -> Iterator[Pcscd]:
    if not IN_NAMESPACE:
        reason = "PC/SC tests run in their own namespaces: use scripts/test.sh as root"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    service = Pcscd()
    service.start()
    yield service
    service.stop()


@pytest.fixture
def cards(pcscd: Pcscd) -> Iterator[CardSlots]:
    if not pcscd.running:  # a test stopped it: every test starts with the service up
        pcscd.start()
    slots = CardSlots()
    yield slots
    if pcscd.running:
        slots.remove_all()
    else:
        for card in slots._cards.values():
            card.kill()
            card.wait()
