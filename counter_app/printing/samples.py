"""Sample data for every document: the printer test page, the golden files, the benchmark.

Fixed values only (no clock, no random): the same samples always make the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from counter_app.domain.application import Business, Reason
from counter_app.domain.card import LossChannel, LossKind
from counter_app.domain.person import DocumentType, Holder, Representative, RepresentativeRole, Sex
from counter_app.domain.rules import Label, LocalityRules
from counter_app.printing.acceptance_receipt import pickup_checklist
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
from counter_app.printing.kinds import DocumentKind
from counter_app.resources import load_rules

RECEIPT_NO = "320100001202406030001"
VOUCHER_NO = "JF202406030001"
ACCEPTED_AT = datetime(2024, 6, 3, 9, 30)  # naive: local time at the outlet
CLERK = StaffMember("0101", "王芳")
SUPERVISOR = StaffMember("0201", "赵敏")
HOLDER = Holder(
    name="王小明",
    document_type=DocumentType.RESIDENT_ID,
    document_number="11010519491231002X",
    sex=Sex.MALE,
    ethnicity="01",
    birth_date=date(1949, 12, 31),
    address="江苏省南京市玄武区中山路 18 号 3 幢 502 室",
    phone="13800138000",
)
OLD_CARD = "D21234569"
OLD_ID_NUMBER = "110105491231002"  # the first-generation number a correction upgrades
NEW_CARD = "D31234568"
AGENT = Representative(
    role=RepresentativeRole.AGENT,
    name="李娜",
    document_type=DocumentType.RESIDENT_ID,
    document_number="440524188001010014",
    relationship="配偶 Spouse",
    phone="13900139000",
)


def rules() -> LocalityRules:
    return load_rules()


def application_form(business: Business = Business.REPLACEMENT) -> ApplicationFormData:
    """A form for `business`, with the reason, fee and checklist the shipped rules give it."""
    reason = {
        Business.REPLACEMENT: Reason.DAMAGED,
        Business.REISSUE: Reason.LOST,
        Business.CORRECTION: Reason.NAME,
        Business.PICKUP: None,
        Business.LOSS_REPORT: Reason.LOST,
    }[business]
    local = rules()
    materials = tuple(
        MaterialCheck(m.label, m.required, provided=m.required)
        for m in local.materials_for(business, reason)
    )
    corrections: tuple[FieldCorrection, ...] = ()
    certificate = None
    if business is Business.CORRECTION:
        corrections = (
            FieldCorrection(Label("姓名", "Name"), "王晓明", HOLDER.name),
            FieldCorrection(
                Label("公民身份号码", "ID number"), OLD_ID_NUMBER, HOLDER.document_number
            ),
        )
        certificate = "玄公（户）字〔2024〕第 0386 号"
    return ApplicationFormData(
        outlet=local.outlet,
        business=business,
        reason=reason,
        holder=HOLDER,
        clerk=CLERK,
        applied_on=ACCEPTED_AT.date(),
        receipt_no=RECEIPT_NO,
        old_card_number=OLD_CARD if business is not Business.PICKUP else None,
        representative=AGENT if business is Business.REISSUE else None,
        materials=materials,
        fee=FeeLine(local.fee_for(business, reason), VOUCHER_NO),
        corrections=corrections,
        certificate_no=certificate,
    )


def payment_voucher() -> PaymentVoucherData:
    return PaymentVoucherData(
        outlet=rules().outlet,
        receipt_no=RECEIPT_NO,
        voucher_no=VOUCHER_NO,
        business=Business.REPLACEMENT,
        reason=Reason.DAMAGED,
        payer=HOLDER.name,
        amount=Decimal("20.00"),
        paid_at=ACCEPTED_AT,
        clerk=CLERK,
    )


def acceptance_receipt() -> AcceptanceReceiptData:
    local = rules()
    return AcceptanceReceiptData(
        outlet=local.outlet,
        receipt_no=RECEIPT_NO,
        business=Business.REPLACEMENT,
        reason=Reason.DAMAGED,
        clerk=CLERK,
        accepted_at=ACCEPTED_AT,
        holder_name=HOLDER.name,
        document_type=HOLDER.document_type,
        document_number=HOLDER.document_number,
        fee=FeeLine(local.fee_for(Business.REPLACEMENT, Reason.DAMAGED), VOUCHER_NO),
        expected_pickup_date=local.expected_pickup_date(ACCEPTED_AT.date()),
        pickup_place=f"{local.outlet.name}（本网点柜台）",
        bring_at_pickup=pickup_checklist(local),
        old_card_number=OLD_CARD,
        supervisor=SUPERVISOR,
    )


def pickup_confirmation() -> PickupConfirmationData:
    return PickupConfirmationData(
        outlet=rules().outlet,
        receipt_no=RECEIPT_NO,
        holder_name=HOLDER.name,
        document_type=HOLDER.document_type,
        document_number=HOLDER.document_number,
        new_card_number=NEW_CARD,
        collected_at=datetime(2024, 6, 17, 14, 5),
        clerk=StaffMember("0102", "刘强"),
        collector=AGENT,
        old_card_number=OLD_CARD,
    )


def loss_report_confirmation() -> LossReportConfirmationData:
    local = rules()
    reported = datetime(2024, 6, 3, 10, 15)
    return LossReportConfirmationData(
        outlet=local.outlet,
        holder_name=HOLDER.name,
        document_type=HOLDER.document_type,
        document_number=HOLDER.document_number,
        card_number=OLD_CARD,
        kind=LossKind.TEMPORARY,
        channel=LossChannel.COUNTER,
        reported_at=reported,
        clerk=CLERK,
        receipt_no="320100001202406030002",
        expires_on=local.temporary_loss_expires(reported.date()),
    )


@dataclass(frozen=True)
class Sample:
    """One page of the printer test: `name` is its file name without `.pdf`."""

    name: str
    kind: DocumentKind
    data: object


def all_samples() -> tuple[Sample, ...]:
    """Every document, the application form once per business."""
    forms = tuple(
        Sample(
            f"{DocumentKind.APPLICATION_FORM}-{business}",
            DocumentKind.APPLICATION_FORM,
            application_form(business),
        )
        for business in Business
    )
    return (
        *forms,
        Sample(str(DocumentKind.PAYMENT_VOUCHER), DocumentKind.PAYMENT_VOUCHER, payment_voucher()),
        Sample(
            str(DocumentKind.ACCEPTANCE_RECEIPT),
            DocumentKind.ACCEPTANCE_RECEIPT,
            acceptance_receipt(),
        ),
        Sample(
            str(DocumentKind.PICKUP_CONFIRMATION),
            DocumentKind.PICKUP_CONFIRMATION,
            pickup_confirmation(),
        ),
        Sample(
            str(DocumentKind.LOSS_REPORT_CONFIRMATION),
            DocumentKind.LOSS_REPORT_CONFIRMATION,
            loss_report_confirmation(),
        ),
    )
