"""PDF drawing operators with their numbers formatted once per value.

ReportLab formats every coordinate afresh (about a microsecond a number, in pure Python), and
the grids, rules and codes of a document put the same coordinates on every copy of it: a tenth
of a receipt's build went into writing numbers it had written before.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import PATH_OPS, Canvas

Point = tuple[float, float]

# The numbers as ReportLab writes them: "12.5 0 40 1".
numbers = functools.lru_cache(maxsize=8192)(fp_str)


def fill_rect(canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
    """`canvas.rect(x, y, width, height, stroke=0, fill=1)`."""
    canvas.addLiteral(f"n {numbers(x, y, width, height)} re {PATH_OPS[0, 1, canvas._fillMode]}")


def stroke_lines(canvas: Canvas, lines: Iterable[tuple[Point, Point]]) -> None:
    """Each line from its first point to its second, stroked as one path in the line style
    in force, as `canvas.drawPath(path, stroke=1, fill=0)` strokes a path of moveTo/lineTo."""
    path = " ".join(f"{numbers(*start)} m {numbers(*end)} l" for start, end in lines)
    canvas.addLiteral(f"{path} {PATH_OPS[1, 0, canvas._fillMode]}")
