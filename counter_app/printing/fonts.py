"""The one CJK font every document uses, embedded and subset in every PDF.

ReportLab embeds TrueType outlines only (not CFF/OTF such as Noto CJK), so the font is WenQuanYi
Micro Hei from Debian's fonts-wqy-microhei. `COUNTER_APP_CJK_FONT` names another TrueType file
(or .ttc, first face) for a machine that keeps it elsewhere; the golden files in the tests are
made with the Debian one.
"""

from __future__ import annotations

import functools
import os
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "WenQuanYiMicroHei"
FONT_ENV = "COUNTER_APP_CJK_FONT"
DEFAULT_FONT_FILES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),  # Fedora's layout
)

_lock = threading.Lock()
_registered = False


class FontMissing(RuntimeError):
    """No usable CJK TrueType font: the printed documents cannot be made."""


def font_file() -> Path:
    """The font file in force: $COUNTER_APP_CJK_FONT, else the first installed default."""
    configured = os.environ.get(FONT_ENV)
    candidates = (Path(configured),) if configured else DEFAULT_FONT_FILES
    for path in candidates:
        if path.is_file():
            return path
    names = ", ".join(str(path) for path in candidates)
    raise FontMissing(f"no CJK font at {names}: install fonts-wqy-microhei (or set {FONT_ENV})")


def register_fonts() -> str:
    """Register the CJK font with ReportLab once per process and return its name.

    The first call parses the font file (tens of milliseconds); later calls return at once.
    Documents are built on background threads, hence the lock.
    """
    global _registered
    if _registered:
        return FONT_NAME
    with _lock:
        if not _registered:
            path = font_file()
            try:
                font = TTFont(FONT_NAME, str(path), subfontIndex=0)
            except Exception as error:  # ReportLab raises TTFError and plain errors alike
                raise FontMissing(f"{path} is not a usable TrueType font: {error}") from error
            _keep_tables(font)
            pdfmetrics.registerFont(font)
            # One face only: <b> and <i> must map back to it, never to Helvetica-Bold.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            _registered = True
    return FONT_NAME


def _keep_tables(font: TTFont) -> None:
    """Keep the font file's tables once read: every PDF's subset copies some whole (`name`,
    `cvt `, `fpgm`, …) and slices glyphs out of `glyf`, which ReportLab otherwise copies out of
    the file (3.5 MB for WenQuanYi) for each document. The tables never change; the subset made
    from them is byte for byte the same."""
    font.face.get_table = functools.cache(font.face.get_table)
