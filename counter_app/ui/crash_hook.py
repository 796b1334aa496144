"""An uncaught exception is logged (masked) and shown in a dialog with a copyable report,
never a silent exit."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from counter_app import __version__
from counter_app.domain.masking import mask_numbers_in_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

log = logging.getLogger(__name__)
_open_reports: set[QDialog] = set()


def crash_report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    lines = traceback.format_exception(kind, error, tb)
    header = f"counter_app {__version__} · Python {sys.version.split()[0]}\n"
    return mask_numbers_in_text(header + "".join(lines))


def install_excepthook() -> None:
    """Log every uncaught exception (masked) and show it instead of dying quietly."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        report = crash_report(kind, error, tb)
        log.critical("uncaught exception\n%s", report)
        if QApplication.instance() is not None:
            from counter_app.ui.crash_dialog import CrashDialog  # loaded when first needed

            dialog = CrashDialog(report, QApplication.activeWindow())
            dialog.setModal(True)
            # Without a parent window nothing else holds the dialog; keep it until it closes.
            _open_reports.add(dialog)
            dialog.finished.connect(lambda _: _open_reports.discard(dialog))
            dialog.show()

    sys.excepthook = hook
