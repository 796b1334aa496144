"""Reprints say so on the page, with their count; originals do not."""

from __future__ import annotations

import pytest

from counter_app.printing import DocumentKind, build, samples
from tests.printing import poppler
from tests.printing.conftest import SAMPLES


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_reprint_is_marked_with_its_count(name: str, pdfs: dict[str, bytes]) -> None:
    sample = SAMPLES[name]
    text = poppler.text(build(sample.kind, sample.data, reprint=3))
    assert "重打" in text
    assert "REPRINT" in text
    assert "第 3 次" in text
    original = poppler.text(pdfs[name])
    assert "重打" not in original
    assert "REPRINT" not in original


def test_reprint_count_cannot_be_negative() -> None:
    with pytest.raises(ValueError, match="reprint"):
        build(DocumentKind.ACCEPTANCE_RECEIPT, samples.acceptance_receipt(), reprint=-1)
