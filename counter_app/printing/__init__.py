"""The printed documents: ReportLab PDFs from plain data, one module per document.

    from counter_app.printing import DocumentKind, build, build_acceptance_receipt
    pdf: bytes = build_acceptance_receipt(data, reprint=0)
    pdf = build(DocumentKind.ACCEPTANCE_RECEIPT, data, reprint=1)

Every document shares `frame.py` (outlet header, title, receipt number, page count, reprint
mark), embeds a subset of one CJK TrueType font (`fonts.py`) and is byte-identical when built
again from the same data. Documents are in Chinese with English subtitles (`labels.py`).
Building is CPU work of some milliseconds: run it off the GUI thread.
"""

from counter_app.domain.person import Holder, Representative, RepresentativeRole
from counter_app.printing.acceptance_receipt import build_acceptance_receipt
from counter_app.printing.application_form import build_application_form
from counter_app.printing.data import (
    AcceptanceReceiptData,
    ApplicationFormData,
    FeeLine,
    FieldCorrection,
    LossReportConfirmationData,
    MaterialCheck,
    PaymentVoucherData,
    PickupConfirmationData,
    StaffMember,
)
from counter_app.printing.fonts import FontMissing, register_fonts
from counter_app.printing.kinds import DocumentKind
from counter_app.printing.loss_report_confirmation import build_loss_report_confirmation
from counter_app.printing.payment_voucher import build_payment_voucher
from counter_app.printing.pickup_confirmation import build_pickup_confirmation
from counter_app.printing.registry import DATA_TYPES, DOCUMENTS, Builder, build

__all__ = [
    "DATA_TYPES",
    "DOCUMENTS",
    "AcceptanceReceiptData",
    "ApplicationFormData",
    "Builder",
    "DocumentKind",
    "FeeLine",
    "FieldCorrection",
    "FontMissing",
    "Holder",
    "LossReportConfirmationData",
    "MaterialCheck",
    "PaymentVoucherData",
    "PickupConfirmationData",
    "Representative",
    "RepresentativeRole",
    "StaffMember",
    "build",
    "build_acceptance_receipt",
    "build_application_form",
    "build_loss_report_confirmation",
    "build_payment_voucher",
    "build_pickup_confirmation",
    "register_fonts",
]
