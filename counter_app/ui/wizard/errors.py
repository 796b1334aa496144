"""What the clerk reads when a business step is refused by the counter's records."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.api import errors
from counter_app.ui.messages import describe_error

translate = QCoreApplication.translate


def describe_business_error(error: Exception) -> str:
    match error:
        case errors.TakenByAnotherClerk():
            return (
                translate(
                    "BusinessErrors",
                    "Clerk %1 %2 is already handling this business for this person. "
                    "Ask them to finish or cancel it first.",
                )
                .replace("%1", error.staff_no)
                .replace("%2", error.staff_name)
            )
        case errors.NotADraft():
            return translate(
                "BusinessErrors", "This application is no longer a draft; it cannot be changed."
            )
        case errors.CardOfAnotherPerson():
            return translate(
                "BusinessErrors", "This card is recorded for another person. Check the card."
            )
        case errors.CardCancelled():
            return translate("BusinessErrors", "This card is cancelled.")
        case errors.NotCollected():
            return translate(
                "BusinessErrors",
                "This card has not been collected: it is kept at the outlet and cannot be "
                "reported lost.",
            )
        case errors.AlreadyLost():
            return translate("BusinessErrors", "This card is already reported lost.")
        case errors.NotLost():
            return translate("BusinessErrors", "This card is not reported lost.")
        case errors.ReissueUnderWay():
            return translate(
                "BusinessErrors",
                "A reissue is under way for this card: its formal loss cannot be cancelled.",
            )
        case errors.NotReadyForPickup():
            return translate("BusinessErrors", "The card is not ready for pickup yet.")
    return describe_error(error)
