"""What the clerk reads about the reader and the card: one sentence per problem, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.card import errors
from counter_app.card.reader import is_virtual
from counter_app.card.reader_state import ReaderState, Situation

# Called by this exact name so that lupdate finds every message.
translate = QCoreApplication.translate


def state_label(situation: Situation | None) -> str:
    """The reader panel's headline; None before the first word from the reader thread."""
    if situation is None:
        return translate("CardMessages", "Looking for the card reader…")
    if situation.snapshot is not None and situation.snapshot.needs_psam:
        return translate("CardMessages", "Card read without holder data")
    if situation.state is ReaderState.ERROR and isinstance(situation.error, errors.CardNotGenuine):
        return translate("CardMessages", "Card not genuine")
    return {
        ReaderState.NO_SERVICE: translate("CardMessages", "Card service not running"),
        ReaderState.NO_READER: translate("CardMessages", "No reader"),
        ReaderState.READY: translate("CardMessages", "No card"),
        ReaderState.CARD_PRESENT: translate("CardMessages", "Card present"),
        ReaderState.READING: translate("CardMessages", "Reading the card…"),
        ReaderState.READ: translate("CardMessages", "Card read"),
        ReaderState.NOT_SOCIAL_SECURITY_CARD: translate(
            "CardMessages", "Not a social security card"
        ),
        ReaderState.ERROR: translate("CardMessages", "The card could not be read"),
    }[situation.state]


def describe_card_error(error: Exception) -> str:
    """One sentence on what went wrong with the reader or the card, and what to do now."""
    match error:
        case errors.ServiceUnavailable():
            return service_down()
        case errors.NoReader():
            return no_reader()
        case errors.ReaderBusy():
            return translate(
                "CardMessages",
                "Another program is using the card reader. Close it, then press Read again.",
            )
        case errors.CardRemoved() | errors.NoCard():
            return translate(
                "CardMessages", "The card was taken out during the read. Put it back in the reader."
            )
        case errors.NotSocialSecurityCard():
            return translate(
                "CardMessages",
                "This is not a social security card (perhaps a bank card or a transport card). "
                "Insert the customer's social security card.",
            )
        case errors.CardNotGenuine():
            return translate(
                "CardMessages",
                "This card failed the check that proves it genuine (internal authentication): it "
                "may be counterfeit. Keep the card and follow the outlet's procedure for suspect "
                "cards.",
            )
        case errors.PsamError():
            return translate(
                "CardMessages",
                "The reader's secure module (PSAM) stopped answering during the read. Check that "
                "it sits in its slot, then press Read again; if that fails again, call IT staff.",
            )
        case errors.AuthenticationRejected():
            return translate(
                "CardMessages",
                "The card refused the keys of the reader's secure module (PSAM). Call IT staff: "
                "the PSAM may not be the one for this region.",
            )
        case errors.CardLocked():
            return translate(
                "CardMessages",
                "This card is locked. The customer needs to have it unlocked or replaced.",
            )
    return translate(
        "CardMessages",
        "The card could not be read. Take it out and put it back; if that fails again, "
        "the card may be damaged.",
    )


def service_down() -> str:
    return translate(
        "CardMessages",
        "The card service is not running. Card reading resumes by itself when it is back; "
        "if it does not, call IT staff.",
    )


def no_reader() -> str:
    return translate("CardMessages", "No card reader is attached. Plug the reader in.")


def no_card() -> str:
    return translate("CardMessages", "No card in the reader. Insert the customer's card.")


def keep_the_card_in() -> str:
    return translate("CardMessages", "Keep the card in the reader until the data appear.")


def needs_psam() -> str:
    return translate(
        "CardMessages",
        "This third-generation card shows its holder's data only through the reader's secure "
        "module (PSAM). Below is what could be read without it.",
    )


def genuine() -> str:
    return translate(
        "CardMessages",
        "The reader's secure module (PSAM) proved the card genuine and opened its holder data.",
    )


def inconsistent() -> str:
    return translate(
        "CardMessages",
        "Some of the card's data do not add up. Check them against the customer's ID card.",
    )


def situation_sentence(situation: Situation | None) -> str:
    """The sentence under the headline: the problem and what to do, or how the read went."""
    if situation is None:
        return ""
    state, error, snapshot = situation.state, situation.error, situation.snapshot
    if state is ReaderState.NO_SERVICE:
        return service_down()
    if state is ReaderState.NO_READER:
        return no_reader()
    if state is ReaderState.READY:
        return describe_card_error(error) if error is not None else no_card()
    if state in (ReaderState.CARD_PRESENT, ReaderState.READING):
        return keep_the_card_in()
    if state is ReaderState.READ and snapshot is not None:
        if snapshot.needs_psam:
            return needs_psam()
        if snapshot.inconsistencies:
            return inconsistent()
        return genuine() if snapshot.authenticated else ""
    return describe_card_error(error) if error is not None else ""


def reader_status(situation: Situation | None, enabled: bool = True) -> str:
    """The status bar's reader label: which reader, and whether it is the simulator."""
    if not enabled:
        return translate("CardMessages", "Reader: none")
    if situation is None:
        return translate("CardMessages", "Reader: looking…")
    if situation.state is ReaderState.NO_SERVICE:
        return translate("CardMessages", "Reader: card service not running")
    if situation.reader is None:
        return translate("CardMessages", "Reader: none")
    if is_virtual(situation.reader):
        return translate("CardMessages", "Reader: %1 (simulator)").replace("%1", situation.reader)
    return translate("CardMessages", "Reader: %1").replace("%1", situation.reader)
