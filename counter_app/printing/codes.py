"""The receipt number as a QR code and a Code 128 barcode, for the scanner at pickup."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.platypus import Flowable

from counter_app.printing.fonts import FONT_NAME

BAR_WIDTH = 0.9  # points per module: scanners at the counter read 0.3 mm easily
BAR_HEIGHT = 26
QR_QUIET_MODULES = 2  # the white border; the cell's own margin adds to it

_RUN = re.compile(rb"0{5,}|1{5,}")  # five or more like modules in a row or column
_FINDER_LIKE = b"10111010000"
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


class _Encoder(qrencoder.QRCode):
    """ReportLab's encoder with the same mask choice, scored without its per-module loops.

    The QR spec has the encoder pick, of the 8 masks, the one with the least penalty (a fixed
    mask would decode too, but print worse blocks and runs). ReportLab scoring all 8 masks
    took most of a receipt's QR time; `penalty` gives exactly ReportLab's figure, quirks
    included, so the code chosen (and printed) is the same as before.
    """

    def getBestMaskPattern(self) -> int:
        scores = []
        for mask in range(8):
            self.makeImpl(True, mask)
            scores.append(penalty(self.modules))
        return scores.index(min(scores))  # the first of equals, as ReportLab picks

    def mapData(self, data: list[int], maskPattern: int) -> None:
        """ReportLab's placement of the data bits, XORed with the mask, the same modules set;
        where they go and the mask over them depend on the version alone and are kept."""
        places, flips = _placement(self.version, maskPattern)
        bits = itertools.chain(self.dataBitIterator(data), itertools.repeat(False))
        modules = self.modules
        for (column, row), dark, flip in zip(places, bits, flips, strict=False):
            modules[row][column] = dark ^ flip


@functools.cache
def _placement(version: int, mask: int) -> tuple[list[tuple[int, int]], list[bool]]:
    """The data modules of a version in ReportLab's order, and the mask's value at each."""
    layout = qrencoder.QRCode(version, qrencoder.QRErrorCorrectLevel.M)
    layout.moduleCount = version * 4 + 17
    places = layout.dataPosIterator()
    flip = qrencoder.QRUtil.getMask(mask)
    return places, [bool(flip(row, column)) for column, row in places]


def penalty(modules: Sequence[Sequence[bool]]) -> int:
    """`qrencoder.QRUtil.getLostPoint` for a module matrix, on byte strings and bit masks.

    As ReportLab scores: runs of five or more like modules cost their length - 2 (rows and
    columns); each 2 × 2 block of one colour 3; a finder-like 1011101 0000 in a row (only left
    to right, only rows, not starting in the last possible place, matches not overlapping) 40;
    and 10 per 5 % the dark share strays from half.
    """
    rows = [bytes(row).translate(_DIGITS) for row in modules]
    count = len(rows)
    columns = map(bytes, zip(*rows, strict=True))
    runs = _RUN.findall(b" ".join(itertools.chain(rows, columns)))
    score = sum(map(len, runs)) - 2 * len(runs)
    bits = [int(row, 2) for row in rows]
    pairs = (1 << (count - 1)) - 1  # bit k: modules k and k + 1 of a row
    for upper, lower in itertools.pairwise(bits):
        alike = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1))
        score += 3 * (alike & pairs).bit_count()
    end = count - 1  # a match must start before count - len(pattern)
    for row in rows:
        found = row.find(_FINDER_LIKE, 0, end)
        while found >= 0:
            score += 40
            found = row.find(_FINDER_LIKE, found + len(_FINDER_LIKE), end)
    dark = sum(row.bit_count() for row in bits)
    return score + 10 * (abs(100 * dark // (count * count) - 50) // 5)


class QrCode(Flowable):
    """A square QR code, error correction M (survives a crease or a stamp).

    Drawn as one filled path, row runs of dark modules as rectangles: ReportLab's QR widget
    goes through the graphics renderer shape by shape, several times slower. The path is
    written in module units under a scaling matrix: whole numbers, no float formatting.
    """

    def __init__(self, value: str, size: float) -> None:
        super().__init__()
        code = _Encoder(None, qrencoder.QRErrorCorrectLevel.M)
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
        rects = []
        for row_index, row in enumerate(self.modules):
            y = count + QR_QUIET_MODULES - 1 - row_index
            column = QR_QUIET_MODULES
            for dark, run in itertools.groupby(row):
                length = len(list(run))
                if dark:
                    rects.append(f"{column} {y} {length} 1 re")
                column += length
        self.canv.saveState()
        self.canv.setFillColor(colors.black)
        self.canv.transform(box, 0, 0, box, 0, 0)
        self.canv.addLiteral(" ".join(rects) + " f*")
        self.canv.restoreState()


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
