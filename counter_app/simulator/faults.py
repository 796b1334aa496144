"""A simulated card with a fault, for the fault drills: one that leaves mid-read.

    python -m counter_app.simulator.faults wang_xiaoming --vanish-after 7 --port 35963

serves the card as `counter-app simulator serve` does, except that it answers 7 commands and
leaves the reader when the 8th arrives, without answering it: a card pulled at that instant.
"""

from __future__ import annotations

import argparse
import logging
import sys

from counter_app.simulator import control
from counter_app.simulator.vpcd import DEFAULT_HOST, VPCD_PORTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m counter_app.simulator.faults")
    parser.add_argument("profile", help="a card key from simulated_cards.toml")
    parser.add_argument("--vanish-after", type=int, required=True, metavar="N")
    parser.add_argument("--host", default=DEFAULT_HOST)
    parser.add_argument("--port", type=int, default=VPCD_PORTS[0])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    try:
        control.serve(args.profile, host=args.host, port=args.port, vanish_after=args.vanish_after)
    except control.SimulatorError as error:
        print(f"{control.ERROR_PREFIX}{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
