"""What every benchmark shares: warm medians, the figures they measure, and one table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass


def median_ms(work: Callable[[], object], rounds: int) -> float:
    """The median of `rounds` timed calls, after one untimed call to warm caches and imports."""
    work()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


@dataclass(frozen=True)
class Goal:
    """At most `limit` times the baseline, or (absolute) the figure itself below `limit`."""

    limit: float
    absolute: bool = False

    def text(self, unit: str) -> str:
        return f"<{self.limit:g} {unit}" if self.absolute else f"≤{self.limit:g}×"


@dataclass(frozen=True)
class Figure:
    """One measured figure and the baseline measured in the same run; `value` is None when the
    benchmark was left out, and `note` then says why."""

    name: str
    value: float | None
    unit: str
    baseline: float | None = None
    goal: Goal | None = None
    higher_is_better: bool = False  # a rate: the ratio is then baseline / value
    note: str = ""

    @classmethod
    def left_out(cls, name: str, why: str) -> Figure:
        return cls(name, None, "", note=why)

    @property
    def ratio(self) -> float | None:
        """How many times the baseline's cost ours is: above 1 is slower, whatever the unit."""
        if self.value is None or not self.baseline or not self.value:
            return None
        return self.baseline / self.value if self.higher_is_better else self.value / self.baseline

    @property
    def met(self) -> bool | None:
        if self.goal is None or self.value is None:
            return None
        if self.goal.absolute:
            return self.value < self.goal.limit
        return self.ratio is not None and self.ratio <= self.goal.limit


def number(value: float | None) -> str:
    """Counts as they are; measurements to about three significant digits."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"{value:.{0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2}f}"


HEADER = ("benchmark", "figure", "baseline", "unit", "ratio", "goal", "met")
WIDTHS = (50, 9, 9, 6, 7, 8, 3)


def _line(cells: Iterable[str]) -> str:
    parts = [
        f"{cell:{'<' if column in (0, 3, 5) else '>'}{width}}"
        for column, (cell, width) in enumerate(zip(cells, WIDTHS, strict=True))
    ]
    return " ".join(parts).rstrip()


def table(figures: Iterable[Figure]) -> str:
    lines = [_line(HEADER)]
    for figure in figures:
        if figure.value is None:
            lines.append(f"{figure.name:{WIDTHS[0]}} left out: {figure.note}")
            continue
        ratio = figure.ratio
        met = {None: "", True: "yes", False: "NO"}[figure.met]
        lines.append(
            _line(
                (
                    figure.name,
                    number(figure.value),
                    number(figure.baseline),
                    figure.unit,
                    "" if ratio is None else f"{ratio:.2f}",
                    figure.goal.text(figure.unit) if figure.goal else "",
                    met,
                )
            )
        )
    return "\n".join(lines)


def print_table(figures: Iterable[Figure]) -> None:
    print(table(figures), flush=True)
