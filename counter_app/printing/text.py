"""Text in cells: drawn straight onto the canvas when each line fits, else a CJK-wrapped
Paragraph. Most fields fit one line, and skipping Paragraph's CJK line breaking for them saves
most of the time a document takes to lay out; long names and addresses still wrap the CJK way."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from counter_app.printing import styles
from counter_app.printing.fonts import FONT_NAME
from counter_app.printing.operators import numbers

LINE_SPACING = 1.25  # leading as a multiple of a line's largest type, as in the styles


@dataclass(frozen=True)
class Run:
    """Text of one size and colour."""

    text: str
    size: float
    color: Color = styles.INK

    @property
    def width(self) -> float:
        return _width(self.text, self.size)

    def markup(self) -> str:
        return f'<font size="{self.size}" color="{self.color.hexval()}">{escape(self.text)}</font>'


Line = Sequence[Run]


class TextCell(Flowable):
    """Lines of runs, aligned as `style` says; wrapped by a Paragraph in `style` if too wide.

    `narrow` is another layout of the same text (a label's English under its Chinese rather
    than beside it), taken when the first does not fit.
    """

    def __init__(
        self, lines: Sequence[Line], style: ParagraphStyle, narrow: Sequence[Line] = ()
    ) -> None:
        super().__init__()
        self._layouts = [_measured(lines), _measured(narrow)] if narrow else [_measured(lines)]
        self._style = style
        self._lines, self._widths = self._layouts[0]
        self._fallback: Paragraph | None = None  # in use for this wrap
        self._paragraph: Paragraph | None = None  # made once, only if ever needed

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._fallback = None
        for lines, widths in self._layouts:
            self._lines, self._widths = lines, widths
            if max(widths, default=0) <= availWidth:
                self.width = availWidth
                self.height = sum(_leading(line) for line in lines)
                return self.width, self.height
        # Nothing fits as it is: ReportLab breaks the last layout the CJK way.
        if self._paragraph is None:
            markup = "<br/>".join("".join(run.markup() for run in line) for line in self._lines)
            self._paragraph = Paragraph(markup, self._style)
        self._fallback = self._paragraph
        self.width, self.height = self._fallback.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        if self._fallback is not None:
            self._fallback.drawOn(self.canv, 0, 0)
            return
        self.canv.addLiteral(self._operators(self.canv, "BT 1 0 0 1 0 0 Tm", 0, 0))

    def draw_at(self, canvas: Canvas, x: float, y: float) -> None:
        """`drawOn` for a grid drawing many cells: the text placed at x, y directly, with no
        canvas state saved, translated and restored around it (q … Q still keeps its colour
        from what is drawn next)."""
        if self._fallback is not None:
            self.drawOn(canvas, x, y)
            return
        canvas.addLiteral(self._operators(canvas, "q BT", x, y) + " Q")

    def _operators(self, canvas: Canvas, opening: str, x: float, y: float) -> str:
        # One text block for the whole cell, written as the operators ReportLab's text object
        # would write for it (font and colour only when they change), without the object: it
        # measures every run again and formats each number and colour on every call.
        doc = canvas._doc
        font = pdfmetrics.getFont(FONT_NAME)
        code = [opening]
        size: float | None = None
        colour: Color | None = None
        subset_in_use = -1
        top = self.height
        for line, width in zip(self._lines, self._widths, strict=True):
            leading = _leading(line)
            top -= leading
            tallest = max(run.size for run in line)
            baseline = top + (leading - tallest) / 2 + tallest * 0.18  # CJK glyphs sit low
            left = _start(self._style.alignment, self.width, width)
            code.append(f"1 0 0 1 {numbers(x + left, y + baseline)} Tm")
            for run in line:
                if run.size != size:
                    size = run.size
                    subset_in_use = -1  # as a text object's setFont: Tf again before the text
                if run.color != colour:
                    colour = run.color
                    code.append(_fill(colour))
                shown = []
                for subset, chunk in font.splitString(run.text, doc):
                    if subset != subset_in_use:
                        shown.append(f"{font.getSubsetInternalName(subset, doc)} {_tf(size)}")
                        subset_in_use = subset
                    shown.append(f"({_escaped(chunk)}) Tj")
                code.append(" ".join(shown))
        code.append("ET")
        return " ".join(code)

    @property
    def paragraph(self) -> Paragraph | None:
        """The Paragraph that wrapped the text at the last `wrap`, if it had to."""
        return self._fallback


@functools.lru_cache(maxsize=4096)
def _width(text: str, size: float) -> float:
    # Labels and notices are the same on every document: measured once, not per document.
    return stringWidth(text, FONT_NAME, size)


# The same characters come out as the same bytes in most documents (labels come first).
_escaped = functools.lru_cache(maxsize=4096)(escapePDF)


@functools.cache
def _fill(colour: Color) -> str:
    """The fill colour operator, as a text object writes it."""
    return f"{fp_str(colour.red, colour.green, colour.blue)} rg"


@functools.cache
def _tf(size: float) -> str:
    """Size and leading (1.2 × size, a text object's default) after a font's name."""
    return f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"


def _measured(lines: Sequence[Line]) -> tuple[list[Line], list[float]]:
    kept = [line for line in lines if line]
    return kept, [sum(run.width for run in line) for line in kept]


def _leading(line: Line) -> float:
    return max(run.size for run in line) * LINE_SPACING


def _start(alignment: int, available: float, width: float) -> float:
    if alignment == TA_CENTER:
        return (available - width) / 2
    if alignment == TA_RIGHT:
        return available - width
    return 0.0
