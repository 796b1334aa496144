"""What the clerk reads when something is refused or fails, in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.domain.application import IllegalTransition
from counter_app.domain.rules import RulesError
from counter_app.services import errors
from counter_app.store.database import DatabaseUnavailable, DiskFull
from counter_app.store.schema import SchemaState, SchemaStatus
from counter_app.ui.application_texts import second_text, stored_state_label
from counter_app.ui.labels import state_label

# Called by this exact name so that lupdate finds every message.
translate = QCoreApplication.translate


def describe_error(error: Exception) -> str:
    """One sentence on what went wrong and what to do now."""
    match error:
        case errors.BadCredentials(attempts_left=None):
            return translate("Messages", "Wrong staff number or password.")
        case errors.BadCredentials(attempts_left=left):
            return translate(
                "Messages",
                "Wrong staff number or password. %n more failed attempt(s) will lock the account.",
                None,
                left,
            )
        case errors.AccountLocked():
            return translate(
                "Messages",
                "This account is locked after too many failed attempts. "
                "Ask an administrator to unlock it.",
            )
        case errors.AccountInactive():
            return translate("Messages", "This account is disabled. Ask an administrator.")
        case errors.FourEyesViolation():
            return translate("Messages", "You cannot decide an application you took yourself.")
        case errors.PermissionDenied():
            return translate("Messages", "Your role does not allow this.")
        case errors.AlreadyDecided():
            return (
                translate(
                    "Messages",
                    "Already decided: %1 by %2 (%3) at %4. That decision stands; "
                    "the list has been refreshed.",
                )
                .replace("%1", stored_state_label(error.state))
                .replace("%2", error.name)
                .replace("%3", error.staff_no)
                .replace("%4", second_text(error.at))
            )
        case errors.StaleApplication():
            return translate(
                "Messages", "Someone else changed this application meanwhile. It has been reloaded."
            )
        case errors.MissingReason():
            return translate("Messages", "Write the reason: the clerk reads it.")
        case errors.NotFound(kind="application"):
            return translate("Messages", "This application no longer exists. Refresh the list.")
        case IllegalTransition(state=state):
            return translate(
                "Messages", "This application is %1 now: that cannot be done any more."
            ).replace("%1", state_label(state))
        case errors.WeakPassword():
            return translate(
                "Messages", "A password needs at least 8 characters, with letters and digits."
            )
        case DiskFull():
            return translate(
                "Messages",
                "The disk holding the database is full, so this step was not saved; everything "
                "saved before it is intact. Ask IT staff to free space, then try again.",
            )
        case RulesError():
            return translate(
                "Messages",
                "The rules file cannot be used (%1). Ask IT staff to correct it; "
                "this window tries it again by itself.",
            ).replace("%1", str(error))
        case DatabaseUnavailable():
            return translate(
                "Messages",
                "The database cannot be reached. Nothing was lost; "
                "try again when the connection is back.",
            )
    return translate("Messages", "Unexpected error: %1").replace("%1", str(error))


def describe_schema(status: SchemaStatus) -> str:
    if status.state is SchemaState.EMPTY:
        return translate(
            "Messages",
            "The database has not been set up. Ask IT staff to run “counter-app db upgrade”.",
        )
    if status.state is SchemaState.OLDER:
        return translate(
            "Messages",
            "The database is older than this application. "
            "Ask IT staff to run “counter-app db upgrade”.",
        )
    return translate(
        "Messages",
        "The database was upgraded by a newer version of this application. "
        "Ask IT staff to update this workstation.",
    )
