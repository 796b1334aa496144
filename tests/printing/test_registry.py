"""The registry: one builder per kind of document, each from its own data."""

from __future__ import annotations

import pytest

from counter_app.domain.application import Business, Reason
from counter_app.domain.card import LossChannel, LossKind
from counter_app.domain.person import DocumentType, RepresentativeRole, Sex
from counter_app.printing import DATA_TYPES, DOCUMENTS, DocumentKind, build, labels, samples


def test_every_kind_has_a_builder_and_a_data_type() -> None:
    assert set(DOCUMENTS) == set(DocumentKind)
    assert set(DATA_TYPES) == set(DocumentKind)


def test_the_registry_builds_pdf_bytes() -> None:
    pdf = DOCUMENTS[DocumentKind.PAYMENT_VOUCHER](samples.payment_voucher(), reprint=0)
    assert pdf.startswith(b"%PDF-")


def test_data_of_another_document_is_refused() -> None:
    with pytest.raises(TypeError, match="AcceptanceReceiptData"):
        build(DocumentKind.ACCEPTANCE_RECEIPT, samples.payment_voucher())


@pytest.mark.parametrize(
    ("table", "enum"),
    [
        (labels.BUSINESS, Business),
        (labels.REASON, Reason),
        (labels.DOCUMENT_TYPE, DocumentType),
        (labels.SEX, Sex),
        (labels.LOSS_KIND, LossKind),
        (labels.LOSS_CHANNEL, LossChannel),
        (labels.REPRESENTATIVE_ROLE, RepresentativeRole),
    ],
)
def test_every_domain_value_has_a_printed_name(table: dict, enum: type) -> None:
    assert set(table) == set(enum)
    assert all(label.zh and label.en for label in table.values())


@pytest.mark.parametrize(("code", "name"), [("01", "汉族"), ("1", "汉族"), ("56", "基诺族")])
def test_ethnicity_codes_are_named(code: str, name: str) -> None:
    assert labels.ethnicity_name(code) == name


def test_an_ethnicity_already_named_is_kept() -> None:
    assert labels.ethnicity_name("满族") == "满族"
    assert labels.ethnicity_name("99") == "99"  # unknown code: shown as recorded
