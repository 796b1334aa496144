"""The clerk's own submitted and rejected applications, newest first, with why each rejected
one came back. A rejected one is reworked: reopened as a draft and resumed in the business's
pages. Where local practice wants it, a supervisor signs in on this screen to decide one
submitted application here, and the sign-in ends with that decision.

The list follows live news of the clerk's own applications, so a decision taken at the
supervisor's desk shows here within a second or two.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from counter_app.api.models import ApplicationSummary, OwnRow
from counter_app.domain.application import Action, State
from counter_app.store.changes import Change
from counter_app.ui.application_list import ApplicationListPage
from counter_app.ui.application_texts import NOTHING, minute_text, stored_state_label
from counter_app.ui.decision_dialogs import AuthoriseDialog
from counter_app.ui.labels import business_label, reason_label, state_label
from counter_app.ui.live_updates import LiveUpdates
from counter_app.ui.messages import describe_error
from counter_app.ui.page_context import PageContext
from counter_app.ui.page_parts import action_button
from counter_app.ui.state_style import STATE_COLOURS
from counter_app.ui.tables import coloured_item, fill_table

REASON_COLUMN = 7
OWN_STATES = (State.SUBMITTED, State.REJECTED)  # what the page lists


class MyApplicationsPage(ApplicationListPage):
    """Emits `resume_requested(application id)` once a rejected application is reopened as a
    draft, and `changed()` when the counts are stale (reopened, or decided on this screen)."""

    resume_requested = Signal(int)

    def __init__(
        self,
        context: PageContext,
        parent: QWidget | None = None,
        *,
        live: LiveUpdates | None = None,
    ) -> None:
        super().__init__("mine", context, parent, live=live)
        self.rows: tuple[OwnRow, ...] = ()
        self.authorise_dialog: AuthoriseDialog | None = None
        self.table.currentCellChanged.connect(lambda *_: self._enable())
        self.rework_button = action_button("mine_rework", self.rework_current)
        self.authorise_button = action_button("mine_authorise", self.supervisor_decides_here)
        for button in (self.authorise_button, self.rework_button, self.open_button):
            self.bottom.addWidget(button)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(
            self.tr("My submitted and rejected applications, newest first. Enter opens one.")
        )
        self.open_button.setText(self.tr("&Open (Enter)"))
        self.rework_button.setText(self.tr("&Rework as a draft"))
        self.authorise_button.setText(self.tr("Supervisor &decides here…"))
        self._show()

    # -- loading --------------------------------------------------------------------------------
    def _work(self) -> Callable[[], tuple[OwnRow, ...]]:
        api = self._context.api
        return lambda: api.own_applications(OWN_STATES)

    def _take(self, rows: tuple[OwnRow, ...]) -> None:
        keep = self.current_application()
        self.rows = rows
        self._show(keep)

    def _concerns(self, change: Change) -> bool:
        return change.maker_id == self._context.actor.staff_id

    def _news(self, change: Change) -> None:
        if change.state in (State.APPROVED, State.REJECTED):
            self.message.setText(
                self.tr("Application %1 is now %2.")
                .replace("%1", str(change.application_id))
                .replace("%2", stored_state_label(change.state))
            )

    # -- showing --------------------------------------------------------------------------------
    def _show(self, keep: int | None = None) -> None:
        headers = (
            self.tr("No."),
            self.tr("Submitted"),
            self.tr("Business"),
            self.tr("Reason"),
            self.tr("Holder"),
            self.tr("State"),
            self.tr("Decided by"),
            self.tr("Why it came back"),
        )
        fill_table(self.table, headers, [self._cells(row) for row in self.rows])
        self.select([row.application_id for row in self.rows], keep)
        if not self.rows and not self.message.text():
            self.message.setText(self.tr("No submitted or rejected applications."))
        self._enable()

    def _cells(self, row: OwnRow) -> list[QTableWidgetItem]:
        decided = NOTHING
        if row.checker_no is not None:
            decided = f"{row.checker_no} {row.checker_name or ''} · {minute_text(row.decided_at)}"
        return [
            QTableWidgetItem(str(row.application_id)),
            QTableWidgetItem(minute_text(row.submitted_at)),
            QTableWidgetItem(business_label(row.business)),
            QTableWidgetItem(reason_label(row.reason) if row.reason else NOTHING),
            QTableWidgetItem(f"{row.holder_name} {row.document_number}"),
            coloured_item(state_label(row.state), STATE_COLOURS[row.state]),
            QTableWidgetItem(decided),
            QTableWidgetItem(row.reject_reason or NOTHING),
        ]

    def current_row(self) -> OwnRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def current_application(self) -> int | None:
        row = self.current_row()
        return row.application_id if row else None

    def _enable(self) -> None:
        row = self.current_row()
        self.open_button.setEnabled(row is not None)
        self.rework_button.setEnabled(row is not None and row.state is State.REJECTED)
        self.authorise_button.setEnabled(row is not None and row.state is State.SUBMITTED)

    # -- actions ----------------------------------------------------------------------------------
    def rework_current(self) -> None:
        row = self.current_row()
        if row is None or row.state is not State.REJECTED or self.busy:
            return
        api = self._context.api
        self._jobs.run(
            lambda: api.transition(row.application_id, Action.REOPEN, row.version),
            self._reopened,
            self._action_failed,
        )

    def _reopened(self, summary: ApplicationSummary) -> None:
        self.message.setText(
            self.tr("Application %1 is a draft again.").replace("%1", str(summary.id))
        )
        self.changed.emit()
        self.refresh()
        self.resume_requested.emit(summary.id)

    def _action_failed(self, error: Exception) -> None:
        self.message.setText(describe_error(error))
        self.refresh()

    def supervisor_decides_here(self) -> None:
        row = self.current_row()
        if row is None or row.state is not State.SUBMITTED:
            return
        application_id = row.application_id
        dialog = AuthoriseDialog(self._context, application_id, self)
        self.authorise_dialog = dialog
        dialog.finished.connect(lambda result: self._authorise_finished(application_id, result))
        dialog.open()

    def _authorise_finished(self, application_id: int, result: int) -> None:
        dialog, self.authorise_dialog = self.authorise_dialog, None
        assert dialog is not None
        dialog.deleteLater()
        if result and dialog.supervisor is not None:
            self.open_application(application_id, dialog.supervisor)
