"""Names of domain values as the clerk reads them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.domain.application import Business
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
