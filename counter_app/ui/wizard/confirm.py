"""Asking once before what cannot be undone, defaulting to the safe answer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


def confirmed(parent: QWidget, title: str, question: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setObjectName("confirm_box")
    yes = box.addButton(QMessageBox.StandardButton.Yes)
    no = box.addButton(QMessageBox.StandardButton.No)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    parent.window().activateWindow()  # the keyboard goes back where the question came from
    return box.clickedButton() is yes


def ask_cancel_reason(parent: QWidget) -> str | None:
    """Why an application is cancelled (required); None when the clerk thinks better of it."""
    translate = QCoreApplication.translate
    reason, accepted = QInputDialog.getText(
        parent,
        translate("Confirm", "Cancel the application"),
        translate(
            "Confirm",
            "The application will be cancelled for good; it stays in the records. Why?",
        ),
        QLineEdit.EchoMode.Normal,
    )
    parent.window().activateWindow()
    reason = reason.strip()
    return reason if accepted and reason else None
