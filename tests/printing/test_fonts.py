"""One CJK TrueType font, embedded and subset in every PDF; nothing else, Helvetica included."""

from __future__ import annotations

from pathlib import Path

import pytest

from counter_app.printing import DocumentKind, build, fonts, samples
from tests.printing import poppler
from tests.printing.conftest import SAMPLES


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_font_is_the_embedded_subset_cjk_font(name: str, pdfs: dict[str, bytes]) -> None:
    rows = poppler.fonts(pdfs[name])
    assert rows, "a document with text has at least one font"
    for row in rows:
        assert row.type == "TrueType"
        assert row.embedded, row
        assert row.subset, row
        assert "+WenQuanYiMicroHei" in row.name
        assert "Helvetica" not in row.name


def test_the_reprint_mark_and_codes_bring_no_other_font() -> None:
    pdf = build(DocumentKind.ACCEPTANCE_RECEIPT, samples.acceptance_receipt(), reprint=1)
    assert all(row.embedded and row.subset for row in poppler.fonts(pdf))
    assert b"Helvetica" not in pdf


def test_registration_happens_once(monkeypatch: pytest.MonkeyPatch) -> None:
    fonts.register_fonts()

    def parse_again(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the font file was parsed a second time")

    monkeypatch.setattr(fonts, "TTFont", parse_again)
    assert fonts.register_fonts() == fonts.FONT_NAME


def test_a_missing_font_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.ttc"
    monkeypatch.setenv(fonts.FONT_ENV, str(missing))
    with pytest.raises(fonts.FontMissing, match=r"nowhere\.ttc"):
        fonts.font_file()


def test_the_configured_font_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = fonts.font_file()
    monkeypatch.setenv(fonts.FONT_ENV, str(installed))
    assert fonts.font_file() == installed
