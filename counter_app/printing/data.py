"""What each document prints: plain, immutable data the caller fills from its services.

Documents never see a database session. Numbers arrive in full; each document decides what to
mask (see the module of each document). Times may be aware (shown in the workstation's local
time) or naive (taken as local already); dates are plain dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from counter_app.domain.application import Business, Reason
from counter_app.domain.card import LossChannel, LossKind
from counter_app.domain.person import DocumentType, Holder, Representative
from counter_app.domain.rules import Label, Outlet

HOTLINE = "12333"  # the national human resources and social security hotline


@dataclass(frozen=True)
class StaffMember:
    staff_no: str
    name: str


@dataclass(frozen=True)
class MaterialCheck:
    label: Label  # from the rules' materials catalogue
    required: bool
    provided: bool


@dataclass(frozen=True)
class FieldCorrection:
    """One item of a correction, old and new value as the clerk recorded them."""

    item: Label
    old: str
    new: str


@dataclass(frozen=True)
class FeeLine:
    amount: Decimal
    voucher_no: str | None = None
    waiver: Label | None = None  # from the rules' waivers; the amount is then 0.00


@dataclass(frozen=True)
class ApplicationFormData:
    outlet: Outlet
    business: Business
    reason: Reason | None
    holder: Holder
    clerk: StaffMember
    applied_on: date
    receipt_no: str | None = None  # taken at submission; the form is often printed before
    old_card_number: str | None = None
    representative: Representative | None = None
    materials: tuple[MaterialCheck, ...] = ()
    fee: FeeLine | None = None
    corrections: tuple[FieldCorrection, ...] = ()
    certificate_no: str | None = None  # the public security organ's change certificate


@dataclass(frozen=True)
class PaymentVoucherData:
    outlet: Outlet
    receipt_no: str
    voucher_no: str
    business: Business
    reason: Reason | None
    payer: str
    amount: Decimal
    paid_at: datetime
    clerk: StaffMember
    waiver: Label | None = None


@dataclass(frozen=True)
class AcceptanceReceiptData:
    outlet: Outlet
    receipt_no: str
    business: Business
    reason: Reason | None
    clerk: StaffMember
    accepted_at: datetime
    holder_name: str
    document_type: DocumentType
    document_number: str
    fee: FeeLine
    expected_pickup_date: date
    pickup_place: str
    bring_at_pickup: tuple[Label, ...]
    old_card_number: str | None = None
    supervisor: StaffMember | None = None  # once approved
    hotline: str = HOTLINE


@dataclass(frozen=True)
class PickupConfirmationData:
    outlet: Outlet
    receipt_no: str
    holder_name: str
    document_type: DocumentType
    document_number: str
    new_card_number: str
    collected_at: datetime
    clerk: StaffMember
    collector: Representative | None = None  # None: the holder in person
    old_card_number: str | None = None  # cancelled when the new card is activated


@dataclass(frozen=True)
class LossReportConfirmationData:
    outlet: Outlet
    holder_name: str
    document_type: DocumentType
    document_number: str
    card_number: str
    kind: LossKind
    channel: LossChannel
    reported_at: datetime
    clerk: StaffMember
    receipt_no: str | None = None
    expires_on: date | None = None  # a temporary loss lapses on this day
    hotline: str = HOTLINE
