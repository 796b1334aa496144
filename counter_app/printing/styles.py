"""Type sizes and colours shared by every document.

Every style names the CJK font: ReportLab's default (Helvetica) must never reach a PDF, and
wordWrap="CJK" lets names and addresses break between any two characters instead of running off.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from counter_app.printing.fonts import FONT_NAME

INK = colors.black
GREY = colors.HexColor("#555555")  # English subtitles: readable, but behind the Chinese
RULE = colors.HexColor("#888888")
SHADE = colors.HexColor("#EDEDED")  # section bars and label cells; survives a mono laser
STAMP = colors.HexColor("#C00000")  # the reprint mark

SUBTITLE_SIZE = 6.5

BODY = ParagraphStyle(
    "body", fontName=FONT_NAME, fontSize=9.5, leading=13, wordWrap="CJK", textColor=INK
)
LABEL = ParagraphStyle("label", parent=BODY, fontSize=8.5, leading=10)
VALUE = ParagraphStyle("value", parent=BODY, fontSize=10, leading=13)
EMPHASIS = ParagraphStyle("emphasis", parent=BODY, fontSize=12, leading=15)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10.5)
SECTION = ParagraphStyle("section", parent=BODY, fontSize=9.5, leading=12)
