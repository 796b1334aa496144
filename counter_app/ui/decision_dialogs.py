"""The two questions around a decision: why an application goes back to its clerk, and which
supervisor signs in on a clerk's screen to decide one application there."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.api.interface import CounterApi
from counter_app.api.models import Credentials
from counter_app.ui.busy import busy_indicator
from counter_app.ui.jobs import WidgetJobs
from counter_app.ui.messages import describe_error
from counter_app.ui.page_context import PageContext

MAX_REASON = 500  # room for a reason, short enough to read at the counter
AUTHORISATION = "authorise_decision"  # the audit action of a sign-in for one decision


class RejectDialog(QDialog):
    """The reason is required: the clerk reads it before fixing and resubmitting. Cancel is the
    default; nothing is sent until the supervisor presses Send back."""

    def __init__(self, application_id: int, clerk: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reject application %1").replace("%1", str(application_id)))
        question = QLabel(
            self.tr(
                "Application %1 goes back to clerk %2 as a draft to fix and resubmit. "
                "Why? The clerk reads this:"
            )
            .replace("%1", str(application_id))
            .replace("%2", clerk)
        )
        question.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reject_reason")
        self.reason.setTabChangesFocus(True)
        question.setBuddy(self.reason)
        self.message = QLabel()
        self.message.setObjectName("reject_message")
        self.buttons = QDialogButtonBox()
        self.send_button = QPushButton(self.tr("Send &back to the clerk"))
        self.send_button.setObjectName("reject_send")
        self.send_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setDefault(True)
        self.buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._send_if_reasoned)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._check()

    @property
    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def _check(self) -> None:
        length = len(self.text)
        self.send_button.setEnabled(0 < length <= MAX_REASON)
        if length > MAX_REASON:
            self.message.setText(self.tr("At most %1 characters.").replace("%1", str(MAX_REASON)))
        elif not length:
            self.message.setText(self.tr("Write the reason first."))
        else:
            self.message.clear()

    def _send_if_reasoned(self) -> None:
        if self.send_button.isEnabled():
            self.accept()


class AuthoriseDialog(QDialog):
    """A supervisor signs in on the clerk's screen for one decision; `supervisor` is the
    interface as that supervisor, for that decision, once accepted. Refusals (wrong password,
    the clerk themself, not a supervisor) stay here."""

    def __init__(
        self, context: PageContext, application_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._api, self._application_id = context.api, application_id
        self.supervisor: CounterApi | None = None
        self.setWindowTitle(self.tr("Supervisor decides here"))
        explanation = QLabel(
            self.tr(
                "A supervisor signs in on this screen to decide application %1. The decision "
                "is recorded in the supervisor's name; the sign-in ends with it."
            ).replace("%1", str(application_id))
        )
        explanation.setWordWrap(True)
        self.staff_no = QLineEdit()
        self.staff_no.setObjectName("authorise_staff_no")
        self.password = QLineEdit()
        self.password.setObjectName("authorise_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        for text, widget in (
            (self.tr("Supervisor's &staff number"), self.staff_no),
            (self.tr("&Password"), self.password),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.message = QLabel()
        self.message.setObjectName("authorise_message")
        self.message.setWordWrap(True)
        self.busy_indicator = busy_indicator("authorise_busy")
        self._jobs = WidgetJobs(self, context.background, self.busy_indicator)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign &in"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy_indicator)
        layout.addWidget(self.buttons)
        self.staff_no.setFocus()

    @property
    def busy(self) -> bool:
        return self._jobs.busy

    def sign_in(self) -> None:
        staff_no, password = self.staff_no.text().strip(), self.password.text()
        if not (staff_no and password):
            self.message.setText(self.tr("Staff number and password are both required."))
            return
        if self._jobs.busy:
            return
        api, supervisor = self._api, Credentials(staff_no, password)
        application_id = self._application_id
        self.sign_in_button.setEnabled(False)
        self.message.setText(self.tr("Checking…"))
        self._jobs.run(
            lambda: api.authorised(supervisor, AUTHORISATION, application_id),
            self._authorised,
            self._refused,
        )

    def _authorised(self, supervisor: CounterApi) -> None:
        self.supervisor = supervisor
        self.password.clear()
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.sign_in_button.setEnabled(True)
        self.password.clear()
        self.message.setText(describe_error(error))
        self.password.setFocus()
