"""The kinds of document the counter prints (no ReportLab here: cheap to import anywhere)."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    APPLICATION_FORM = "application_form"  # 申请表, one layout per business
    PAYMENT_VOUCHER = "payment_voucher"  # 缴费凭证
    ACCEPTANCE_RECEIPT = "acceptance_receipt"  # 受理回执 (A5)
    PICKUP_CONFIRMATION = "pickup_confirmation"  # 领卡确认单
    LOSS_REPORT_CONFIRMATION = "loss_report_confirmation"  # 挂失确认单
