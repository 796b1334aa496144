"""What the clerk reads when a print does not come out: one sentence per printer problem."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.printing.dispatch import (
    NoPrintService,
    PrinterDisabled,
    PrinterError,
    PrinterNotFound,
    PrintJobRefused,
)
from counter_app.ui.messages import describe_error

# Called by this exact name so that lupdate finds every message.
translate = QCoreApplication.translate


def printer_name(printer: str | None) -> str:
    """The queue's name, or what None means: CUPS's default."""
    return printer or translate("PrinterMessages", "the default printer")


def describe_printer_error(error: PrinterError) -> str:
    """What stands between the document and the tray, and what to do now."""
    name = printer_name(error.printer)
    match error:
        case NoPrintService():
            return translate(
                "PrinterMessages",
                "The printing service is not running on this workstation. Ask IT staff.",
            )
        case PrinterNotFound():
            return translate(
                "PrinterMessages",
                "The printer %1 is not set up or cannot be found. "
                "Choose one in the settings, or ask IT staff.",
            ).replace("%1", name)
        case PrinterDisabled():
            return translate(
                "PrinterMessages",
                "The printer %1 is paused or out of paper. Fix it, then press Print again.",
            ).replace("%1", name)
        case PrintJobRefused():
            reason = error.reason or translate("PrinterMessages", "no reason given")
            return (
                translate("PrinterMessages", "The printer %1 refused the job: %2")
                .replace("%1", name)
                .replace("%2", reason)
            )
    return translate("PrinterMessages", "The document could not be printed: %1").replace(
        "%1", str(error)
    )


def describe_print_failure(error: Exception) -> str:
    """A printer problem, plus that nothing is lost; anything else as the window says it."""
    if isinstance(error, PrinterError):
        kept = translate(
            "PrinterMessages", "The document is kept and can be printed again at any time."
        )
        return f"{describe_printer_error(error)} {kept}"
    return describe_error(error)


def sent_to(printer: str | None) -> str:
    return translate("PrinterMessages", "Sent to %1.").replace("%1", printer_name(printer))
