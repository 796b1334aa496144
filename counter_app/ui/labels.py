"""Names of domain values as the clerk reads them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.domain.application import Business, Reason, State
from counter_app.domain.card import CardStatus, LossChannel, LossKind
from counter_app.domain.person import DocumentType, Sex
from counter_app.domain.roles import Role

# Called by this exact name so that lupdate finds every label.
translate = QCoreApplication.translate


def business_label(business: Business) -> str:
    return {
        Business.REPLACEMENT: translate("Labels", "Replacement"),
        Business.REISSUE: translate("Labels", "Reissue after loss"),
        Business.CORRECTION: translate("Labels", "Correct holder information"),
        Business.PICKUP: translate("Labels", "Pickup and activation"),
        Business.LOSS_REPORT: translate("Labels", "Loss report"),
    }[business]


def role_label(role: Role) -> str:
    return {
        Role.CLERK: translate("Labels", "Clerk"),
        Role.SUPERVISOR: translate("Labels", "Supervisor"),
        Role.ADMINISTRATOR: translate("Labels", "Administrator"),
    }[role]


def reason_label(reason: Reason) -> str:
    return {
        Reason.EXPIRED: translate("Labels", "Expired"),
        Reason.DAMAGED: translate("Labels", "Damaged"),
        Reason.UPGRADE: translate("Labels", "Upgrade to a newer card"),
        Reason.INFORMATION_CHANGE: translate("Labels", "Information on the card changed"),
        Reason.LOST: translate("Labels", "Lost"),
        Reason.QUALITY: translate("Labels", "Quality problem"),
        Reason.ID_NUMBER: translate("Labels", "Wrong or 15-digit ID number"),
        Reason.NAME: translate("Labels", "Name changed"),
        Reason.OTHER_ITEM: translate("Labels", "Another item"),
    }[reason]


def state_label(state: State) -> str:
    return {
        State.DRAFT: translate("Labels", "Draft"),
        State.SUBMITTED: translate("Labels", "Submitted"),
        State.APPROVED: translate("Labels", "Approved"),
        State.REJECTED: translate("Labels", "Rejected"),
        State.IN_PRODUCTION: translate("Labels", "In production"),
        State.READY: translate("Labels", "Ready for pickup"),
        State.ISSUED: translate("Labels", "Issued"),
        State.CANCELLED: translate("Labels", "Cancelled"),
    }[state]


def sex_label(sex: Sex) -> str:
    return {
        Sex.MALE: translate("Labels", "Male"),
        Sex.FEMALE: translate("Labels", "Female"),
        Sex.UNSPECIFIED: translate("Labels", "Unspecified"),
    }[sex]


def document_type_label(document_type: DocumentType) -> str:
    return {
        DocumentType.RESIDENT_ID: translate("Labels", "Resident ID card"),
        DocumentType.HK_MACAO_PERMIT: translate("Labels", "Hong Kong/Macao permit"),
        DocumentType.TAIWAN_PERMIT: translate("Labels", "Taiwan permit"),
        DocumentType.FOREIGN_PERMANENT_RESIDENT: translate(
            "Labels", "Foreign permanent resident ID"
        ),
        DocumentType.PASSPORT: translate("Labels", "Passport"),
    }[document_type]


def card_status_label(status: CardStatus) -> str:
    return {
        CardStatus.ACTIVE: translate("Labels", "In use"),
        CardStatus.LOST_TEMPORARY: translate("Labels", "Reported lost (temporary)"),
        CardStatus.LOST_FORMAL: translate("Labels", "Reported lost (formal)"),
        CardStatus.PENDING_PICKUP: translate("Labels", "Waiting for pickup"),
        CardStatus.CANCELLED: translate("Labels", "Card cancelled"),
    }[status]


def loss_kind_label(kind: LossKind) -> str:
    return {
        LossKind.TEMPORARY: translate("Labels", "Temporary"),
        LossKind.FORMAL: translate("Labels", "Formal"),
    }[kind]


def loss_channel_label(channel: LossChannel) -> str:
    return {
        LossChannel.HOTLINE: translate("Labels", "12333 hotline"),
        LossChannel.COUNTER: translate("Labels", "Counter"),
    }[channel]
