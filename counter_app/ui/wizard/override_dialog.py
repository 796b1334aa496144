"""A supervisor authorises, on the clerk's screen, an old card that differs from the document:
staff number, password, and the reason, all three required."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class OverrideDialog(QDialog):
    def __init__(self, differences: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Supervisor authorisation"))
        explanation = QLabel(
            self.tr(
                "The card differs from the document in: %1. A supervisor signs in here to "
                "accept it for this application, with the reason."
            ).replace("%1", differences)
        )
        explanation.setWordWrap(True)
        self.staff_no = QLineEdit()
        self.staff_no.setObjectName("override_staff_no")
        self.password = QLineEdit()
        self.password.setObjectName("override_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit()
        self.reason.setObjectName("override_reason")
        self.reason.setMaxLength(200)
        self.message = QLabel()
        self.message.setObjectName("override_message")
        self.message.setWordWrap(True)
        form = QFormLayout()
        for text, widget in (
            (self.tr("Supervisor's &staff number"), self.staff_no),
            (self.tr("&Password"), self.password),
            (self.tr("&Reason for accepting the card"), self.reason),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_complete)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _accept_if_complete(self) -> None:
        if not (
            self.staff_no.text().strip() and self.password.text() and self.reason.text().strip()
        ):
            self.message.setText(self.tr("Staff number, password and reason are all required."))
            return
        self.accept()
