"""What every benchmark shares: warm medians, and one table row format."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(work: Callable[[], object], rounds: int) -> float:
    """The median of `rounds` timed calls, after one untimed call to warm caches and imports."""
    work()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def row(name: str, figure: str, baseline: str = "", ratio: str = "", goal: str = "") -> None:
    print(f"{name:40} {figure:>10} {baseline:>10} {ratio:>7} {goal:>6}")
