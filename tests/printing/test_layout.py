"""Long names and addresses wrap inside the page instead of running off it."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from reportlab.lib.units import mm

from counter_app.domain.application import Business
from counter_app.printing import DocumentKind, build, samples
from counter_app.printing.application_form import TITLES
from counter_app.printing.frame import A4, A5, TOP_EDGE, layout_for
from tests.printing import poppler

# The card's name field holds 30 bytes and its extension 20 more: 25 two-byte GB18030
# characters, the longest name a holder can have.
LONGEST_NAME = "爱新觉罗·乌拉那拉·钮祜禄·叶赫那拉·博尔济吉特氏"
assert len(LONGEST_NAME.encode("gb18030")) == 50
ADDRESS = (
    "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县爱新舍里镇乌珠牛录村二组第三十七号院"
    "（原察布查尔县农机修造厂家属院）西区12栋3单元502室，"
) * 3
ADDRESS = ADDRESS[:200]
assert len(ADDRESS) == 200
SLACK = 0.5  # points: pdftotext rounds its boxes


def long_documents() -> list[tuple[DocumentKind, object]]:
    holder = dataclasses.replace(samples.HOLDER, name=LONGEST_NAME, address=ADDRESS)
    return [
        (
            DocumentKind.APPLICATION_FORM,
            dataclasses.replace(samples.application_form(), holder=holder),
        ),
        (
            DocumentKind.ACCEPTANCE_RECEIPT,
            dataclasses.replace(samples.acceptance_receipt(), holder_name=LONGEST_NAME),
        ),
        (
            DocumentKind.PAYMENT_VOUCHER,
            dataclasses.replace(samples.payment_voucher(), payer=LONGEST_NAME),
        ),
        (
            DocumentKind.PICKUP_CONFIRMATION,
            dataclasses.replace(samples.pickup_confirmation(), holder_name=LONGEST_NAME),
        ),
        (
            DocumentKind.LOSS_REPORT_CONFIRMATION,
            dataclasses.replace(samples.loss_report_confirmation(), holder_name=LONGEST_NAME),
        ),
    ]


@pytest.mark.parametrize(("kind", "data"), long_documents(), ids=[k for k, _ in long_documents()])
def test_long_name_and_address_stay_inside_the_margins(kind: DocumentKind, data: object) -> None:
    pdf = build(kind, data)
    pages, words = poppler.words(pdf)
    pagesize = A5 if kind is DocumentKind.ACCEPTANCE_RECEIPT else A4
    assert pages[0] == pytest.approx(pagesize, abs=0.01)
    width, height = pagesize
    margin = layout_for(pagesize).side_margin
    for word in words:
        assert word.x_min >= margin - SLACK, word
        assert word.x_max <= width - margin + SLACK, word
        assert word.y_min >= TOP_EDGE - SLACK, word
        assert word.y_max <= height - 5 * mm, word
    # Nor over its neighbours: text that ran out of its cell would overlap the next cell's.
    for first, second in itertools.combinations(words, 2):
        assert not _overlap(first, second), (first, second)
    # Nothing was cut off or hidden: every character of the name (and address) is there.
    printed = "".join(word.text for word in words)
    assert LONGEST_NAME in printed or _in_order(LONGEST_NAME, printed)
    if kind is DocumentKind.APPLICATION_FORM:
        assert _in_order(ADDRESS, printed)


def test_the_long_name_wraps_where_the_column_is_narrow() -> None:
    kind, data = long_documents()[0]  # the form: the name shares its row with the sex
    _, words = poppler.words(build(kind, data))
    rows = {round(w.y_min) for w in words if set(w.text) & set(LONGEST_NAME[10:])}
    assert len(rows) >= 2


def _overlap(a: poppler.Word, b: poppler.Word) -> bool:
    return (
        a.page == b.page
        and min(a.x_max, b.x_max) - max(a.x_min, b.x_min) > SLACK
        and min(a.y_max, b.y_max) - max(a.y_min, b.y_min) > SLACK
    )


def _in_order(expected: str, printed: str) -> bool:
    """Every character of `expected`, in order, in `printed` (lines may interleave)."""
    position = 0
    for char in expected:
        position = printed.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def test_a_long_form_runs_on_with_the_frame_on_every_page() -> None:
    item = samples.application_form(Business.CORRECTION).corrections[0]
    data = dataclasses.replace(
        samples.application_form(Business.CORRECTION), corrections=(item,) * 60
    )
    pdf = build(DocumentKind.APPLICATION_FORM, data)
    pages, words = poppler.words(pdf)
    total = len(pages)
    assert total >= 2
    text = poppler.text(pdf)
    for number in range(1, total + 1):
        assert f"第 {number} 页 / 共 {total} 页" in text
    assert text.count(TITLES[Business.CORRECTION].zh) == total
    assert text.count(samples.RECEIPT_NO) >= 2 * total  # header and footer of every page
    # The correction table's header row is repeated on the pages it runs over.
    assert len({w.page for w in words if w.text == "原信息"}) >= 2
