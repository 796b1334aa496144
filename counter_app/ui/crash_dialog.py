"""An uncaught exception becomes a dialog with a copyable report, never a silent exit."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app import __version__
from counter_app.domain.masking import mask_numbers_in_text

log = logging.getLogger(__name__)
_open_reports: set[QDialog] = set()


def crash_report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    lines = traceback.format_exception(kind, error, tb)
    header = f"counter_app {__version__} · Python {sys.version.split()[0]}\n"
    return mask_numbers_in_text(header + "".join(lines))


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        explanation = QLabel(
            self.tr(
                "An unexpected error occurred. What you entered is kept where it was saved. "
                "Copy this report for IT staff; you can go on working."
            )
        )
        explanation.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setObjectName("crash_report")
        self.report.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


def install_excepthook() -> None:
    """Log every uncaught exception (masked) and show it instead of dying quietly."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        report = crash_report(kind, error, tb)
        log.critical("uncaught exception\n%s", report)
        if QApplication.instance() is not None:
            dialog = CrashDialog(report, QApplication.activeWindow())
            dialog.setModal(True)
            # Without a parent window nothing else holds the dialog; keep it until it closes.
            _open_reports.add(dialog)
            dialog.finished.connect(lambda _: _open_reports.discard(dialog))
            dialog.show()

    sys.excepthook = hook
