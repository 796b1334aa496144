"""Poppler's command-line tools, the independent reader of what the documents print."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

IN_CI = os.environ.get("CI", "").lower() == "true"
TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool
    subset: bool


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    y_min: float  # from the top of the page, as pdftotext counts
    x_max: float
    y_max: float


def require(tool: str) -> str:
    """The tool's path; skips the test without it (fails in CI, where setup installs it)."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} is missing: install poppler-utils"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


def _run(tool: str, pdf: bytes, *args: str, output: bool = True) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in.pdf")
        source.write_bytes(pdf)
        command = [require(tool), *args, str(source)]
        if output:
            command.append("-")
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=True)
        return done.stdout


def text(pdf: bytes) -> str:
    return _run("pdftotext", pdf, "-enc", "UTF-8").decode("utf-8")


def fonts(pdf: bytes) -> list[FontRow]:
    lines = _run("pdffonts", pdf, output=False).decode("utf-8").splitlines()[2:]
    rows = []
    for line in lines:
        # name, type (may hold spaces), encoding, emb, sub, uni, object, generation
        parts = line.split()
        embedded, subset = parts[-5] == "yes", parts[-4] == "yes"
        rows.append(FontRow(parts[0], " ".join(parts[1:-6]), embedded, subset))
    return rows


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def words(pdf: bytes) -> tuple[list[tuple[float, float]], list[Word]]:
    """Page sizes and every word's box, from `pdftotext -bbox`."""
    html = _run("pdftotext", pdf, "-bbox", "-enc", "UTF-8").decode("utf-8")
    pages: list[tuple[float, float]] = []
    found: list[Word] = []
    for chunk in html.split("</page>"):
        size = _PAGE.search(chunk)
        if size is None:
            continue
        pages.append((float(size[1]), float(size[2])))
        for match in _WORD.finditer(chunk):
            box = [float(value) for value in match.groups()[:4]]
            found.append(Word(len(pages), match[5], *box))
    return pages, found


def png(pdf: bytes, dpi: int = 50) -> Image.Image:
    """The first page as the golden tests store it: `pdftoppm -r 50 -png`."""
    # Without an output root pdftoppm writes the (single) page to standard output.
    data = _run("pdftoppm", pdf, "-r", str(dpi), "-png", "-singlefile", output=False)
    return Image.open(BytesIO(data)).convert("RGB")
