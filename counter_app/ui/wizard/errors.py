"""What the clerk reads when a business step is refused by the counter's records."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.api import errors
from counter_app.domain.masking import mask_card_number
from counter_app.ui.messages import describe_error
from counter_app.ui.wizard.texts import step_title

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
        case errors.CardUnderWay():
            return (
                translate(
                    "BusinessErrors",
                    "Card %1 is already being replaced: application %2 is under way. Its "
                    "card comes first; a second application is not taken.",
                )
                .replace("%1", mask_card_number(error.card_number))
                .replace("%2", error.receipt_no)
            )
    return _rule_refused(error) or describe_error(error)


def _rule_refused(error: Exception) -> str | None:
    """A rule the steps check, refused again where the application is stored: the steps were
    skipped or their answers changed on the way."""
    match error:
        case errors.StepNotDone():
            return translate(
                "BusinessErrors",
                "A step of this business was not completed (%1). Go back to it and complete it.",
            ).replace("%1", step_title(error.step))
        case errors.GuardianNeeded():
            return translate(
                "BusinessErrors", "The holder is %1 years old: a guardian must act for them."
            ).replace("%1", str(error.age))
        case errors.OverrideNotAuthorised():
            return translate(
                "BusinessErrors",
                "The old card differs from the document and no supervisor accepted it for this "
                "application. Ask a supervisor to authorise it.",
            )
        case errors.LossNotFormal():
            return translate(
                "BusinessErrors",
                "The lost card is not formally reported lost: record the formal loss first.",
            )
        case errors.MaterialsMissing():
            return translate("BusinessErrors", "Required materials are not ticked: %1.").replace(
                "%1", ", ".join(error.codes)
            )
        case errors.WrongFee():
            return translate(
                "BusinessErrors", "The fee must be ¥%1 by the rules. Check the fee page."
            ).replace("%1", f"{error.due:.2f}")
        case errors.UnknownWaiver() | errors.WaiverWithoutProof():
            return translate(
                "BusinessErrors",
                "The waiver needs a waiver the rules know and the number of its proof.",
            )
        case errors.NewCardIsOld():
            return translate(
                "BusinessErrors", "This is the old card. Put the new card in the reader."
            )
        case errors.NewCardDiffers():
            return translate(
                "BusinessErrors",
                "The new card does not carry the applicant's name and number. Check the card.",
            )
        case errors.HolderDocumentDiffers():
            return translate(
                "BusinessErrors",
                "The document shown is not the applicant's. Check the document or record an agent.",
            )
    return None
