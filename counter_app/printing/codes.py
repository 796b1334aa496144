"""The receipt number as a QR code and a Code 128 barcode, for the scanner at pickup."""

from __future__ import annotations

import itertools

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.platypus import Flowable

from counter_app.printing.fonts import FONT_NAME

BAR_WIDTH = 0.9  # points per module: scanners at the counter read 0.3 mm easily
BAR_HEIGHT = 26
QR_QUIET_MODULES = 2  # the white border; the cell's own margin adds to it


class QrCode(Flowable):
    """A square QR code, error correction M (survives a crease or a stamp).

    Drawn as one filled path, row runs of dark modules as rectangles: ReportLab's QR widget
    goes through the graphics renderer shape by shape, several times slower.
    """

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(value)
        code.make()
        self.value = value
        self.modules: list[list[bool]] = [list(map(bool, row)) for row in code.modules]
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count = len(self.modules)
        box = self.width / (count + 2 * QR_QUIET_MODULES)
        path = self.canv.beginPath()
        for row_index, row in enumerate(self.modules):
            y = self.height - (row_index + QR_QUIET_MODULES + 1) * box
            column = 0
            for dark, run in itertools.groupby(row):
                length = len(list(run))
                if dark:
                    path.rect((column + QR_QUIET_MODULES) * box, y, length * box, box)
                column += length
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)


def barcode(value: str) -> Flowable:
    """Code 128 without its own digits underneath: the number is printed larger beside it."""
    # ReportLab picks code set C for the all-digit receipt number: two digits to a symbol.
    return Code128(
        value,
        barWidth=BAR_WIDTH,
        barHeight=BAR_HEIGHT,
        humanReadable=False,
        fontName=FONT_NAME,  # unused without the digits, but never Helvetica
        quiet=True,
    )
