"""Text in cells: drawn straight onto the canvas when each line fits, else a CJK-wrapped
Paragraph. Most fields fit one line, and skipping Paragraph's CJK line breaking for them saves
most of the time a document takes to lay out; long names and addresses still wrap the CJK way."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from counter_app.printing import styles
from counter_app.printing.fonts import FONT_NAME

LINE_SPACING = 1.25  # leading as a multiple of a line's largest type, as in the styles


@dataclass(frozen=True)
class Run:
    """Text of one size and colour."""

    text: str
    size: float
    color: Color = styles.INK

    @property
    def width(self) -> float:
        return stringWidth(self.text, FONT_NAME, self.size)

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
        # One text object for the whole cell, font and colour set only when they change: a
        # BT/ET block and an operator per run would cost more than the run itself.
        text = self.canv.beginText()
        font: float | None = None
        colour: Color | None = None
        top = self.height
        for line, width in zip(self._lines, self._widths, strict=True):
            leading = _leading(line)
            top -= leading
            size = max(run.size for run in line)
            baseline = top + (leading - size) / 2 + size * 0.18  # CJK glyphs sit ~0.12 em low
            text.setTextOrigin(_start(self._style.alignment, self.width, width), baseline)
            for run in line:
                if run.size != font:
                    text.setFont(FONT_NAME, run.size)
                    font = run.size
                if run.color != colour:
                    text.setFillColor(run.color)
                    colour = run.color
                text.textOut(run.text)
        self.canv.drawText(text)

    @property
    def paragraph(self) -> Paragraph | None:
        """The Paragraph that wrapped the text at the last `wrap`, if it had to."""
        return self._fallback


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
