"""The receipt number as a QR code and a Code 128 barcode, for the scanner at pickup."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.platypus import Flowable

from counter_app.printing.fonts import FONT_NAME
from counter_app.printing.operators import fill_rect

BAR_WIDTH = 0.9  # points per module: scanners at the counter read 0.3 mm easily
BAR_HEIGHT = 26
QR_QUIET_MODULES = 2  # the white border; the cell's own margin adds to it

_RUN = re.compile(rb"0{5,}|1{5,}")  # five or more like modules in a row or column
_FINDER_LIKE = b"10111010000"
QR_LEVEL = qrencoder.QRErrorCorrectLevel.M  # survives a crease or a stamp


@dataclass(frozen=True)
class _Layout:
    """What every QR code of one version shares, each module matrix a number whose binary
    digits are its rows, top to bottom, left to right: the function patterns (finders,
    timing, alignment, format and version information) as ReportLab draws them to score the
    masks (format left blank) and to print with each mask, each data module's bit, and each
    mask over the data modules."""

    count: int
    screening: int
    printed: tuple[int, ...]
    data_bits: tuple[int, ...]  # the bit of each data module, in ReportLab's filling order
    data_area: int
    masks: tuple[int, ...]


class _Patterns(qrencoder.QRCode):
    """ReportLab's matrix with nothing in the data modules."""

    def mapData(self, data: list[int], maskPattern: int) -> None:
        pass


@functools.cache
def _layout(version: int) -> _Layout:
    patterns = _Patterns(version, QR_LEVEL)
    patterns.dataCache = []
    count = version * 4 + 17

    def matrix(test: bool, mask: int) -> int:
        patterns.makeImpl(test, mask)
        return _number(patterns.modules)

    screening = matrix(True, 0)  # the format information left blank: the same for every mask
    last = count * count - 1
    places = patterns.dataPosIterator()
    data_bits = tuple(1 << (last - (row * count + column)) for column, row in places)
    masks = []
    for mask in range(8):
        flip = qrencoder.QRUtil.getMask(mask)
        flipped = zip(data_bits, places, strict=True)
        masks.append(sum(bit for bit, (column, row) in flipped if flip(row, column)))
    return _Layout(
        count=count,
        screening=screening,
        printed=tuple(matrix(False, mask) for mask in range(8)),
        data_bits=data_bits,
        data_area=sum(data_bits),
        masks=tuple(masks),
    )


def qr_modules(value: str) -> list[list[bool]]:
    """ReportLab's QR code of `value` (error correction M, its mask choice), module by module.

    ReportLab builds and scores all 8 masked matrices module by module, which took most of a
    receipt's QR time; here each is a few operations on whole numbers. `penalty` gives exactly
    ReportLab's figure, quirks included, so the code chosen (and printed) is the same.
    """
    code = qrencoder.QRCode(None, QR_LEVEL)
    code.addData(value)
    version = code.calculate_version()
    layout = _layout(version)
    codewords = qrencoder.QRCode.createData(version, QR_LEVEL, code.dataList)
    bits = format(int.from_bytes(bytes(codewords), "big"), f"0{8 * len(codewords)}b")
    # Modules left over after the last codeword (remainder bits) stay light before masking.
    data = sum(cell for cell, bit in zip(layout.data_bits, bits, strict=False) if bit == "1")
    # The spec has the encoder pick the mask with the least penalty (a fixed mask would decode
    # too, but print worse blocks and runs); the first of equals, as ReportLab picks.
    screening = layout.screening & ~layout.data_area
    scores = [penalty(_rows(screening | (data ^ m), layout.count)) for m in layout.masks]
    best = scores.index(min(scores))
    printed = (layout.printed[best] & ~layout.data_area) | (data ^ layout.masks[best])
    return [[module == 49 for module in row] for row in _rows(printed, layout.count)]


def _number(modules: Sequence[Sequence[bool]]) -> int:
    return int("".join("1" if module else "0" for row in modules for module in row), 2)


def _rows(matrix: int, count: int) -> list[bytes]:
    digits = format(matrix, f"0{count * count}b").encode("ascii")
    return [digits[start : start + count] for start in range(0, count * count, count)]


def penalty(rows: Sequence[bytes]) -> int:
    """`qrencoder.QRUtil.getLostPoint` for a module matrix given as rows of b"0" and b"1".

    As ReportLab scores: runs of five or more like modules cost their length - 2 (rows and
    columns); each 2 × 2 block of one colour 3; a finder-like 1011101 0000 in a row (only left
    to right, only rows, not starting in the last possible place, matches not overlapping) 40;
    and 10 per 5 % the dark share strays from half.
    """
    count = len(rows)
    columns = map(bytes, zip(*rows, strict=True))
    runs = _RUN.findall(b" ".join(itertools.chain(rows, columns)))
    score = sum(map(len, runs)) - 2 * len(runs)
    bits = [int(row, 2) for row in rows]
    pairs = (1 << (count - 1)) - 1  # bit k: modules k and k + 1 of a row
    for upper, lower in itertools.pairwise(bits):
        alike = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1))
        score += 3 * (alike & pairs).bit_count()
    # A match must start before count - len(pattern): it never takes a row's last module.
    score += 40 * b" ".join(row[:-1] for row in rows).count(_FINDER_LIKE)
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
        self.value = value
        self.modules = qr_modules(value)
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


class _Code128(Code128):
    """ReportLab's Code 128, encoded once and its bars written with the numbers formatted once
    (bars stand at whole multiples of the bar width, the same few places on every receipt)."""

    _calculated = False

    def _calculate(self) -> None:
        # ReportLab encodes the value again each time the width or height is read.
        if not self._calculated:
            super()._calculate()
            self._calculated = True

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        fill_rect(self.canv, x, y, w, h)


def barcode(value: str) -> Flowable:
    """Code 128 without its own digits underneath: the number is printed larger beside it."""
    # ReportLab picks code set C for the all-digit receipt number: two digits to a symbol.
    return _Code128(
        value,
        barWidth=BAR_WIDTH,
        barHeight=BAR_HEIGHT,
        humanReadable=False,
        fontName=FONT_NAME,  # unused without the digits, but never Helvetica
        quiet=True,
    )
