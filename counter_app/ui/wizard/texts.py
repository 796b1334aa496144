"""The words of the business pages: step titles, field labels, choices, and what a problem
tells the clerk. The flows name things; this module says them in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from counter_app.domain.application import Reason
from counter_app.domain.card import CardStatus, LossAction
from counter_app.domain.masking import mask_card_number
from counter_app.domain.person import DocumentType, Sex
from counter_app.domain.rules import Label
from counter_app.printing.kinds import DocumentKind
from counter_app.ui.labels import card_status_label, document_type_label, reason_label, sex_label
from counter_app.workflows.fields import Choice, Field
from counter_app.workflows.names import CorrectedItem, Representation, StepId
from counter_app.workflows.problems import Code, Problem

# Called by this exact name so that lupdate finds every text.
translate = QCoreApplication.translate


def document_title(kind: DocumentKind) -> str:
    return {
        DocumentKind.APPLICATION_FORM: translate("Wizard", "Application form"),
        DocumentKind.PAYMENT_VOUCHER: translate("Wizard", "Payment voucher"),
        DocumentKind.ACCEPTANCE_RECEIPT: translate("Wizard", "Acceptance receipt"),
        DocumentKind.PICKUP_CONFIRMATION: translate("Wizard", "Pickup confirmation"),
        DocumentKind.LOSS_REPORT_CONFIRMATION: translate("Wizard", "Loss report confirmation"),
    }[kind]


def rules_text(label: Label) -> str:
    """A label from the locality rules, in the window's language."""
    return label.text(QLocale().name())


def step_title(step_id: str) -> str:
    return {
        StepId.REASON: translate("Wizard", "Reason"),
        StepId.HOLDER: translate("Wizard", "Holder"),
        StepId.REPRESENTATIVE: translate("Wizard", "Agent or guardian"),
        StepId.OLD_CARD: translate("Wizard", "Old card"),
        StepId.LOSS: translate("Wizard", "Loss report"),
        StepId.CORRECTION: translate("Wizard", "Correction"),
        StepId.MATERIALS: translate("Wizard", "Materials"),
        StepId.FEE: translate("Wizard", "Fee"),
        StepId.FORM: translate("Wizard", "Application form"),
        StepId.SUBMIT: translate("Wizard", "Submit"),
        StepId.RECEIPT: translate("Wizard", "Receipt"),
        StepId.COLLECTOR: translate("Wizard", "Who collects"),
        StepId.NEW_CARD: translate("Wizard", "New card"),
        StepId.ISSUE: translate("Wizard", "Hand over"),
        StepId.LOSS_ACTION: translate("Wizard", "Loss report"),
    }[StepId(step_id)]


def field_label(field: Field) -> str:
    if field.label is not None:
        return rules_text(field.label)
    return {
        "reason": translate("Wizard", "&Reason"),
        "document_type": translate("Wizard", "Document &type"),
        "document_number": translate("Wizard", "Document &number"),
        "name": translate("Wizard", "&Name"),
        "sex": translate("Wizard", "&Sex"),
        "birth_date": translate("Wizard", "&Birth date (YYYY-MM-DD)"),
        "ethnicity": translate("Wizard", "&Ethnicity"),
        "address": translate("Wizard", "&Address"),
        "phone": translate("Wizard", "&Phone"),
        "representative": translate("Wizard", "Who &applies"),
        "relationship": translate("Wizard", "&Relationship to the holder"),
        "card_number": translate("Wizard", "Card number"),
        "card_name": translate("Wizard", "Name on the card"),
        "card_ssn": translate("Wizard", "Number on the card"),
        "card_sex": translate("Wizard", "Sex on the card"),
        "card_birth_date": translate("Wizard", "Birth date on the card"),
        "unreadable": translate("Wizard", "The chip cannot be &read"),
        "typed_card_number": translate("Wizard", "Card number from the card's &face"),
        "card": translate("Wizard", "&Card"),
        "action": translate("Wizard", "&What to do"),
        "item": translate("Wizard", "&Item to correct"),
        "old_value": translate("Wizard", "Recorded now"),
        "new_value": translate("Wizard", "&Corrected value"),
        "certificate_no": translate("Wizard", "Change &certificate no."),
        "certificate_office": translate("Wizard", "Issuing &office"),
        "amount": translate("Wizard", "Amount due"),
        "waiver": translate("Wizard", "&Waiver"),
        "waiver_proof": translate("Wizard", "Waiver &proof no."),
        "collected": translate("Wizard", "Fee &collected"),
        "printed": translate("Wizard", "Form printed"),
        "signed": translate("Wizard", "The applicant has &signed the form"),
        "receipt_no": translate("Wizard", "&Receipt number (type or scan)"),
        "called_on": translate("Wizard", "Day the customer &called 12333"),
        "collector": translate("Wizard", "Who &collects"),
        "holder_document_number": translate("Wizard", "&Number on the holder's document"),
    }[field.name]


def choice_text(field: Field, choice: Choice, cards: dict[str, CardStatus]) -> str:
    if choice.label is not None:
        return rules_text(choice.label)
    if field.name == "card":
        status = cards.get(choice.value)
        suffix = f" · {card_status_label(status)}" if status else ""
        return mask_card_number(choice.value) + suffix
    texts = {
        **{r.value: reason_label(r) for r in Reason},
        **{t.value: document_type_label(t) for t in DocumentType},
        **{s.value: sex_label(s) for s in Sex},
        Representation.AGENT: translate("Wizard", "An agent"),
        Representation.GUARDIAN: translate("Wizard", "A guardian"),
        LossAction.REPORT_TEMPORARY: translate("Wizard", "Temporary loss report"),
        LossAction.REPORT_FORMAL: translate("Wizard", "Formal loss report"),
        LossAction.RECORD_HOTLINE: translate("Wizard", "Record a 12333 hotline loss report"),
        LossAction.CANCEL: translate("Wizard", "Cancel the loss report"),
        CorrectedItem.ADDRESS: translate("Wizard", "Address"),
        CorrectedItem.PHONE: translate("Wizard", "Phone"),
        CorrectedItem.ETHNICITY: translate("Wizard", "Ethnicity"),
        CorrectedItem.BIRTH_DATE: translate("Wizard", "Birth date"),
        CorrectedItem.SEX: translate("Wizard", "Sex"),
    }
    if choice.value == Representation.NONE:
        return translate("Wizard", "The holder in person")
    return texts[choice.value]


def differing_items(detail: str) -> str:
    names = {
        "name": translate("Wizard", "name"),
        "number": translate("Wizard", "number"),
        "sex": translate("Wizard", "sex"),
        "birth_date": translate("Wizard", "birth date"),
    }
    return translate("Wizard", ", ").join(names.get(item, item) for item in detail.split(","))


def problem_text(problem: Problem) -> str:
    """One plain sentence under the field: what is wrong and, where known, what is right."""
    detail = problem.detail
    texts = {
        Code.REQUIRED: translate("Wizard", "Required."),
        Code.TOO_LONG: translate("Wizard", "At most %1 characters.").replace("%1", detail),
        Code.CONTROL_CHARACTERS: translate(
            "Wizard", "Contains invisible control characters; type it again."
        ),
        Code.NOT_A_CHOICE: translate("Wizard", "Choose one of the list."),
        Code.BAD_DATE: translate("Wizard", "A date is written YYYY-MM-DD."),
        Code.FUTURE_DATE: translate("Wizard", "This date is in the future."),
        Code.ID_LENGTH: translate("Wizard", "An ID number has 18 characters."),
        Code.ID_FIFTEEN_DIGITS: translate(
            "Wizard",
            "A 15-digit number must first be upgraded: use the correction business (F4).",
        ),
        Code.ID_CHARACTERS: translate("Wizard", "17 digits, then a digit or X."),
        Code.ID_PROVINCE: translate("Wizard", "The first two digits are not a province."),
        Code.ID_BIRTH_DATE: translate("Wizard", "The birth date in the number is not possible."),
        Code.ID_CHECK_CHARACTER: translate(
            "Wizard", "The check character should be %1: check the number."
        ).replace("%1", detail),
        Code.DOCUMENT_NUMBER: translate("Wizard", "5 to 20 letters A–Z or digits."),
        Code.PHONE: translate("Wizard", "Digits only, with + or - where needed."),
        Code.CARD_NUMBER: translate("Wizard", "A card number is a letter and 8 digits or letters."),
        Code.CARD_CHECK_CHARACTER: translate(
            "Wizard", "The card number's check character should be %1."
        ).replace("%1", detail),
        Code.SEX_DISAGREES: translate("Wizard", "The ID number says otherwise."),
        Code.BIRTH_DATE_DISAGREES: translate("Wizard", "The ID number says %1.").replace(
            "%1", detail
        ),
        Code.GUARDIAN_NEEDED: translate(
            "Wizard", "The holder is %1 years old: a guardian must apply."
        ).replace("%1", detail),
        Code.SAME_PERSON: translate("Wizard", "This is the holder's own document."),
        Code.CARD_NOT_READ: translate("Wizard", "Insert the card in the reader."),
        Code.CARD_DIFFERS: translate(
            "Wizard", "The card differs from the document in: %1. A supervisor must authorise."
        ).replace("%1", differing_items(detail)),
        Code.MATERIAL_MISSING: translate("Wizard", "Required: tick it when you have seen it."),
        Code.FEE_NOT_COLLECTED: translate("Wizard", "Collect the fee, then tick this."),
        Code.FORM_NOT_PRINTED: translate(
            "Wizard", "Print the form (again if anything changed since it was printed)."
        ),
        Code.FORM_NOT_SIGNED: translate("Wizard", "The form must be signed."),
        Code.SAME_AS_OLD: translate("Wizard", "The corrected value is the same as the old one."),
        Code.LOSS_NOT_FORMAL: translate(
            "Wizard", "This card is not formally reported lost: record the formal loss first."
        ),
        Code.CARD_CANCELLED: translate("Wizard", "This card is cancelled."),
        Code.NOT_COLLECTED: translate(
            "Wizard",
            "This card has not been collected: it is kept at the outlet and cannot be "
            "reported lost.",
        ),
        Code.NOT_LOST: translate("Wizard", "This card is not reported lost."),
        Code.ALREADY_LOST: translate("Wizard", "This card is already reported lost."),
        Code.REISSUE_UNDER_WAY: translate(
            "Wizard", "A reissue is under way for this card (receipt %1)."
        ).replace("%1", detail),
        Code.HOTLINE_REPORT_LAPSED: translate(
            "Wizard", "That report lapsed on %1: record a new loss report instead."
        ).replace("%1", detail),
        Code.RECEIPT_NOT_FOUND: translate("Wizard", "No application has this receipt number."),
        Code.NOT_READY: translate("Wizard", "The card is not ready for pickup yet."),
        Code.HOLDER_DOCUMENT_DIFFERS: translate(
            "Wizard", "This is not the document the application was made with."
        ),
        Code.NEW_CARD_DIFFERS: translate(
            "Wizard", "This card is not the applicant's (differs in: %1)."
        ).replace("%1", differing_items(detail)),
        Code.NEW_CARD_IS_OLD: translate("Wizard", "This is the old card: insert the new one."),
    }
    return texts[problem.code]
