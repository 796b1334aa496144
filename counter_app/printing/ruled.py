"""A fixed grid of cells drawn the way ReportLab's Table draws it, at a fraction of the cost.

Table wraps every cell twice (once to size the rows, again to draw them) and runs each cell,
rule and background through its general machinery. The grids in these documents use a small
part of it: uniform padding, vertically centred cells, one-row column spans, backgrounds, GRID
and BOX rules. `Ruled` takes the very cells and TableStyle commands a Table would and lays them
out with Table's own rules, so the page looks the same: a row is as tall as its tallest cell
plus padding, a string cell (the empty filler of a row) counts as one line of the FONT size
× 1.2, a fixed row height wins. A grid that does not fit the space left hands over to the Table
it stands for, which splits across pages as it always did.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from counter_app.printing.operators import fill_rect, stroke_lines
from counter_app.printing.text import TextCell

Cell = Flowable | Sequence[Flowable] | str

_LINE_CAP = 1  # Table's default for its rules: round


class Ruled(Flowable):
    """`Table(cells, colWidths=widths, rowHeights=heights, style=commands, hAlign="LEFT")`,
    for the commands named in the module's docstring, each over whole rows or columns."""

    def __init__(
        self,
        cells: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        commands: Sequence[tuple],
        heights: Sequence[float | None] | None = None,
    ) -> None:
        super().__init__()
        self._cells = [list(row) for row in cells]
        self._widths = list(widths)
        self._commands = list(commands)
        self._heights_given = heights
        self._fixed = list(heights) if heights is not None else [None] * len(self._cells)
        self._table: Table | None = None
        self._columns = [0.0]
        for width in self._widths:
            self._columns.append(self._columns[-1] + width)
        self._padding = {"TOP": 0.0, "BOTTOM": 0.0, "LEFT": 0.0, "RIGHT": 0.0}
        self._string_leading = 12.0  # Table's CellStyle default, changed by FONT
        self._spans: dict[int, tuple[int, int]] = {}  # row → first and last column spanned
        self._backgrounds: list[tuple[int, int, int, int, colors.Color]] = []
        self._rules: list[tuple[str, int, int, int, int, float, colors.Color]] = []
        for command in self._commands:
            self._take(command)
        self.width = self._columns[-1]
        self.height = 0.0

    def _take(self, command: tuple) -> None:
        op, start, end, *values = command
        c0, r0, c1, r1 = self._range(start, end)
        whole = (c0, r0, c1, r1) == (0, 0, len(self._widths) - 1, len(self._cells) - 1)
        if op.endswith("PADDING") and whole:
            self._padding[op.removesuffix("PADDING")] = float(values[0])
        elif op == "FONT" and whole:
            self._string_leading = values[2] if len(values) > 2 else values[1] * 1.2
        elif op == "VALIGN" and whole and values[0] == "MIDDLE":
            pass
        elif op == "BACKGROUND":
            self._backgrounds.append((c0, r0, c1, r1, colors.toColor(values[0])))
        elif op in ("GRID", "BOX"):
            self._rules.append((op, c0, r0, c1, r1, values[0], colors.toColor(values[1])))
        elif op == "SPAN" and r0 == r1:
            self._spans[r0] = (c0, c1)
        else:
            raise ValueError(f"Ruled does not do {command!r}: use a Table")

    def _range(self, start: tuple[int, int], end: tuple[int, int]) -> tuple[int, int, int, int]:
        columns, rows = len(self._widths), len(self._cells)
        (c0, r0), (c1, r1) = start, end
        return c0 % columns, r0 % rows, c1 % columns, r1 % rows

    def table(self) -> Table:
        """The Table this grid stands for."""
        if self._table is None:
            self._table = Table(
                self._cells,
                colWidths=self._widths,
                rowHeights=self._heights_given,
                style=TableStyle(self._commands),
                hAlign="LEFT",
            )
        return self._table

    def _cell_boxes(self, row: int) -> list[tuple[Cell, float, float]]:
        """The row's cells that are drawn, with their left edge and width (spans merged)."""
        first, last = self._spans.get(row, (-1, -1))
        boxes = []
        for column, value in enumerate(self._cells[row]):
            if first < column <= last:
                continue
            end = last + 1 if column == first else column + 1
            left = self._columns[column]
            boxes.append((value, left, self._columns[end] - left))
        return boxes

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        canvas = getattr(self, "canv", None)
        pad = self._padding
        vertical = pad["TOP"] + pad["BOTTOM"]
        self._placed: list[list[tuple[float, float, list[tuple[Flowable, float]]]]] = []
        self._heights: list[float] = []
        for row, fixed in enumerate(self._fixed):
            tallest = 0.0
            placed = []
            for value, left, width in self._cell_boxes(row):
                if isinstance(value, str):
                    tallest = max(tallest, self._string_leading * len(value.split("\n")))
                    continue
                room = width - pad["LEFT"] - pad["RIGHT"]
                stacked = [value] if isinstance(value, Flowable) else list(value)
                sized = [(f, f.wrapOn(canvas, room, 72000 - vertical)[1]) for f in stacked]
                tallest = max(tallest, sum(height for _, height in sized))
                placed.append((left, width, sized))
            self._heights.append(fixed if fixed is not None else tallest + vertical)
            # Strings and the rows under them hold nothing visible: Table draws "" as nothing.
            self._placed.append(placed)
        self.height = sum(self._heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return self.table().split(availWidth, availHeight)

    def draw(self) -> None:
        canvas = self.canv
        tops = [self.height]
        for height in self._heights:
            tops.append(tops[-1] - height)
        canvas.saveState()
        for c0, r0, c1, r1, colour in self._backgrounds:
            canvas.setFillColor(colour)
            left, right = self._columns[c0], self._columns[c1 + 1]
            fill_rect(canvas, left, tops[r1 + 1], right - left, tops[r0] - tops[r1 + 1])
        canvas.setFillColor(colors.black)  # Table's cell colour, for what draws in the fill
        pad = self._padding
        for row, placed in enumerate(self._placed):
            bottom, height = tops[row + 1], self._heights[row]
            for left, _width, sized in placed:
                total = sum(h for _, h in sized)
                y = bottom + (height + pad["BOTTOM"] - pad["TOP"] + total) / 2
                for flowable, h in sized:
                    y -= h
                    if isinstance(flowable, TextCell):
                        flowable.draw_at(canvas, left + pad["LEFT"], y)
                    else:
                        flowable.drawOn(canvas, left + pad["LEFT"], y)
        if self._rules:
            self._draw_rules(tops)
        canvas.restoreState()

    def _draw_rules(self, tops: list[float]) -> None:
        canvas = self.canv
        canvas.setLineCap(_LINE_CAP)
        for op, c0, r0, c1, r1, weight, colour in self._rules:
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(weight)
            left, right = self._columns[c0], self._columns[c1 + 1]
            rows = range(r0, r1 + 2) if op == "GRID" else (r0, r1 + 1)
            lines = [((left, tops[row]), (right, tops[row])) for row in rows]
            columns = range(c0, c1 + 2) if op == "GRID" else (c0, c1 + 1)
            for column in columns:
                x = self._columns[column]
                for top, bottom in self._vertical_runs(column, r0, r1, inner=op == "GRID"):
                    lines.append(((x, tops[top]), (x, tops[bottom])))
            stroke_lines(canvas, lines)

    def _vertical_runs(self, column: int, r0: int, r1: int, inner: bool) -> list[tuple[int, int]]:
        """Row ranges a rule at `column` runs through unbroken: a span hides inner rules."""
        runs: list[tuple[int, int]] = []
        for row in range(r0, r1 + 1):
            first, last = self._spans.get(row, (-1, -1))
            if inner and first < column <= last:
                continue
            if runs and runs[-1][1] == row:
                runs[-1] = (runs[-1][0], row + 1)
            else:
                runs.append((row, row + 1))
        return runs
