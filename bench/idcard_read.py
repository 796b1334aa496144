"""An ID card read by counter_app through the simulated reader, against the bare frame exchange
(the same three commands as fixed bytes, each answer read by its known length) on the same
pseudo-terminal. Prints both medians and their ratio (goal ≤ 1.3).

Needs no root and no card service: the simulated reader is a process on a pty of its own.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import serial

from bench.timing import Figure, Goal, median_ms, print_table
from counter_app.idcard.frames import Command, command_frame
from counter_app.idcard.reader import BAUD_RATE, read_card
from counter_app.idcard.simulator import control

GOAL = 1.3
PROFILE = "wang_xiaoming"
# Find, select, read text and photo; the answers are 15, 19 and 1295 bytes long.
EXCHANGES = (
    (command_frame(Command.FIND_CARD), 15),
    (command_frame(Command.SELECT_CARD), 19),
    (command_frame(Command.READ_TEXT_PHOTO), 1295),
)


def bare_exchange(port: str) -> None:
    """What any host must do at the least: open the port, send, read each answer whole."""
    line = serial.Serial(port, BAUD_RATE, timeout=5)
    try:
        for frame, length in EXCHANGES:
            line.write(frame)
            if len(line.read(length)) != length:
                raise RuntimeError(f"bare exchange: no whole answer to {frame.hex()}")
    finally:
        line.close()


def measure(quick: bool) -> list[Figure]:
    rounds, alternations = (30, 3) if quick else (100, 5)
    with tempfile.TemporaryDirectory(prefix="bench-idcard-") as directory:
        state = Path(directory)
        try:
            port = control.insert(PROFILE, state)
            # Alternate the two so drift on a shared machine hits both alike.
            ours, bare = [], []
            for _ in range(alternations):
                bare.append(median_ms(lambda: bare_exchange(port), rounds))
                ours.append(median_ms(lambda: read_card(port), rounds))
        finally:
            control.unplug(state)
    name = f"ID card read ({len(EXCHANGES)} frames), median"
    return [Figure(name, min(ours), "ms", min(bare), Goal(GOAL))]


def main() -> int:
    print_table(measure(quick=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
