"""What `pdftotext` reads back from each document: titles, numbers, names, masking."""

from __future__ import annotations

import dataclasses

import pytest

from counter_app.domain.application import Business
from counter_app.printing import (
    DocumentKind,
    acceptance_receipt,
    build,
    loss_report_confirmation,
    payment_voucher,
    pickup_confirmation,
    samples,
)
from counter_app.printing.application_form import TITLES
from counter_app.printing.frame import A4, A5
from tests.printing import poppler
from tests.printing.conftest import SAMPLES

TITLES_BY_SAMPLE = {
    **{f"application_form-{business}": TITLES[business] for business in Business},
    "payment_voucher": payment_voucher.TITLE,
    "acceptance_receipt": acceptance_receipt.TITLE,
    "pickup_confirmation": pickup_confirmation.TITLE,
    "loss_report_confirmation": loss_report_confirmation.TITLE,
}
FULL_NUMBERS = (
    samples.HOLDER.document_number,
    samples.AGENT.document_number,
    samples.OLD_CARD,
    samples.NEW_CARD,
)
MASKED_ID = "110105********002X"


def test_every_sample_has_a_title() -> None:
    assert set(TITLES_BY_SAMPLE) == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_title_receipt_number_and_holder_are_printed(name: str, pdfs: dict[str, bytes]) -> None:
    text = poppler.text(pdfs[name])
    assert TITLES_BY_SAMPLE[name].zh in text
    assert TITLES_BY_SAMPLE[name].en in text
    receipt_no = getattr(SAMPLES[name].data, "receipt_no", None)
    assert receipt_no and receipt_no in text
    assert samples.HOLDER.name in text


def test_acceptance_receipt_carries_what_the_rules_list(pdfs: dict[str, bytes]) -> None:
    text = poppler.text(pdfs["acceptance_receipt"])
    for expected in (
        samples.RECEIPT_NO,
        "换卡",  # business
        "卡片损坏",  # reason
        samples.rules().outlet.name,
        "王芳（工号 0101）",  # clerk
        "赵敏（工号 0201）",  # supervisor, once approved
        "2024-06-03 09:30",  # time of acceptance
        MASKED_ID,
        "D21****69",  # old card, masked
        "¥20.00",
        samples.VOUCHER_NO,
        "2024-06-17",  # expected pickup: ten working days later
        "领卡地点",
        "居民身份证原件",  # what to bring
        "领卡时须凭本回执办理",
        "12333",
        "签字",
    ):
        assert expected in text, expected


def test_receipt_before_approval_says_so() -> None:
    data = dataclasses.replace(samples.acceptance_receipt(), supervisor=None)
    text = poppler.text(build(DocumentKind.ACCEPTANCE_RECEIPT, data))
    assert "待复核" in text
    assert "赵敏" not in text


@pytest.mark.parametrize("name", sorted(set(SAMPLES) - {n for n in SAMPLES if "form" in n}))
def test_documents_that_leave_the_outlet_mask_every_number(
    name: str, pdfs: dict[str, bytes]
) -> None:
    pdf = pdfs[name]
    text = poppler.text(pdf)
    for number in FULL_NUMBERS:
        assert number not in text
        assert number.encode() not in pdf  # nor in the metadata
    if hasattr(SAMPLES[name].data, "document_number"):
        assert MASKED_ID in text


def test_application_form_carries_full_numbers_for_the_signature(pdfs: dict[str, bytes]) -> None:
    text = poppler.text(pdfs["application_form-reissue"])
    assert samples.HOLDER.document_number in text
    assert samples.AGENT.document_number in text
    assert samples.OLD_CARD in text


def test_correction_form_shows_old_and_new_values_and_certificate(pdfs: dict[str, bytes]) -> None:
    text = poppler.text(pdfs["application_form-correction"])
    for expected in ("原信息", "新信息", "王晓明", samples.OLD_ID_NUMBER, "第 0386 号"):
        assert expected in text, expected
    replacement = poppler.text(pdfs["application_form-replacement"])
    assert "原信息" not in replacement


def test_voucher_prints_the_amount_in_figures_and_words(pdfs: dict[str, bytes]) -> None:
    text = poppler.text(pdfs["payment_voucher"])
    assert "¥20.00" in text
    assert "贰拾元整" in text


def test_application_form_before_submission_has_no_receipt_number() -> None:
    data = dataclasses.replace(samples.application_form(), receipt_no=None)
    text = poppler.text(build(DocumentKind.APPLICATION_FORM, data))
    assert samples.RECEIPT_NO not in text
    assert "提交后生成" in text


def test_a_loss_confirmation_without_an_application_claims_no_receipt_number() -> None:
    data = dataclasses.replace(samples.loss_report_confirmation(), receipt_no=None)
    text = poppler.text(build(DocumentKind.LOSS_REPORT_CONFIRMATION, data))
    assert "受理编号" not in text and "提交后生成" not in text


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_receipt_is_a5_and_the_others_a4(name: str, pdfs: dict[str, bytes]) -> None:
    pages, _ = poppler.words(pdfs[name])
    expected = A5 if name == "acceptance_receipt" else A4
    assert len(pages) == 1  # every sample fits one page
    assert pages[0] == pytest.approx(expected, abs=0.01)
