"""The font subsets made by counter_app.printing.subsets: valid TrueType holding the font's own
glyphs, deflated to data that inflates to them, and printing exactly as ReportLab's do."""

from __future__ import annotations

import io
import re
import struct
import tempfile
import zlib
from pathlib import Path

import pytest
from PIL import ImageChops
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFile
from reportlab.pdfgen.canvas import Canvas

from counter_app.printing import DocumentKind, build, fonts, samples
from counter_app.printing.subsets import Subsetter, embed_subsets
from tests.printing import poppler

# More than 256 different characters: the page needs a second subset, which holds no ASCII.
LINES = (
    "社会保障卡业务受理回执 Receipt No. 320100001202406030001",
    "(A&B) [x] {y} ~!@#$%^*_+=|\\;:'\",.<>?/",
    "".join(chr(code) for code in range(0x4E00, 0x4E00 + 300, 2)),
    "".join(chr(code) for code in range(0x5E00, 0x5E00 + 300, 3)),
)


def _font_files(pdf: bytes) -> list[bytes]:
    """Every embedded TrueType program, inflated, checked against its declared length."""
    found = re.findall(rb"/Length1 (\d+).*?stream\n(.*?)endstream", pdf, re.S)
    assert found, "no embedded font program"
    programs = []
    for length, deflated in found:
        program = zlib.decompress(deflated)
        assert len(program) == int(length)
        programs.append(program)
    return programs


def _parsed(program: bytes) -> TTFontFile:
    """ReportLab's own reader, checking every table's checksum and the file's."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "subset.ttf")
        path.write_bytes(program)
        return TTFontFile(str(path), validate=1)


def _page(ours: bool) -> bytes:
    fonts.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A5, invariant=1, initialFontName=fonts.FONT_NAME)
    canvas.setFont(fonts.FONT_NAME, 9)
    for number, line in enumerate(LINES):
        canvas.drawString(20, 560 - 40 * number, line[:60])
        canvas.drawString(20, 540 - 40 * number, line[60:])
    canvas.showPage()
    if ours:
        embed_subsets(canvas._doc)
    canvas.save()
    return out.getvalue()


def test_a_page_prints_exactly_as_with_reportlabs_subsets() -> None:
    ours, reportlabs = _page(ours=True), _page(ours=False)
    assert ours != reportlabs
    assert len(_font_files(ours)) == 2
    assert poppler.text(ours) == poppler.text(reportlabs)
    assert poppler.fonts(ours) == poppler.fonts(reportlabs)
    difference = ImageChops.difference(poppler.png(ours, 150), poppler.png(reportlabs, 150))
    assert difference.getbbox() is None, "the pages look different"


@pytest.mark.parametrize("kind", [DocumentKind.ACCEPTANCE_RECEIPT, DocumentKind.APPLICATION_FORM])
def test_every_subset_in_a_document_is_valid_truetype(kind: DocumentKind) -> None:
    data = samples.acceptance_receipt() if kind is DocumentKind.ACCEPTANCE_RECEIPT else None
    pdf = build(kind, data or samples.application_form())
    for program in _font_files(pdf):
        _parsed(program)


def test_each_code_shows_the_fonts_glyph_with_its_advance() -> None:
    fonts.register_fonts()
    face = pdfmetrics.getFont(fonts.FONT_NAME).face
    codes = [0, *range(0x4E00, 0x4E00 + 31), *range(32, 128), *range(0x6C00, 0x6C00 + 100)]
    subset = _parsed(Subsetter(face).font_file(codes))
    cmap = subset.get_table("cmap")
    # One format 6 table (platform 1, encoding 0) at offset 12: codes from 0, one glyph each.
    assert struct.unpack_from(">HHHHL", cmap) == (0, 1, 1, 0, 12)
    count = len(codes)
    assert struct.unpack_from(">HHHHH", cmap, 12) == (6, 10 + 2 * count, 0, 0, count)
    shown = struct.unpack_from(f">{count}H", cmap, 22)
    simple = 0
    for code, ours in zip(codes, shown, strict=True):
        original = face.charToGlyph.get(code, 0)
        assert _advance(subset, ours) == _advance(face, original), hex(code)
        outline = _outline(face, original)
        if outline[:2] != b"\xff\xff":  # a composite's components are numbered anew
            assert _outline(subset, ours) == outline, hex(code)
            simple += 1
    assert simple > 100


def _advance(font: TTFontFile, glyph: int) -> int:
    full = struct.unpack_from(">H", font.get_table("hhea"), 34)[0]
    return struct.unpack_from(">H", font.get_table("hmtx"), 4 * min(glyph, full - 1))[0]


def _outline(font: TTFontFile, glyph: int) -> bytes:
    return font.get_table("glyf")[font.glyphPos[glyph] : font.glyphPos[glyph + 1]]


@pytest.mark.parametrize("with_ascii", [True, False])
def test_the_deflated_subset_inflates_to_it(with_ascii: bool) -> None:
    fonts.register_fonts()
    subsetter = Subsetter(pdfmetrics.getFont(fonts.FONT_NAME).face)
    codes = [0, *range(0x4E00, 0x4E00 + 200)] + (list(range(32, 128)) if with_ascii else [])
    program = subsetter.font_file(codes)
    deflated = subsetter.deflate(program)
    assert zlib.decompress(deflated) == program
    assert len(deflated) < len(program) * 0.8
