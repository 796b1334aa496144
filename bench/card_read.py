"""A 2.0 card read by counter_app against bare pyscard sending the same minimal APDU sequence
to the same simulated card in the same virtual reader. Prints both and their ratio (goal ≤ 1.3).

Needs its own pcscd: run it as `scripts/bench.sh card_read` (root: private namespaces).
"""

from __future__ import annotations

import sys

from smartcard.System import readers

from bench.card_service import private_pcscd
from bench.timing import Figure, Goal, median_ms, print_table
from counter_app.card.reader import read_card
from counter_app.card.sscard import EF05_BY_TAG, EF05_ITEMS, EF06_BY_TAG, EF06_ITEMS, SSSE_NAME
from counter_app.simulator.pcscd import READERS
from tests.pcsc_env import CardSlots

GOAL = 1.3
PROFILE = "wang_xiaoming"


def minimal_sequence() -> list[list[int]]:
    """SELECT SSSE, then every item by SFI with its exact Le: what any reader must send."""
    apdus = [[0x00, 0xA4, 0x04, 0x00, len(SSSE_NAME), *SSSE_NAME]]
    for p2, items in ((EF05_BY_TAG, EF05_ITEMS), (EF06_BY_TAG, EF06_ITEMS)):
        apdus += [[0x00, 0xB2, item.tag, p2, item.length + 2] for item in items.values()]
    return apdus


def bare_pyscard_read(sequence: list[list[int]]) -> None:
    reader = next(r for r in readers() if str(r) == READERS[0])
    connection = reader.createConnection()
    connection.connect()
    try:
        for apdu in sequence:
            _data, sw1, _sw2 = connection.transmit(apdu)
            if sw1 != 0x90:
                raise RuntimeError(f"bare read failed at {bytes(apdu).hex()}")
    finally:
        connection.disconnect()


def measure(quick: bool) -> list[Figure]:
    """Needs the virtual readers of a running pcscd (bench.card_service.private_pcscd)."""
    rounds = 10 if quick else 30
    slots = CardSlots()
    try:
        reader = slots.insert(PROFILE)
        sequence = minimal_sequence()
        # Alternate the two so drift on a shared machine hits both alike.
        ours, bare = [], []
        for _ in range(3):
            bare.append(median_ms(lambda: bare_pyscard_read(sequence), rounds))
            ours.append(median_ms(lambda: read_card(reader), rounds))
    finally:
        slots.remove_all()
    name = f"2.0 card read ({len(sequence)} APDUs), median"
    return [Figure(name, min(ours), "ms", min(bare), Goal(GOAL))]


def main() -> int:
    with private_pcscd():
        print_table(measure(quick=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
