"""The clerk's own drafts, oldest first: resume one where it stopped (Enter), or cancel an
abandoned one with a reason. A draft a supervisor sent back shows why. Approved corrections
follow, each waiting for the card replacement it leads to."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.api.models import CorrectionToFollow, DraftSummary
from counter_app.domain.application import Action
from counter_app.ui.busy import busy_indicator
from counter_app.ui.jobs import WidgetJobs
from counter_app.ui.labels import business_label, reason_label
from counter_app.ui.messages import describe_error
from counter_app.ui.page_context import PageContext
from counter_app.ui.wizard.confirm import ask_cancel_reason
from counter_app.ui.wizard.texts import step_title

DRAFT, FOLLOW_UP = "draft", "follow_up"


class DraftsPage(QWidget):
    resume_requested = Signal(int)
    follow_up_requested = Signal(int)  # an approved correction: start its replacement
    changed = Signal()  # a draft was cancelled: the counts are stale

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._api = context.api
        self.drafts: list[DraftSummary] = []
        self.corrections: list[CorrectionToFollow] = []
        self.heading = QLabel()
        self.heading.setObjectName("drafts_heading")
        self.listing = QListWidget()
        self.listing.setObjectName("drafts_list")
        self.listing.itemActivated.connect(self._resume_item)
        self.message = QLabel()
        self.message.setObjectName("drafts_message")
        self.message.setWordWrap(True)
        self.busy_indicator = busy_indicator("drafts_busy")
        self._jobs = WidgetJobs(self, context.background, self.busy_indicator)
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("drafts_resume")
        self.resume_button.clicked.connect(self._resume_current)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("drafts_cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self._cancel_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy_indicator)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.resume_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.listing, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("My drafts: Enter resumes the chosen one where it stopped."))
        self.resume_button.setText(self.tr("&Resume (Enter)"))
        self.cancel_button.setText(self.tr("Cancel &draft…"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.listing.setFocus()

    def refresh(self) -> None:
        api = self._api
        self._jobs.run(
            lambda: (api.my_drafts(), api.corrections_awaiting_replacement()),
            self._arrived,
            self._failed,
        )

    def _arrived(self, found: object) -> None:
        assert isinstance(found, tuple)
        self.drafts, self.corrections = found
        self._show()

    def _show(self) -> None:
        self.listing.clear()
        for draft in self.drafts:
            parts = [
                draft.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                business_label(draft.business),
                reason_label(draft.reason) if draft.reason else "",
                f"{draft.holder_name} {draft.masked_number}",
                self.tr("stopped at: %1").replace("%1", step_title(draft.step))
                if draft.step
                else "",
            ]
            text = " · ".join(part for part in parts if part)
            if draft.reject_reason:
                text += "\n" + self.tr("Sent back: %1").replace("%1", draft.reject_reason)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (DRAFT, draft.application_id))
            self.listing.addItem(item)
        for correction in self.corrections:
            item = QListWidgetItem(
                self.tr("Correction approved (receipt %1): start the card replacement · %2 %3")
                .replace("%1", correction.receipt_no or "")
                .replace("%2", correction.holder_name)
                .replace("%3", correction.masked_number)
            )
            item.setData(Qt.ItemDataRole.UserRole, (FOLLOW_UP, correction.application_id))
            self.listing.addItem(item)
        if self.listing.count():
            self.listing.setCurrentRow(0)
        self.message.setText("" if self.listing.count() else self.tr("No drafts."))

    def _current(self) -> DraftSummary | None:
        row = self.listing.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def _resume_item(self, item: QListWidgetItem) -> None:
        kind, application_id = item.data(Qt.ItemDataRole.UserRole)
        signal = self.resume_requested if kind == DRAFT else self.follow_up_requested
        signal.emit(int(application_id))

    def _resume_current(self) -> None:
        item = self.listing.currentItem()
        if item is not None:
            self._resume_item(item)

    def _cancel_current(self) -> None:
        draft = self._current()
        if draft is None:
            return
        reason = ask_cancel_reason(self)
        if reason is None:
            return
        api = self._api
        self._jobs.run(
            lambda: api.transition(draft.application_id, Action.CANCEL, draft.version, reason),
            lambda _: (self.changed.emit(), self.refresh()),
            self._failed,
        )

    def _failed(self, error: Exception) -> None:
        self.message.setText(describe_error(error))
