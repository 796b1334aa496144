"""Which function builds which kind of document, and from which data."""

from __future__ import annotations

from typing import Any, Protocol

from counter_app.printing.acceptance_receipt import build_acceptance_receipt
from counter_app.printing.application_form import build_application_form
from counter_app.printing.data import (
    AcceptanceReceiptData,
    ApplicationFormData,
    LossReportConfirmationData,
    PaymentVoucherData,
    PickupConfirmationData,
)
from counter_app.printing.kinds import DocumentKind
from counter_app.printing.loss_report_confirmation import build_loss_report_confirmation
from counter_app.printing.payment_voucher import build_payment_voucher
from counter_app.printing.pickup_confirmation import build_pickup_confirmation


class Builder(Protocol):
    def __call__(self, data: Any, reprint: int = 0) -> bytes:
        """The PDF for `data`; `reprint` counts reprints (0: the original)."""
        ...


DOCUMENTS: dict[DocumentKind, Builder] = {
    DocumentKind.APPLICATION_FORM: build_application_form,
    DocumentKind.PAYMENT_VOUCHER: build_payment_voucher,
    DocumentKind.ACCEPTANCE_RECEIPT: build_acceptance_receipt,
    DocumentKind.PICKUP_CONFIRMATION: build_pickup_confirmation,
    DocumentKind.LOSS_REPORT_CONFIRMATION: build_loss_report_confirmation,
}

DATA_TYPES: dict[DocumentKind, type] = {
    DocumentKind.APPLICATION_FORM: ApplicationFormData,
    DocumentKind.PAYMENT_VOUCHER: PaymentVoucherData,
    DocumentKind.ACCEPTANCE_RECEIPT: AcceptanceReceiptData,
    DocumentKind.PICKUP_CONFIRMATION: PickupConfirmationData,
    DocumentKind.LOSS_REPORT_CONFIRMATION: LossReportConfirmationData,
}


def build(kind: DocumentKind, data: object, reprint: int = 0) -> bytes:
    """The PDF of `kind`; TypeError when `data` is another document's."""
    expected = DATA_TYPES[kind]
    if not isinstance(data, expected):
        raise TypeError(f"{kind} is built from {expected.__name__}, not {type(data).__name__}")
    return DOCUMENTS[kind](data, reprint=reprint)
