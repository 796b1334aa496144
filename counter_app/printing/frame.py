"""The page frame every document shares: outlet header, title, receipt number, footer with
the page count, and the reprint mark; `render` turns a story into reproducible PDF bytes."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from counter_app.domain.rules import Label, Outlet
from counter_app.printing import styles
from counter_app.printing.fonts import FONT_NAME, register_fonts
from counter_app.printing.subsets import embed_subsets
from counter_app.printing.text import Run, TextCell

__all__ = ["A4", "A5", "DocumentFrame", "Layout", "layout_for", "render"]

TOP_EDGE = 10 * mm  # paper edge to the header's first line
HEADER_HEIGHT = 62  # points from the header's first line to the body
FOOTER_HEIGHT = 15 * mm  # paper edge to the body's bottom
CREATOR = "counter_app"

_OUTLET = ParagraphStyle("outlet", parent=styles.BODY, fontSize=8.5, leading=10.5)
_NUMBER = ParagraphStyle("number", parent=_OUTLET, alignment=TA_RIGHT)


@dataclass(frozen=True)
class DocumentFrame:
    """What the frame prints around a document's body."""

    title: Label
    outlet: Outlet
    receipt_no: str | None
    reprint: int = 0  # 0: the original; n: the n-th reprint
    pagesize: tuple[float, float] = A4
    # A form printed before submission: its receipt number is given later, and it says so.
    number_pending: bool = False

    def __post_init__(self) -> None:
        if self.reprint < 0:
            raise ValueError("reprint counts from 0 (the original)")


@dataclass(frozen=True)
class Layout:
    """Where the body goes on a page of one size."""

    pagesize: tuple[float, float]
    side_margin: float

    @property
    def width(self) -> float:
        return self.pagesize[0] - 2 * self.side_margin

    @property
    def body_top(self) -> float:
        return self.pagesize[1] - TOP_EDGE - HEADER_HEIGHT


def layout_for(pagesize: tuple[float, float]) -> Layout:
    # A5 is the handheld receipt: narrower margins keep its fields on one line.
    return Layout(pagesize, 12 * mm if pagesize == A5 else 18 * mm)


def render(frame: DocumentFrame, story: Callable[[float], Sequence[Flowable]]) -> bytes:
    """The PDF, byte-identical for the same input (fixed date and document ID).

    `story` makes the body for a given width; it is called once the font is registered, since
    ReportLab resolves a paragraph's font as soon as the paragraph is made.
    """
    font = register_fonts()
    layout = layout_for(frame.pagesize)
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=frame.pagesize,
        leftMargin=layout.side_margin,
        rightMargin=layout.side_margin,
        topMargin=frame.pagesize[1] - layout.body_top,
        bottomMargin=FOOTER_HEIGHT,
        title=f"{frame.title.zh} {frame.title.en}",
        author=frame.outlet.name,
        creator=CREATOR,
        invariant=1,  # no creation time, a fixed document ID
        initialFontName=font,  # else every page's resources name Helvetica
        initialFontSize=styles.BODY.fontSize,
    )
    body = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate("page", [body], onPage=partial(_header, frame))])
    doc.build(list(story(doc.width)), canvasmaker=partial(_CountingCanvas, frame=frame))
    return out.getvalue()


class _CountingCanvas(Canvas):
    """Holds each page back until the end, so that every footer can say "page 1 of 2"."""

    def __init__(self, *args, frame: DocumentFrame, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._frame = frame
        self._held: list[dict] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            _footer(self, self._frame, number, total)
            super().showPage()
            _deflate_only(self._doc.Pages.pages[-1])
        embed_subsets(self._doc)  # their unchanging part made once per process, not per PDF
        super().save()


def _deflate_only(page: pdfdoc.PDFPage) -> None:
    """The page's content stream Flate-compressed as usual but not ASCII85-encoded on top.

    ASCII85 only keeps a PDF 7-bit clean, which nothing here needs; ReportLab's pure-Python
    encoder cost about a millisecond a page, and the file is smaller without it.
    """
    if page.compression and not page.Contents:
        page.Contents = pdfdoc.PDFStream(content=page.stream, filters=[pdfdoc.PDFZCompress])
        page.Contents.__Comment__ = "page stream"


def _header(frame: DocumentFrame, canvas: Canvas, _doc: BaseDocTemplate) -> None:
    layout = layout_for(frame.pagesize)
    width, height = frame.pagesize
    left, right = layout.side_margin, width - layout.side_margin
    top = height - TOP_EDGE
    canvas.saveState()

    number_width = layout.width * 0.5
    number = frame.receipt_no or ("（提交后生成）" if frame.number_pending else None)
    if number is not None:  # a report or a loss confirmation belongs to no application
        line = [Run("受理编号 ", 8.5), Run("Receipt No. ", styles.SUBTITLE_SIZE, styles.GREY)]
        _place(
            canvas, [[*line, Run(number, 8.5)]], _NUMBER, right - number_width, top, number_width
        )
    outlet = [[Run(frame.outlet.name, 8.5)], [Run(f"网点代码 {frame.outlet.code}", 8.5)]]
    _place(canvas, outlet, _OUTLET, left, top, layout.width - number_width - 6)

    centre = width / 2
    title_size = 15 if frame.pagesize == A5 else 17
    canvas.setFillColor(styles.INK)
    canvas.setFont(FONT_NAME, title_size)
    canvas.drawCentredString(centre, top - 22 - title_size * 0.8, frame.title.zh)
    canvas.setFont(FONT_NAME, 8)
    canvas.setFillColor(styles.GREY)
    canvas.drawCentredString(centre, top - 50, frame.title.en)
    canvas.setStrokeColor(styles.INK)
    canvas.setLineWidth(0.8)
    canvas.line(left, top - HEADER_HEIGHT + 6, right, top - HEADER_HEIGHT + 6)
    if frame.reprint:
        _reprint_stamp(canvas, frame.reprint, right, top - 24)
    canvas.restoreState()


def _reprint_stamp(canvas: Canvas, count: int, right: float, top: float) -> None:
    """A boxed red mark beside the title: 重打 REPRINT, 第 n 次 No. n."""
    width, height = 68, 26
    x, y = right - width, top - height
    canvas.setStrokeColor(styles.STAMP)
    canvas.setFillColor(styles.STAMP)
    canvas.setLineWidth(1.2)
    canvas.roundRect(x, y, width, height, 3, stroke=1, fill=0)
    canvas.setFont(FONT_NAME, 10)
    canvas.drawCentredString(x + width / 2, y + 14, "重打 REPRINT")
    canvas.setFont(FONT_NAME, 7.5)
    canvas.drawCentredString(x + width / 2, y + 4.5, f"第 {count} 次 No. {count}")


def _footer(canvas: Canvas, frame: DocumentFrame, number: int, total: int) -> None:
    layout = layout_for(frame.pagesize)
    width = frame.pagesize[0]
    left, right = layout.side_margin, width - layout.side_margin
    base = FOOTER_HEIGHT - 8 * mm
    canvas.saveState()
    canvas.setStrokeColor(styles.RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, base + 10, right, base + 10)
    canvas.setFont(FONT_NAME, 7)
    canvas.setFillColor(styles.GREY)
    if frame.receipt_no:
        canvas.drawString(left, base, frame.receipt_no)
    pages = f"第 {number} 页 / 共 {total} 页  Page {number} of {total}"
    canvas.drawCentredString(width / 2, base, pages)
    if frame.reprint:
        canvas.setFillColor(styles.STAMP)
        canvas.drawRightString(right, base, f"重打 第 {frame.reprint} 次  REPRINT {frame.reprint}")
    canvas.restoreState()


def _place(
    canvas: Canvas,
    lines: list[list[Run]],
    style: ParagraphStyle,
    x: float,
    top: float,
    width: float,
) -> None:
    cell = TextCell(lines, style)
    _, height = cell.wrapOn(canvas, width, 100)
    cell.drawOn(canvas, x, top - height)
