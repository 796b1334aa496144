"""The reader panel: what the reader sees, bound to the card watcher's situations.

It only renders: every change arrives as a whole `Situation` on the GUI thread, so a card taken
out clears the data in the same repaint, and numbers are shown masked. A card that failed the
PSAM's internal authentication is announced once through `suspect_card` (the window audits it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.card.errors import CardNotGenuine
from counter_app.card.qt_bridge import CardWatcher
from counter_app.card.reader_state import ReaderState, Situation
from counter_app.card.snapshot import CardSnapshot
from counter_app.ui.busy import busy_indicator
from counter_app.ui.card_messages import situation_sentence, state_label

# One colour per state, always beside its words (never colour alone).
STATE_COLOURS = {
    None: "#757575",
    ReaderState.NO_SERVICE: "#c62828",
    ReaderState.NO_READER: "#ef6c00",
    ReaderState.READY: "#757575",
    ReaderState.CARD_PRESENT: "#1565c0",
    ReaderState.READING: "#1565c0",
    ReaderState.READ: "#2e7d32",
    ReaderState.NOT_SOCIAL_SECURITY_CARD: "#ef6c00",
    ReaderState.ERROR: "#c62828",
}
EXPIRED_COLOUR = "#c62828"
NOTHING = "—"


class ReaderPanel(QGroupBox):
    # The CardNotGenuine error of a card that failed internal authentication, once per read.
    suspect_card = Signal(object)

    def __init__(
        self,
        watcher: CardWatcher | None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reader_panel")
        self._watcher, self._today = watcher, today
        self.situation: Situation | None = watcher.situation if watcher else None

        self.dot = QLabel("●")
        self.headline = QLabel()
        self.headline.setObjectName("reader_headline")
        self.headline.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.dot)
        top.addWidget(self.headline, 1)
        # Indeterminate: a card read takes about a second and says nothing of its progress.
        self.busy = busy_indicator("reader_busy", visible=True)
        self.busy.setMaximumHeight(8)
        self.message = QLabel()
        self.message.setObjectName("reader_message")
        self.message.setWordWrap(True)
        self.read_again_button = QPushButton()
        self.read_again_button.setObjectName("read_again")

        self.name = QLabel()
        self.ssn = QLabel()
        self.card_number = QLabel()
        self.generation = QLabel()
        self.issued = QLabel()
        self.expiry = QLabel()
        for value in (self.name, self.ssn, self.card_number, self.expiry):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.details = QWidget()
        self.details.setObjectName("card_details")
        self.form = QFormLayout(self.details)
        self.form.setContentsMargins(0, 0, 0, 0)
        # In the narrow right column a long label puts its value on the next line, never clips.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._row_labels = [QLabel() for _ in range(6)]
        values = (
            self.name,
            self.ssn,
            self.card_number,
            self.generation,
            self.issued,
            self.expiry,
        )
        for label, value in zip(self._row_labels, values, strict=True):
            self.form.addRow(label, value)

        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.busy)
        column.addWidget(self.message)
        column.addWidget(self.details)
        column.addWidget(self.read_again_button)

        if watcher is not None:
            watcher.situation_changed.connect(self.show_situation)
            self.read_again_button.clicked.connect(watcher.read_again)
        self.retranslate()

    # -- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(self.tr("Card reader"))
        self.read_again_button.setText(self.tr("Read again"))
        row_names = (
            self.tr("Name"),
            self.tr("Social security no."),
            self.tr("Card no."),
            self.tr("Generation"),
            self.tr("Issued"),
            self.tr("Valid until"),
        )
        for label, text in zip(self._row_labels, row_names, strict=True):
            label.setText(text)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- rendering -----------------------------------------------------------------------------
    def show_situation(self, situation: Situation) -> None:
        before, self.situation = self.situation, situation
        self._render()
        error = situation.error
        if isinstance(error, CardNotGenuine) and (before is None or before.error is not error):
            self.suspect_card.emit(error)

    def forget(self) -> None:
        """Back to knowing nothing (the watcher stopped): no card data stays on screen."""
        self.situation = None
        self._render()

    def _render(self) -> None:
        situation = self.situation
        state = situation.state if situation else None
        if self._watcher is None:
            self.headline.setText(self.tr("Card reading is off in this window."))
            self.message.setText("")
        else:
            self.headline.setText(state_label(situation))
            self.message.setText(situation_sentence(situation))
        self.dot.setStyleSheet(f"color: {STATE_COLOURS[state]};")
        self.message.setVisible(bool(self.message.text()))
        self.busy.setVisible(state is ReaderState.READING)
        self.read_again_button.setVisible(state is ReaderState.ERROR)
        snapshot = situation.snapshot if situation else None
        if snapshot is None:
            self._clear_details()
        else:
            self._show_details(snapshot)

    def _clear_details(self) -> None:
        for value in (self.name, self.ssn, self.card_number, self.generation, self.issued):
            value.setText("")
        self.expiry.setText("")
        self.details.setVisible(False)

    def _show_details(self, snapshot: CardSnapshot) -> None:
        # Without the PSAM a third-generation card gives no holder data: show what it did give.
        holder = not snapshot.needs_psam
        self.form.setRowVisible(self.name, holder)
        self.form.setRowVisible(self.ssn, holder)
        self.name.setText(snapshot.name if holder else "")
        self.ssn.setText(snapshot.masked_ssn if holder else "")
        self.card_number.setText(snapshot.masked_card_number or NOTHING)
        self.generation.setText(snapshot.generation)
        self.issued.setText(_iso(snapshot.issue_date))
        if snapshot.expiry_date is None:
            self.expiry.setText(NOTHING)
            self.expiry.setStyleSheet("")
        elif snapshot.is_expired(self._today()):
            self.expiry.setText(self.tr("%1, expired").replace("%1", _iso(snapshot.expiry_date)))
            self.expiry.setStyleSheet(f"color: {EXPIRED_COLOUR}; font-weight: bold;")
        else:
            self.expiry.setText(self.tr("%1, valid").replace("%1", _iso(snapshot.expiry_date)))
            self.expiry.setStyleSheet("")
        self.details.setVisible(True)


def _iso(value: date | None) -> str:
    return value.isoformat() if value else NOTHING
