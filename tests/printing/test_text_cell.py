"""Cells drawn directly when they fit, wrapped the CJK way by a Paragraph when they do not."""

from __future__ import annotations

from counter_app.printing import register_fonts, styles
from counter_app.printing.codes import QrCode
from counter_app.printing.text import Run, TextCell


def test_text_that_fits_takes_one_line_per_line() -> None:
    register_fonts()
    cell = TextCell([[Run("王小明", 10)], [Run("Holder", 6.5)]], styles.VALUE)
    width, height = cell.wrap(200, 100)
    assert width == 200
    assert height == (10 + 6.5) * 1.25
    assert cell.paragraph is None


def test_the_narrow_layout_is_taken_before_wrapping() -> None:
    register_fonts()
    cell = TextCell(
        [[Run("持卡人姓名 ", 8.5), Run("Holder", 6.5)]],
        styles.LABEL,
        narrow=[
            [Run("持卡人姓名", 8.5)],
            [Run("Holder", 6.5)],
        ],
    )
    _, one_line = cell.wrap(200, 100)
    _, two_lines = cell.wrap(50, 100)
    assert two_lines > one_line
    assert cell.paragraph is None


def test_text_too_wide_is_wrapped_between_cjk_characters() -> None:
    register_fonts()
    name = "爱新觉罗·乌拉那拉·钮祜禄·叶赫那拉·博尔济吉特氏"
    cell = TextCell([[Run(name, 10)]], styles.VALUE)
    width, height = cell.wrap(100, 1000)
    assert cell.paragraph is not None
    assert cell.paragraph.style.wordWrap == "CJK"
    assert width <= 100
    assert height >= 3 * styles.VALUE.leading  # 25 characters of 10 pt in 100 pt


def test_qr_code_has_finder_patterns_in_three_corners() -> None:
    modules = QrCode("320100001202406030001", 58).modules
    size = len(modules)
    assert size == 21  # version 1 holds the 21-digit receipt number
    for row, column in ((0, 0), (0, size - 7), (size - 7, 0)):
        assert all(modules[row][column + i] for i in range(7))  # the finder's top edge
        assert not modules[row + 1][column + 1]  # its white ring
        assert modules[row + 3][column + 3]  # its dark centre
    assert not all(modules[size - 7][size - 7 + i] for i in range(7))  # none bottom right
