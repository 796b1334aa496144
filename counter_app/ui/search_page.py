"""Customer search (F7): an ID, card or receipt number (typed or scanned) or a name, the people
it finds, and the chosen person's cards, applications and loss reports.

Both look-ups run through Background; the service masks every number, so nothing on this page
shows one in full once a search has been answered (the field is emptied then).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.api.errors import NotFound
from counter_app.api.models import PersonFile, PersonHit
from counter_app.domain.application import State
from counter_app.domain.card import CardStatus
from counter_app.domain.person import Sex
from counter_app.services.search import (
    ApplicationLine,
    CardLine,
    LossReportLine,
    LossStanding,
    QueryKind,
    read_query,
)
from counter_app.ui.busy import busy_indicator
from counter_app.ui.jobs import WidgetJobs
from counter_app.ui.labels import (
    business_label,
    card_status_label,
    document_type_label,
    loss_channel_label,
    loss_kind_label,
    reason_label,
    sex_label,
    state_label,
)
from counter_app.ui.messages import describe_error
from counter_app.ui.page_context import PageContext
from counter_app.ui.page_parts import heading_label
from counter_app.ui.state_style import STATE_COLOURS
from counter_app.ui.tables import coloured_item, fill_table, read_only_table

NOTHING = "—"
CARD_COLOURS = {
    CardStatus.ACTIVE: "#2e7d32",
    CardStatus.LOST_TEMPORARY: "#ef6c00",
    CardStatus.LOST_FORMAL: "#c62828",
    CardStatus.PENDING_PICKUP: "#1565c0",
    CardStatus.CANCELLED: "#8d6e63",
}
LOSS_COLOURS = {
    LossStanding.IN_FORCE: "#c62828",
    LossStanding.LAPSED: "#616161",
    LossStanding.CANCELLED: "#8d6e63",
}


def _day(moment: datetime | date | None) -> str:
    if moment is None:
        return NOTHING
    if isinstance(moment, datetime):
        return moment.astimezone().date().isoformat()
    return moment.isoformat()


def _minute(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else NOTHING


class SearchPage(QWidget):
    """Emits `resume_requested(application id)` for the clerk's own draft or rejected application
    chosen with Enter or a double click."""

    resume_requested = Signal(int)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_page")
        self._context = context
        # The latest request of each kind wins when the clerk is faster than the database.
        self._searches = 0
        self._openings = 0
        self.hits: list[PersonHit] = []
        self.file: PersonFile | None = None

        self.heading = heading_label("search_heading")
        self.prompt = QLabel()
        self.query = QLineEdit()
        self.query.setObjectName("search_query")
        self.prompt.setBuddy(self.query)
        # A scanner types the receipt number and Enter: Enter in the field searches.
        self.query.returnPressed.connect(self.search)
        self.search_button = QPushButton()
        self.search_button.setAutoDefault(False)
        self.search_button.clicked.connect(self.search)
        self.busy_indicator = busy_indicator("search_busy")
        self.busy_indicator.setMaximumWidth(120)
        self._jobs = WidgetJobs(self, context.background, self.busy_indicator)
        self.message = QLabel()
        self.message.setObjectName("search_message")
        self.message.setWordWrap(True)

        self.results_label = QLabel()
        self.results = QListWidget()
        self.results.setObjectName("search_results")
        self.results.setMaximumHeight(150)
        self.results_label.setBuddy(self.results)
        self.results.currentRowChanged.connect(self._person_chosen)

        self.holder = QLabel()
        self.holder.setObjectName("person_summary")
        self.holder.setWordWrap(True)
        self.cards = read_only_table("person_cards")
        self.applications = read_only_table("person_applications")
        self.applications.activated.connect(self._application_chosen)
        self.resume_hint = QLabel()
        self.resume_hint.setWordWrap(True)
        self.loss_reports = read_only_table("person_loss_reports")
        applications_tab = QWidget()
        applications_column = QVBoxLayout(applications_tab)
        applications_column.addWidget(self.applications, 1)
        applications_column.addWidget(self.resume_hint)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("person_tabs")
        self.tabs.addTab(self.cards, "")
        self.tabs.addTab(applications_tab, "")
        self.tabs.addTab(self.loss_reports, "")
        self.person = QWidget()
        person_column = QVBoxLayout(self.person)
        person_column.setContentsMargins(0, 0, 0, 0)
        person_column.addWidget(self.holder)
        person_column.addWidget(self.tabs, 1)
        self.person.hide()

        field_row = QHBoxLayout()
        field_row.addWidget(self.query, 1)
        field_row.addWidget(self.search_button)
        field_row.addWidget(self.busy_indicator)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.prompt)
        layout.addLayout(field_row)
        layout.addWidget(self.message)
        layout.addWidget(self.results_label)
        layout.addWidget(self.results)
        layout.addWidget(self.person, 1)
        self.setTabOrder(self.query, self.search_button)
        self.setTabOrder(self.search_button, self.results)
        self.setTabOrder(self.results, self.tabs)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Find a customer"))
        self.prompt.setText(self.tr("&ID number, name, card number or receipt number:"))
        self.query.setPlaceholderText(self.tr("Type or scan, then press Enter"))
        self.search_button.setText(self.tr("&Search"))
        self.results_label.setText(self.tr("&People found:"))
        self.resume_hint.setText(
            self.tr("Enter or a double click resumes your own draft or rejected application.")
        )
        self._show_hits(self.results.currentRow())
        self._show_file()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.query.setFocus()
        self.query.selectAll()  # the next scan replaces what is there

    @property
    def busy(self) -> bool:
        return self._jobs.busy

    # -- searching ------------------------------------------------------------------------------
    def search(self) -> None:
        text = self.query.text()
        query = read_query(text)
        if not query.text:
            self.message.setText(
                self.tr("Type an ID number, name, card number or receipt number first.")
            )
            return
        self._searches += 1
        self._openings += 1  # a file still loading belongs to the previous search
        search, api = self._searches, self._context.api
        self.message.setText(self.tr("Searching…"))
        self._jobs.run(
            lambda: api.find_people(text),
            lambda hits: self._found(search, query.kind, query.shown, hits),
            lambda error: self._search_failed(search, error),
        )

    def _found(self, search: int, kind: QueryKind, shown: str, hits: list[PersonHit]) -> None:
        if search != self._searches:
            return
        self.hits = hits
        self.file = None
        self._show_file()
        if not hits:
            self._show_hits(-1)
            self.message.setText(self._nobody(kind))
            self.query.setFocus()
            self.query.selectAll()
            return
        # The typed number leaves the screen; the message repeats it masked.
        self.query.clear()
        self.message.setText(self.tr("Results for %1").replace("%1", shown))
        self._show_hits(0)
        self.results.setFocus()
        self._person_chosen(0)

    def _search_failed(self, search: int, error: Exception) -> None:
        if search != self._searches:
            return
        self.message.setText(describe_error(error))
        self.query.setFocus()
        self.query.selectAll()

    def _nobody(self, kind: QueryKind) -> str:
        return {
            QueryKind.ID_NUMBER: self.tr("Nobody has this ID number here. Check it and try again."),
            QueryKind.CARD_NUMBER: self.tr(
                "No card with this number is known here. Check it and try again."
            ),
            QueryKind.RECEIPT_NO: self.tr(
                "There is no application with this receipt number. Check it and try again."
            ),
            QueryKind.DOCUMENT_NUMBER: self.tr(
                "Nobody has a document with this number here. Check it and try again."
            ),
            QueryKind.NAME: self.tr("Nobody with this name is known here."),
        }[kind]

    def _show_hits(self, chosen: int) -> None:
        self.results.blockSignals(True)  # rendering is no choice of the clerk's
        self.results.clear()
        for hit in self.hits:
            item = QListWidgetItem(self._hit_text(hit))
            item.setData(Qt.ItemDataRole.UserRole, hit.person_id)
            self.results.addItem(item)
        self.results.setCurrentRow(chosen if 0 <= chosen < len(self.hits) else -1)
        self.results.blockSignals(False)
        self.results_label.setVisible(bool(self.hits))
        self.results.setVisible(bool(self.hits))

    def _hit_text(self, hit: PersonHit) -> str:
        holder = hit.holder
        return " · ".join(
            (
                holder.name,
                sex_label(holder.sex or Sex.UNSPECIFIED),
                _day(holder.birth_date),
                f"{document_type_label(holder.document_type)} {holder.document_number}",
            )
        )

    # -- the person's file ----------------------------------------------------------------------
    def _person_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.hits):
            return
        person_id = self.hits[row].person_id
        self._openings += 1
        opening, api = self._openings, self._context.api
        self._jobs.run(
            lambda: api.person_file(person_id),
            lambda opened: self._opened(opening, opened),
            lambda error: self._open_failed(opening, error),
        )

    def _opened(self, opening: int, opened: PersonFile) -> None:
        if opening != self._openings:
            return
        self.file = opened
        self._show_file()

    def _open_failed(self, opening: int, error: Exception) -> None:
        if opening != self._openings:
            return
        if isinstance(error, NotFound):
            self.message.setText(self.tr("This customer's record is gone. Search again."))
        else:
            self.message.setText(describe_error(error))

    def _show_file(self) -> None:
        opened = self.file
        self.person.setVisible(opened is not None)
        if opened is None:
            for table in (self.cards, self.applications, self.loss_reports):
                table.setRowCount(0)
            return
        holder = opened.holder
        self.holder.setText(
            self.tr("%1 · %2 · born %3 · %4 %5 · phone %6")
            .replace("%1", holder.name)
            .replace("%2", sex_label(holder.sex or Sex.UNSPECIFIED))
            .replace("%3", _day(holder.birth_date))
            .replace("%4", document_type_label(holder.document_type))
            .replace("%5", holder.document_number)
            .replace("%6", opened.phone or NOTHING)
        )
        self._show_cards(opened.cards)
        self._show_applications(opened.applications)
        self._show_loss_reports(opened.loss_reports)

    def _show_cards(self, cards: tuple[CardLine, ...]) -> None:
        headers = (
            self.tr("Card no."),
            self.tr("Version"),
            self.tr("Status"),
            self.tr("Issued on"),
            self.tr("Valid until"),
        )
        rows = [
            (
                QTableWidgetItem(card.card_number),
                QTableWidgetItem(card.spec_version or NOTHING),
                coloured_item(card_status_label(card.status), CARD_COLOURS[card.status]),
                QTableWidgetItem(_day(card.issue_date)),
                QTableWidgetItem(_day(card.expiry_date)),
            )
            for card in cards
        ]
        fill_table(self.cards, headers, rows)
        self.tabs.setTabText(0, self.tr("&Cards (%1)").replace("%1", str(len(cards))))

    def _show_applications(self, lines: tuple[ApplicationLine, ...]) -> None:
        headers = (
            self.tr("No."),
            self.tr("Business"),
            self.tr("Reason"),
            self.tr("State"),
            self.tr("Receipt no."),
            self.tr("Created on"),
            self.tr("Submitted on"),
            self.tr("Clerk"),
        )
        rows = [
            (
                QTableWidgetItem(str(line.application_id)),
                QTableWidgetItem(business_label(line.business)),
                QTableWidgetItem(reason_label(line.reason) if line.reason else NOTHING),
                coloured_item(state_label(line.state), STATE_COLOURS[line.state]),
                QTableWidgetItem(line.receipt_no or NOTHING),
                QTableWidgetItem(_day(line.created_at)),
                QTableWidgetItem(_day(line.submitted_at)),
                QTableWidgetItem(line.maker_no),
            )
            for line in lines
        ]
        fill_table(self.applications, headers, rows)
        self.resume_hint.setVisible(any(line.resumable for line in lines))
        self.tabs.setTabText(1, self.tr("&Applications (%1)").replace("%1", str(len(lines))))

    def _show_loss_reports(self, reports: tuple[LossReportLine, ...]) -> None:
        headers = (
            self.tr("Card no."),
            self.tr("Kind"),
            self.tr("Reported via"),
            self.tr("Reported on"),
            self.tr("Lapses on"),
            self.tr("Standing"),
        )
        rows = [
            (
                QTableWidgetItem(report.card_number),
                QTableWidgetItem(loss_kind_label(report.kind)),
                QTableWidgetItem(loss_channel_label(report.channel)),
                QTableWidgetItem(_minute(report.reported_at)),
                QTableWidgetItem(_day(report.expires_on)),
                coloured_item(self._standing(report), LOSS_COLOURS[report.standing]),
            )
            for report in reports
        ]
        fill_table(self.loss_reports, headers, rows)
        self.tabs.setTabText(2, self.tr("&Loss reports (%1)").replace("%1", str(len(reports))))

    # -- resuming -------------------------------------------------------------------------------
    def _application_chosen(self, index: QModelIndex) -> None:
        if self.file is None or not 0 <= index.row() < len(self.file.applications):
            return
        line = self.file.applications[index.row()]
        if line.resumable:
            self.resume_requested.emit(line.application_id)
        elif line.state in (State.DRAFT, State.REJECTED):
            self.message.setText(
                self.tr("Only clerk %1, who took application %2, can resume it.")
                .replace("%1", line.maker_no)
                .replace("%2", str(line.application_id))
            )
        else:
            self.message.setText(
                self.tr("Application %1 is %2: only drafts and rejected applications resume.")
                .replace("%1", str(line.application_id))
                .replace("%2", state_label(line.state))
            )

    # -- names of values ------------------------------------------------------------------------
    def _standing(self, report: LossReportLine) -> str:
        return {
            LossStanding.IN_FORCE: self.tr("In force"),
            LossStanding.LAPSED: self.tr("Lapsed"),
            LossStanding.CANCELLED: self.tr("Cancelled %1").replace(
                "%1", _minute(report.cancelled_at)
            ),
        }[report.standing]
