"""The QR code printed is exactly the one ReportLab's encoder makes, mask choice included."""

from __future__ import annotations

import random

import pytest
from reportlab.graphics.barcode import qrencoder

from counter_app.printing.codes import penalty, qr_modules

_RANDOM = random.Random(20240603)
DIGITS = "0123456789"
TEXT = "ABCXYZ0189 $%*+-./:收件"  # alphanumeric mode, then bytes once a CJK character comes
# Receipt numbers, then longer digit strings and text up to version 10 (version information
# from 7 on, more alignment patterns), so each mask and layout gets exercised.
VALUES = [
    "320100001202406030001",
    "320100001202406039999",
    *("".join(_RANDOM.choices(DIGITS, k=_RANDOM.randint(1, 500))) for _ in range(60)),
    *("".join(_RANDOM.choices(TEXT, k=_RANDOM.randint(1, 120))) for _ in range(30)),
]


def _reportlab(value: str) -> qrencoder.QRCode:
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return code


def test_values_reach_the_larger_versions() -> None:
    assert {_reportlab(value).version for value in VALUES} >= set(range(1, 11))


@pytest.mark.parametrize("value", VALUES)
def test_the_modules_are_reportlabs(value: str) -> None:
    expected = [[bool(module) for module in row] for row in _reportlab(value).modules]
    assert qr_modules(value) == expected


@pytest.mark.parametrize("mask", range(8))
def test_penalty_is_reportlabs_lost_points(mask: int) -> None:
    code = _reportlab(VALUES[0] * 3)
    code.makeImpl(True, mask)
    rows = [b"".join(b"1" if module else b"0" for module in row) for row in code.modules]
    assert penalty(rows) == qrencoder.QRUtil.getLostPoint(code)
