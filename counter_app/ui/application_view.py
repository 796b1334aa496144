"""One application in full: what the clerk saw and entered, the materials ticked, the fee, the
documents as printed (previewed, and printed again from the preview); Approve, or Reject with a
reason the clerk reads.

The view acts through the interface it is given for each application: the signed-in
supervisor's at the queue, or that of a supervisor who signed in on a clerk's screen for this one
decision. Every number on screen is masked; a supervisor may show the holder's and the cards'
numbers in full for a few seconds, and each time is an audit event (`revealed_numbers`).
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.api.errors import StaleApplication
from counter_app.api.interface import CounterApi
from counter_app.api.models import (
    ApplicationDetail,
    ApplicationDetails,
    ApplicationSummary,
    RevealedNumbers,
)
from counter_app.domain.application import Action, State
from counter_app.domain.masking import mask_numbers_in_text
from counter_app.domain.person import RepresentativeRole
from counter_app.domain.roles import Permission
from counter_app.printing.formatting import amount
from counter_app.printing.kinds import DocumentKind
from counter_app.store.changes import Change
from counter_app.ui.application_texts import NOTHING, flags_text, minute_text, stored_state_label
from counter_app.ui.busy import busy_indicator
from counter_app.ui.decision_dialogs import RejectDialog
from counter_app.ui.jobs import WidgetJobs
from counter_app.ui.labels import business_label, reason_label, state_label
from counter_app.ui.messages import describe_error
from counter_app.ui.page_context import PageContext
from counter_app.ui.page_parts import action_button, heading_label
from counter_app.ui.print_preview import PrintPreview
from counter_app.ui.state_style import STATE_COLOURS
from counter_app.ui.tables import fill_table, read_only_table
from counter_app.ui.wizard.texts import differing_items, document_title, rules_text
from counter_app.workflows.records import CORRECTED_ITEM_LABELS

ENTERED_TAB, MATERIALS_TAB, DOCUMENTS_TAB = range(3)
REVEAL_MS = 10_000  # how long revealed numbers stay on screen


def _shown(value: object, masked: bool = True) -> str:
    """A value the clerk entered, with any identity or card number in it masked (unless the
    numbers were revealed)."""
    if value is None or value == "":
        return NOTHING
    return mask_numbers_in_text(str(value)) if masked else str(value)


def _with_button(table: QWidget, button: QWidget) -> QWidget:
    """A tab: the table, and its button below it on the right."""
    tab = QWidget()
    column = QVBoxLayout(tab)
    column.addWidget(table, 1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    column.addLayout(row)
    return tab


class ApplicationView(QWidget):
    """`decided(ApplicationSummary)` after this view's own decision; `stale()` when another
    decision or change overtook it (lists must reload); `closed()` on Back or Esc."""

    decided = Signal(object)
    stale = Signal()
    closed = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("application_view")
        self._context, self._rules = context, context.rules
        self.acting = context  # as whom the application shown is loaded and decided
        self.detail: ApplicationDetail | None = None
        self.preview: PrintPreview | None = None
        self.reject_dialog: RejectDialog | None = None
        self._loads = 0  # the latest load wins
        self._reveals = 0  # likewise for revealing: an answer for an earlier screen is dropped
        self._revealing = False  # a request is under way: one request, one audit event
        self.revealed: RevealedNumbers | None = None
        self.mask_again = QTimer(self)
        self.mask_again.setSingleShot(True)
        self.mask_again.setInterval(REVEAL_MS)
        self.mask_again.timeout.connect(self.mask_numbers)

        self.heading = heading_label("application_heading")
        self.state = QLabel()
        self.state.setObjectName("application_state")
        self.summary = QLabel()
        self.summary.setObjectName("application_summary")
        self.summary.setWordWrap(True)
        self.flags = QLabel()
        self.flags.setObjectName("application_flags")
        self.flags.setWordWrap(True)

        self.entered = read_only_table("application_entered")
        self.materials = read_only_table("application_materials")
        self.documents = read_only_table("application_documents")
        self.documents.activated.connect(lambda _: self.preview_document())
        self.preview_button = action_button("application_preview", self.preview_document)
        self.reveal_button = action_button("application_reveal", self.reveal_numbers)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("application_tabs")
        self.tabs.addTab(_with_button(self.entered, self.reveal_button), "")
        self.tabs.addTab(self.materials, "")
        self.tabs.addTab(_with_button(self.documents, self.preview_button), "")

        self.message = QLabel()
        self.message.setObjectName("application_message")
        self.message.setWordWrap(True)
        self.busy_indicator = busy_indicator("application_busy")
        self.busy_indicator.setMaximumWidth(120)
        self._jobs = WidgetJobs(self, context.background, self.busy_indicator)
        self.back_button = action_button("application_back", self.closed)
        self.reject_button = action_button("application_reject", self.reject_application)
        self.approve_button = action_button("application_approve", self.approve)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.state)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.busy_indicator)
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.flags)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setTabOrder(self.tabs, self.approve_button)
        self.setTabOrder(self.approve_button, self.reject_button)
        self.setTabOrder(self.reject_button, self.back_button)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.preview_button.setText(self.tr("&View document…"))
        self.reveal_button.setText(self.tr("Show &numbers for 10 seconds"))
        self.back_button.setText(self.tr("Back (Esc)"))
        self.reject_button.setText(self.tr("&Reject…"))
        self.approve_button.setText(self.tr("&Approve"))
        self.tabs.setTabText(ENTERED_TAB, self.tr("What the clerk &entered"))
        self.tabs.setTabText(MATERIALS_TAB, self.tr("&Materials"))
        self.tabs.setTabText(DOCUMENTS_TAB, self.tr("&Documents"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Not a shortcut: Esc in the reject dialog or a preview must close only that window.
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
        else:
            super().keyPressEvent(event)

    @property
    def busy(self) -> bool:
        return self._jobs.busy

    @property
    def may_decide(self) -> bool:
        detail = self.detail
        return (
            detail is not None
            and detail.state is State.SUBMITTED
            and detail.decidable
            and self.acting.actor.may(Permission.DECIDE_APPLICATIONS)
        )

    # -- loading --------------------------------------------------------------------------------
    def show_application(self, application_id: int, acting: CounterApi | None = None) -> None:
        """Load and show it, acting through `acting` (default: the signed-in interface)."""
        self.acting = self._context if acting is None else self._context.acting_as(acting)
        self.detail = None
        self._reveals += 1
        self._revealing = False
        self.revealed = None
        self.mask_again.stop()
        self.message.clear()
        self._show()
        self.reload(application_id)

    def reload(self, application_id: int | None = None) -> None:
        if application_id is None:
            if self.detail is None:
                return
            application_id = self.detail.application_id
        self._loads += 1
        load, api = self._loads, self.acting.api
        self._jobs.run(
            lambda: api.application_detail(application_id),
            lambda detail: self._loaded(load, detail),
            lambda error: self._load_failed(load, error),
        )

    def _loaded(self, load: int, detail: ApplicationDetail) -> None:
        if load != self._loads:
            return
        self.detail = detail
        self._show()
        if self.may_decide and self.isVisible():
            self.approve_button.setFocus()

    def _load_failed(self, load: int, error: Exception) -> None:
        if load == self._loads:
            self.message.setText(describe_error(error))

    def follow_change(self, change: Change) -> None:
        """Live news: another decision on the application shown reloads it and says so."""
        detail = self.detail
        if detail is None or change.application_id != detail.application_id:
            return
        if change.version <= detail.version:
            return  # what is shown already, or older news
        self.message.setText(
            self.tr("This application changed meanwhile: it is now %1.").replace(
                "%1", stored_state_label(change.state)
            )
        )
        self.reload()

    # -- revealing numbers -----------------------------------------------------------------------
    def reveal_numbers(self) -> None:
        """The numbers in full for REVEAL_MS, for a supervisor; the service audits each time."""
        detail = self.detail
        if detail is None or self.revealed is not None or self._revealing:
            return
        if not self.acting.actor.may(Permission.REVEAL_NUMBERS):
            return
        self._reveals += 1
        reveal, api, application_id = self._reveals, self.acting.api, detail.application_id
        self._revealing = True
        self._show()
        self._jobs.run(
            lambda: api.revealed_numbers(application_id),
            lambda revealed: self._numbers_revealed(reveal, revealed),
            lambda error: self._reveal_failed(reveal, error),
        )

    def _numbers_revealed(self, reveal: int, revealed: RevealedNumbers) -> None:
        if reveal != self._reveals:
            return  # the screen moved on: another application, or someone else acting
        self._revealing = False
        self.revealed = revealed
        self.mask_again.start()
        self._show()

    def _reveal_failed(self, reveal: int, error: Exception) -> None:
        if reveal == self._reveals:
            self._revealing = False
            self.message.setText(describe_error(error))
            self._show()

    def mask_numbers(self) -> None:
        self.mask_again.stop()
        self._reveals += 1
        self._revealing = False
        self.revealed = None
        self._show()

    def _number(self, masked: str, kind: str) -> str:
        """The number as shown: in full while revealed, else as the service masked it."""
        if self.revealed is None:
            return masked
        return getattr(self.revealed, kind) or masked

    # -- showing --------------------------------------------------------------------------------
    def _show(self) -> None:
        detail = self.detail
        self.approve_button.setEnabled(self.may_decide)
        self.reject_button.setEnabled(self.may_decide)
        self.reveal_button.setVisible(self.acting.actor.may(Permission.REVEAL_NUMBERS))
        self.reveal_button.setEnabled(
            detail is not None and self.revealed is None and not self._revealing
        )
        if detail is None:
            self.heading.setText(self.tr("Loading the application…"))
            for label in (self.state, self.summary, self.flags):
                label.clear()
            for table in (self.entered, self.materials, self.documents):
                table.setRowCount(0)
            self.preview_button.setEnabled(False)
            return
        title = [
            self.tr("Application %1").replace("%1", str(detail.application_id)),
            business_label(detail.business),
        ]
        if detail.reason is not None:
            title.append(reason_label(detail.reason))
        self.heading.setText(" · ".join(title))
        self.state.setText(state_label(detail.state))
        self.state.setStyleSheet(f"color: {STATE_COLOURS[detail.state]}; font-weight: bold;")
        self.summary.setText(self._summary(detail))
        self.flags.setText(self.tr("Flags: %1").replace("%1", flags_text(detail.flags)))
        self.flags.setStyleSheet("font-weight: bold;" if detail.flags else "")
        self._show_entered(detail)
        self._show_materials(detail)
        self._show_documents(detail)

    def _summary(self, detail: ApplicationDetail) -> str:
        lines = [
            self.tr("Receipt %1 · clerk %2 %3 · submitted %4")
            .replace("%1", detail.receipt_no or NOTHING)
            .replace("%2", detail.clerk_no)
            .replace("%3", detail.clerk_name)
            .replace("%4", minute_text(detail.submitted_at))
        ]
        if detail.checker_no is not None:
            lines.append(
                self.tr("Decided by %1 %2 at %3")
                .replace("%1", detail.checker_no)
                .replace("%2", detail.checker_name or "")
                .replace("%3", minute_text(detail.decided_at))
            )
        if detail.reject_reason:
            lines.append(self.tr("Reason for rejection: %1").replace("%1", detail.reject_reason))
        if detail.state is State.SUBMITTED and not detail.decidable:
            lines.append(
                self.tr("You took this application yourself: another supervisor decides it.")
            )
        if self.acting.api is not self._context.api:
            supervisor = self.acting.actor
            lines.append(
                self.tr("Deciding as supervisor %1 %2, signed in on this screen.")
                .replace("%1", supervisor.staff_no)
                .replace("%2", supervisor.name)
            )
        return "\n".join(lines)

    def _show_entered(self, detail: ApplicationDetail) -> None:
        rows = [
            (QTableWidgetItem(item), QTableWidgetItem(value))
            for item, value in self._entered_lines(detail)
        ]
        fill_table(self.entered, (self.tr("Item"), self.tr("Entered")), rows)

    def _entered_lines(self, detail: ApplicationDetail) -> Iterator[tuple[str, str]]:
        holder, revealed = detail.holder, self.revealed
        details: ApplicationDetails = revealed.details if revealed is not None else detail.details
        masked = revealed is None

        def shown(value: object) -> str:
            return _shown(value, masked)

        yield self.tr("Holder"), holder.name
        yield self.tr("Document number"), self._number(holder.document_number, "document_number")
        yield self.tr("Birth date"), holder.birth_date.isoformat() if holder.birth_date else NOTHING
        yield self.tr("Address"), shown(holder.address)
        if agent := details.representative:
            guardian = agent.role is RepresentativeRole.GUARDIAN
            kind = self.tr("Guardian") if guardian else self.tr("Agent")
            yield kind, shown(agent.name)
            yield (
                self.tr("%1's document number").replace("%1", kind),
                shown(agent.document_number),
            )
            yield self.tr("Relationship to the holder"), shown(agent.relationship)
        if detail.old_card_number:
            yield self.tr("Old card"), self._number(detail.old_card_number, "old_card_number")
        if detail.new_card_number:
            yield self.tr("New card"), self._number(detail.new_card_number, "new_card_number")
        if check := details.card_check:
            if check.unreadable:
                yield self.tr("Card check"), self.tr("The chip could not be read")
            if check.differences:
                yield self.tr("Card differs in"), differing_items(",".join(check.differences))
            if check.override_reason:
                yield self.tr("Accepted by supervisor"), shown(check.override_by)
                yield self.tr("Reason for accepting"), shown(check.override_reason)
        if correction := details.correction:
            for item in correction.items:
                label = CORRECTED_ITEM_LABELS.get(item.field)
                name = rules_text(label) if label else shown(item.field)
                yield (
                    self.tr("Correct %1").replace("%1", name),
                    f"{shown(item.old)} → {shown(item.new)}",
                )
            if correction.certificate_no:
                yield self.tr("Change certificate no."), shown(correction.certificate_no)
                yield self.tr("Issuing office"), shown(correction.certificate_office)
        yield from self._fee_lines(detail)

    def _fee_lines(self, detail: ApplicationDetail) -> Iterator[tuple[str, str]]:
        fee = detail.fee
        if fee is None:
            # What the clerk settled is due; nothing was recorded as collected yet.
            due = detail.details.fee
            text = _shown(f"{due.amount:.2f}" if due is not None else None)
            yield self.tr("Fee"), self.tr("%1, not collected yet").replace("%1", text)
            return
        yield self.tr("Fee"), amount(fee.amount)
        if fee.waiver_code:
            waiver = self._rules.waivers.get(fee.waiver_code)
            yield self.tr("Waiver"), rules_text(waiver.label) if waiver else fee.waiver_code
        if fee.voucher_no:
            yield (
                self.tr("Payment voucher"),
                self.tr("%1, paid %2")
                .replace("%1", fee.voucher_no)
                .replace("%2", minute_text(fee.paid_at)),
            )

    def _show_materials(self, detail: ApplicationDetail) -> None:
        labels = {m.code: m.label for ms in self._rules.materials.values() for m in ms}
        rows = []
        for line in detail.materials:
            label = labels.get(line.code)
            seen = self.tr("Seen ✓") if line.provided else self.tr("Not provided ✗")
            rows.append(
                (
                    QTableWidgetItem(rules_text(label) if label else line.code),
                    QTableWidgetItem(seen),
                )
            )
        fill_table(self.materials, (self.tr("Material"), self.tr("Ticked")), rows)

    def _show_documents(self, detail: ApplicationDetail) -> None:
        rows = [
            (
                QTableWidgetItem(document_title(document.kind)),
                QTableWidgetItem(document.receipt_no or NOTHING),
                QTableWidgetItem(str(document.print_count)),
                QTableWidgetItem(minute_text(document.created_at)),
            )
            for document in detail.documents
        ]
        headers = (self.tr("Document"), self.tr("Receipt no."), self.tr("Prints"), self.tr("Kept"))
        fill_table(self.documents, headers, rows)
        if detail.documents and self.documents.currentRow() < 0:
            self.documents.setCurrentCell(0, 0)
        self.preview_button.setEnabled(bool(detail.documents))

    # -- documents ------------------------------------------------------------------------------
    def preview_document(self) -> None:
        """The chosen document as first printed; Print in the preview prints it again."""
        detail, row = self.detail, self.documents.currentRow()
        if detail is None or not 0 <= row < len(detail.documents):
            return
        document_id = detail.documents[row].id
        api = self.acting.api
        self._jobs.run(
            lambda: api.document_preview(document_id),
            lambda built: self._open_preview(document_id, built),
            lambda error: self.message.setText(describe_error(error)),
        )

    def _open_preview(self, document_id: int, built: tuple[DocumentKind, bytes]) -> None:
        kind, pdf = built
        acting = self.acting
        api, send, printer = acting.api, acting.send, acting.printer()
        if self.preview is not None:
            self.preview.deleteLater()  # one preview at a time
        self.preview = PrintPreview(
            acting.background,
            pdf,
            document_title(kind),
            lambda: api.print_document(document_id, printer, send),
            printer=printer,
            parent=self,
        )
        self.preview.printed.connect(lambda _: self.reload())  # the print count moved on
        self.preview.open()

    # -- deciding -------------------------------------------------------------------------------
    def approve(self) -> None:
        if self.may_decide and not self.busy:
            self._decide(Action.APPROVE, None)

    def reject_application(self) -> None:
        detail = self.detail
        if detail is None or not self.may_decide or self.busy:
            return
        dialog = RejectDialog(detail.application_id, f"{detail.clerk_no} {detail.clerk_name}", self)
        self.reject_dialog = dialog
        dialog.finished.connect(lambda result: self._reject_answered(detail, result))
        dialog.open()

    def _reject_answered(self, detail: ApplicationDetail, result: int) -> None:
        dialog, self.reject_dialog = self.reject_dialog, None
        assert dialog is not None
        dialog.deleteLater()
        # The reason answers the application it was asked for, if that is still the one shown.
        if result and self.detail is detail:
            self._decide(Action.REJECT, dialog.text)

    def _decide(self, action: Action, note: str | None) -> None:
        detail = self.detail
        assert detail is not None
        api = self.acting.api
        self.approve_button.setEnabled(False)
        self.reject_button.setEnabled(False)
        self.message.setText(self.tr("Saving the decision…"))
        self._jobs.run(
            lambda: api.transition(detail.application_id, action, detail.version, note),
            self._decision_made,
            self._decision_refused,
        )

    def _decision_made(self, summary: ApplicationSummary) -> None:
        text = {
            State.APPROVED: self.tr("Application %1 approved."),
            State.REJECTED: self.tr("Application %1 sent back to clerk %2 with the reason."),
        }.get(summary.state, self.tr("Application %1 saved."))
        self.message.setText(text.replace("%1", str(summary.id)).replace("%2", summary.maker_no))
        self.reload()
        self.decided.emit(summary)

    def _decision_refused(self, error: Exception) -> None:
        self.message.setText(describe_error(error))
        if isinstance(error, StaleApplication):  # also AlreadyDecided: show what stands now
            self.reload()
            self.stale.emit()
        else:
            self._show()
