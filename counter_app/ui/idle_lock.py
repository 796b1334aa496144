"""The screen locks after a quiet spell; only the signed-in member of staff unlocks it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.api.errors import AccountInactive, AccountLocked
from counter_app.api.interface import CounterApi
from counter_app.ui.background import Background
from counter_app.ui.messages import describe_error

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` after `minutes` without keyboard, mouse or touch input anywhere."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(minutes * 60_000))
        self._timer.timeout.connect(self.idle)
        self.enabled = minutes > 0

    def start(self) -> None:
        if self.enabled:
            QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
            self._timer.start()

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False


class LockScreen(QDialog):
    """Covers the window until the password is given again; a locked account signs out."""

    signed_out = Signal()

    def __init__(
        self, api: CounterApi, background: Background, parent: QWidget | None = None
    ) -> None:
        """`api`: the signed-in session, which the password given here unlocks."""
        super().__init__(parent)
        self._api, self._background = api, background
        actor = api.actor
        self.setModal(True)
        self.setWindowTitle(self.tr("Screen locked"))
        who = QLabel(
            self.tr("Locked. %1 %2, enter your password to continue.")
            .replace("%1", actor.staff_no)
            .replace("%2", actor.name)
        )
        who.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("unlock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("unlock_message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_out_button = buttons.addButton(
            self.tr("Sign out"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.unlock_button.setDefault(True)
        buttons.accepted.connect(self._unlock)
        self.sign_out_button.clicked.connect(self._sign_out)
        layout = QVBoxLayout(self)
        for widget in (who, self.password, self.message, buttons):
            layout.addWidget(widget)

    def reject(self) -> None:
        """Escape does not unlock."""

    def _unlock(self) -> None:
        password = self.password.text()
        self.password.clear()
        self.unlock_button.setEnabled(False)
        self._background.run(
            lambda: self._api.unlock_screen(password),
            lambda _: self.accept(),
            self._refused,
        )

    def _refused(self, error: Exception) -> None:
        self.unlock_button.setEnabled(True)
        self.message.setText(describe_error(error))
        if isinstance(error, AccountLocked | AccountInactive):
            self._sign_out()

    def _sign_out(self) -> None:
        self.signed_out.emit()
        self.done(QDialog.DialogCode.Rejected)
