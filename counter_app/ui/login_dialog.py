"""Sign-in: staff number and password, the language, and why the database is not ready."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.background import Background
from counter_app.ui.settings import LANGUAGES

# What the dialog needs only once the database answers is loaded then, after its first frame.
if TYPE_CHECKING:
    from counter_app.api.interface import CounterApi
    from counter_app.store.schema import SchemaStatus

# Staff number and password → the interface as that member of staff (run in the background).
SignIn = Callable[[str, str], "CounterApi"]

RETRY_MS = 5_000


class LoginDialog(QDialog):
    language_chosen = Signal(str)
    first_frame = Signal()  # the dialog has been painted once: slow work may begin behind it

    def __init__(
        self,
        background: Background,
        language: str,
        *,
        readiness: Callable[[], SchemaStatus],
        sign_in: SignIn,
        parent: QWidget | None = None,
    ) -> None:
        """`readiness` runs in the background, again every few seconds until it answers, before
        anyone can sign in (the rules read, the database's schema fits); `sign_in` runs in the
        background too and gives the interface as the member of staff the password proves."""
        super().__init__(parent)
        self._background, self._readiness, self._sign_in_with = background, readiness, sign_in
        self._schema_ready = False
        self._signing_in = False
        self.api: CounterApi | None = None

        self.staff_no = QLineEdit()
        self.staff_no.setObjectName("staff_no")
        self.staff_no.setMaxLength(8)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem("", code)
        self.language.setCurrentIndex(LANGUAGES.index(language))
        self.language.currentIndexChanged.connect(
            lambda index: self.language_chosen.emit(self.language.itemData(index))
        )
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("sign_in")
        self.sign_in_button.setDefault(True)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._sign_in)
        self.buttons.rejected.connect(self.reject)

        self._field_labels = (QLabel(), QLabel(), QLabel())
        form = QFormLayout()
        for label, field in zip(
            self._field_labels, (self.staff_no, self.password, self.language), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.staff_no.textChanged.connect(self._update_button)
        self.password.textChanged.connect(self._update_button)
        self.retranslate()
        self._update_button()
        self._painted = False
        self.first_frame.connect(self._check_readiness)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            # Once the first frame is out, not before: the work that follows holds the
            # interpreter, and would otherwise delay the frame the clerk waits for.
            self._painted = True
            QTimer.singleShot(0, self.first_frame.emit)

    @property
    def ready(self) -> bool:
        """The database answered and fits this version: signing in can be tried."""
        return self._schema_ready

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to the counter"))
        labels = (self.tr("Staff number"), self.tr("Password"), self.tr("Language"))
        for label, text in zip(self._field_labels, labels, strict=True):
            label.setText(text)
        self.language.setItemText(0, self.tr("Chinese (中文)"))
        self.language.setItemText(1, self.tr("English"))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.quit_button.setText(self.tr("Quit"))
        if not self._schema_ready and not self.message.text():
            self.message.setText(self.tr("Connecting to the database…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _check_readiness(self) -> None:
        self._update_button()
        self._background.run(self._readiness, self._schema_checked, self._show_error)

    def _schema_checked(self, status: SchemaStatus) -> None:
        if status.current:
            self._schema_ready = True
            self.message.clear()
        else:
            from counter_app.ui.messages import describe_schema

            self.message.setText(describe_schema(status))
        self._update_button()

    def _update_button(self) -> None:
        filled = bool(self.staff_no.text().strip() and self.password.text())
        self.sign_in_button.setEnabled(self._schema_ready and filled and not self._signing_in)

    def _sign_in(self) -> None:
        if not self.sign_in_button.isEnabled():
            return
        staff_no, password = self.staff_no.text().strip(), self.password.text()
        self._signing_in = True
        self._update_button()
        self.message.setText(self.tr("Signing in…"))
        self._background.run(
            lambda: self._sign_in_with(staff_no, password),
            self._signed_in,
            self._show_error,
        )

    def _signed_in(self, api: CounterApi) -> None:
        self.api = api
        self.password.clear()
        self.accept()

    def _show_error(self, error: Exception) -> None:
        from counter_app.services.errors import AccountInactive, AccountLocked, BadCredentials
        from counter_app.ui.messages import describe_error

        if self._signing_in:
            self._signing_in = False
            # Refused for the password or the account: it is typed again. Not when the
            # database failed: then the same password is simply tried again.
            if isinstance(error, BadCredentials | AccountLocked | AccountInactive):
                self.password.clear()
                self.password.setFocus()
        self.message.setText(describe_error(error))
        self._update_button()
        if not self._schema_ready:  # not ready (no database, no rules): look again shortly
            QTimer.singleShot(RETRY_MS, self._check_readiness)
