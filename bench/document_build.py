"""One acceptance receipt built by counter_app against a bare ReportLab page with the same
font, the same canvas settings and one line of text, both warm, in the same run. Prints both
medians and their ratio (goal ≤ 3), and what registering the font and building the first
receipt (which prepares what every later one reuses) cost once per process.

A third row draws the receipt's own text (read back with pdftotext) flat onto one page, with
no layout at all: what embedding that many glyphs costs by itself, the floor of any layout.

Run it as `.venv/bin/python -m bench.document_build`.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence

from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas

from bench.timing import Figure, Goal, median_ms, print_table
from counter_app.printing import fonts
from counter_app.printing.acceptance_receipt import build_acceptance_receipt
from counter_app.printing.samples import RECEIPT_NO, acceptance_receipt

GOAL = 3.0


def bare_page(lines: Sequence[str] = (f"社会保障卡业务受理回执 {RECEIPT_NO}",)) -> bytes:
    """The least a PDF with this font costs: the lines, the font subset, the same settings."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A5, invariant=1, initialFontName=fonts.FONT_NAME)
    canvas.setFont(fonts.FONT_NAME, 8)
    for number, line in enumerate(lines):
        canvas.drawString(30, 560 - 8 * number, line)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def text_of(pdf: bytes) -> list[str] | None:
    """The lines pdftotext reads from `pdf`; None without poppler-utils."""
    if shutil.which("pdftotext") is None:
        return None
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return [line for line in done.stdout.decode("utf-8").splitlines() if line.strip()]


def measure(quick: bool) -> list[Figure]:
    rounds = 15 if quick else 40
    start = time.perf_counter()
    fonts.register_fonts()  # the first call in this process: parses the font file
    first_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    fonts.register_fonts()
    again_us = (time.perf_counter() - start) * 1_000_000

    data = acceptance_receipt()
    start = time.perf_counter()
    build_acceptance_receipt(data)  # the first: prepares the font's unchanging subset part
    cold_ms = (time.perf_counter() - start) * 1000
    # Alternate the two so drift on a shared machine hits both alike.
    ours, bare = [], []
    for _ in range(3):
        bare.append(median_ms(bare_page, rounds))
        ours.append(median_ms(lambda: build_acceptance_receipt(data), rounds))
    bare_ms = min(bare)
    figures = [Figure("acceptance receipt (A5), median", min(ours), "ms", bare_ms, Goal(GOAL))]
    lines = text_of(build_acceptance_receipt(data))
    if lines is not None:
        flat_ms = median_ms(lambda: bare_page(lines), rounds)
        figures.append(Figure("its text drawn flat, no layout", flat_ms, "ms", bare_ms))
    return [
        *figures,
        Figure("font registration, first call", first_ms, "ms"),
        Figure("font registration, later calls", again_us, "µs"),
        Figure("first acceptance receipt, cold", cold_ms, "ms"),
    ]


def main() -> int:
    print_table(measure(quick=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
