"""Every benchmark, one table: each figure, its baseline measured in the same run, the ratio
and the goal, with the machine it ran on on top.

`python -m bench` runs them all (the card benchmarks need the private namespaces that
scripts/bench.sh makes as root; elsewhere their rows say so); `--quick` runs smaller sizes and
fewer rounds, `--only NAME` one benchmark.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from contextlib import ExitStack

from bench import (
    card_read,
    document_build,
    idcard_read,
    machine,
    photo_prepare,
    psam_read,
    queue,
    startup,
)
from bench.card_service import private_pcscd, why_unavailable
from bench.timing import Figure, print_table

# Start-up runs first, while no card service of ours is up for the window's card watcher.
BENCHMARKS: dict[str, Callable[[bool], list[Figure]]] = {
    "startup": startup.measure,
    "document_build": document_build.measure,
    "queue": queue.measure,
    "card_read": card_read.measure,
    "psam_read": psam_read.measure,
    "idcard_read": idcard_read.measure,
    "photo_prepare": photo_prepare.measure,
}
NEED_PCSCD = {"card_read", "psam_read"}


def measure_all(names: list[str], quick: bool) -> tuple[list[Figure], bool]:
    """The figures of `names`, in order, and whether every benchmark ran through."""
    figures: list[Figure] = []
    succeeded, pcscd_started = True, False
    unavailable = why_unavailable()
    with ExitStack() as card_service:  # one pcscd for every card benchmark
        for name in names:
            if name in NEED_PCSCD:
                if unavailable:
                    figures.append(Figure.left_out(name, unavailable))
                    continue
                if not pcscd_started:
                    card_service.enter_context(private_pcscd())
                    pcscd_started = True
            try:
                figures += BENCHMARKS[name](quick)
            except Exception as error:  # one broken benchmark leaves the others' rows standing
                traceback.print_exc()
                figures.append(Figure.left_out(name, f"failed: {error}"))
                succeeded = False
    return figures, succeeded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="smaller sizes, fewer rounds: under two minutes"
    )
    parser.add_argument("--only", choices=list(BENCHMARKS), metavar="NAME", help="one benchmark")
    args = parser.parse_args(argv)
    started = time.monotonic()
    print(machine.describe())
    sizes = queue.QUICK if args.quick else queue.FULL
    print(
        f"{'quick' if args.quick else 'full'} run: queue at {sizes.history:,} + "
        f"{sizes.pending:,} applications, {sizes.clerks} clerks × {sizes.each} submissions; "
        "the machine is shared: each figure and its baseline are measured alternately",
        flush=True,
    )
    figures, succeeded = measure_all([args.only] if args.only else list(BENCHMARKS), args.quick)
    print()
    print_table(figures)
    print(f"\nwall clock: {time.monotonic() - started:.0f} s")
    return 0 if succeeded else 1


if __name__ == "__main__":
    sys.exit(main())
