"""Reproducible output, compared with the golden files in tests/printing/golden/.

Each sample document has a golden PDF (compared byte for byte) and a golden PNG of its first
page (`pdftoppm -r 50 -png`, compared within a tolerance so that another Poppler's
anti-aliasing passes while a changed field, a missing QR code or barcode, or a moved block
does not).

After an intended change to a document, regenerate them and review the PNGs before committing:

    COUNTER_APP_UPDATE_GOLDEN=1 .venv/bin/pytest tests/printing/test_golden.py

Without that variable a missing or different golden file fails the test; it is never written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from counter_app.printing import DocumentKind, build, samples
from tests.printing import poppler
from tests.printing.conftest import SAMPLES

GOLDEN = Path(__file__).with_name("golden")
UPDATE = os.environ.get("COUNTER_APP_UPDATE_GOLDEN") == "1"
MAX_MEAN_DIFFERENCE = 0.5  # grey levels of 255, over the whole page
MAX_TILE_DIFFERENCE = 8.0  # over any 16 × 16 pixel square: one changed name is about 10
TILE = 16


def page_difference(expected: Image.Image, actual: Image.Image) -> tuple[float, float]:
    """Mean absolute grey-level difference over the page, and over its worst tile."""
    assert expected.size == actual.size, f"page size {actual.size}, golden {expected.size}"
    diff = ImageChops.difference(expected.convert("L"), actual.convert("L"))
    width, height = diff.size
    worst = max(
        ImageStat.Stat(diff.crop((x, y, min(x + TILE, width), min(y + TILE, height)))).mean[0]
        for y in range(0, height, TILE)
        for x in range(0, width, TILE)
    )
    return ImageStat.Stat(diff).mean[0], worst


def _golden(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing: run with COUNTER_APP_UPDATE_GOLDEN=1 (see this module)")
    return path


def test_building_twice_gives_the_same_bytes() -> None:
    data = samples.acceptance_receipt()
    first = build(DocumentKind.ACCEPTANCE_RECEIPT, data)
    build(DocumentKind.APPLICATION_FORM, samples.application_form())  # nothing carries over
    assert build(DocumentKind.ACCEPTANCE_RECEIPT, data) == first


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_pdf_matches_golden(name: str, pdfs: dict[str, bytes]) -> None:
    path = GOLDEN / f"{name}.pdf"
    if UPDATE:
        path.write_bytes(pdfs[name])
    assert pdfs[name] == _golden(path).read_bytes(), f"{name} differs from {path}"


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_rendered_page_matches_golden(name: str, pdfs: dict[str, bytes]) -> None:
    path = GOLDEN / f"{name}.png"
    page = poppler.png(pdfs[name])
    if UPDATE:
        page.convert("L").save(path, optimize=True)  # grey is all the comparison reads
    with Image.open(_golden(path)) as expected:
        mean, worst = page_difference(expected, page)
    assert mean <= MAX_MEAN_DIFFERENCE, f"{name}: mean difference {mean:.2f}"
    assert worst <= MAX_TILE_DIFFERENCE, f"{name}: worst tile difference {worst:.2f}"


def test_page_comparison_sees_a_missing_qr_code(pdfs: dict[str, bytes]) -> None:
    page = poppler.png(pdfs["acceptance_receipt"])
    blanked = page.copy()
    # Where the QR code is at 50 dpi (12 mm from the left edge, under the header): paint it out.
    blanked.paste((255, 255, 255), (24, 62, 62, 102))
    _, worst = page_difference(page, blanked)
    assert worst > MAX_TILE_DIFFERENCE


def test_page_comparison_sees_a_reprint_mark(pdfs: dict[str, bytes]) -> None:
    original = poppler.png(pdfs["acceptance_receipt"])
    sample = SAMPLES["acceptance_receipt"]
    reprint = poppler.png(build(sample.kind, sample.data, reprint=1))
    _, worst = page_difference(original, reprint)
    assert worst > MAX_TILE_DIFFERENCE
