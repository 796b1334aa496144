"""A ruled grid too long for one page hands over to ReportLab's Table and splits like one."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A5
from reportlab.platypus import SimpleDocTemplate

from counter_app.domain.rules import Label
from counter_app.printing.blocks import Field, grid
from counter_app.printing.fonts import register_fonts
from tests.printing.poppler import text


def test_a_grid_longer_than_a_page_continues_on_the_next() -> None:
    register_fonts()
    buffer = BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A5)
    fields = [Field(Label(f"项目{n}", f"Item {n}"), f"值{n:03d}") for n in range(120)]
    document.build([grid(fields, document.width)])
    pages = text(buffer.getvalue()).split("\f")
    printed = [p for p in pages if p.strip()]
    assert len(printed) >= 3
    everything = "".join(printed)
    for n in (0, 59, 119):  # first, middle and last fields, each exactly once
        assert everything.count(f"值{n:03d}") == 1
    assert "值000" in printed[0] and "值119" in printed[-1]
