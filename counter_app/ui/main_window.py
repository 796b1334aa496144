"""The counter's main window: businesses on the left, the work in the centre, the card and
the customer on the right, and the reader, database and rules always visible below."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDateTime, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.api.interface import CounterApi
from counter_app.api.models import Actor, SendToPrinter
from counter_app.card.errors import CardNotGenuine
from counter_app.card.qt_bridge import CardWatcher
from counter_app.card.reader_state import Situation
from counter_app.domain.application import Business
from counter_app.domain.roles import Permission
from counter_app.printing.dispatch import print_pdf
from counter_app.store.database import Database
from counter_app.ui.background import Background
from counter_app.ui.busy import busy_indicator
from counter_app.ui.card_messages import reader_status
from counter_app.ui.drafts_page import DraftsPage
from counter_app.ui.labels import business_label, role_label
from counter_app.ui.live_updates import LiveUpdates
from counter_app.ui.messages import describe_error
from counter_app.ui.my_applications_page import MyApplicationsPage
from counter_app.ui.page_context import PageContext
from counter_app.ui.queue_page import QueuePage
from counter_app.ui.reader_panel import ReaderPanel
from counter_app.ui.report_dialog import ReportDialog
from counter_app.ui.search_page import SearchPage
from counter_app.ui.training_panel import SimulatorControl, TrainingPanel
from counter_app.ui.wizard.business_wizard import BusinessWizard
from counter_app.ui.wizard.confirm import confirmed

BUSINESS_KEYS: tuple[tuple[Business, str], ...] = (
    (Business.REPLACEMENT, "F2"),
    (Business.REISSUE, "F3"),
    (Business.CORRECTION, "F4"),
    (Business.PICKUP, "F5"),
    (Business.LOSS_REPORT, "F6"),
)
SEARCH_KEY = "F7"
QUEUE_KEY = "F8"
REPRINT_KEY = "F9"
COUNTS_REFRESH_MS = 30_000


@dataclass
class Counts:
    pending_decisions: int
    open_drafts: int


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    lock_requested = Signal()
    about_requested = Signal()
    reprint_requested = Signal()

    def __init__(
        self,
        api: CounterApi,
        background: Background,
        db: Database,
        parent: QWidget | None = None,
        *,
        watcher: CardWatcher | None = None,
        simulator: SimulatorControl | None = None,
        printer: Callable[[], str | None] | None = None,
        send: SendToPrinter = print_pdf,
    ) -> None:
        """`api`: the use cases as the signed-in member of staff, the only way the pages reach
        them. `db` serves the live news of other counters' changes alone (the embedded mode
        listens to the database itself). `printer` names the settings' printer at the moment
        of printing (None: CUPS's default); `send` replaces CUPS in tests."""
        super().__init__(parent)
        self._db, self._background = db, background
        print_to = printer or (lambda: None)
        # What every page works with, made once: the interface, the background, the printer.
        self.context = PageContext(api, background, printer=print_to, send=send)
        self._rules = api.rules
        # The window owns the watcher: it starts when the window opens, stops when it closes.
        self.watcher = watcher
        if watcher is not None:
            watcher.setParent(self)
        self._counts = Counts(0, 0)
        self._database_online: bool | None = None
        self.setMinimumSize(1024, 640)
        self.resize(1366, 768)

        self.header = QLabel()
        self.header.setObjectName("header")
        self.businesses = QListWidget()
        self.businesses.setObjectName("businesses")
        self.businesses.setMaximumWidth(240)
        self.businesses.itemActivated.connect(self._item_chosen)
        self.businesses.itemClicked.connect(self._item_chosen)
        self.pages = QStackedWidget()
        self.welcome = QLabel()
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.wizard = BusinessWizard(self.context)
        self.wizard.setObjectName("business_page")
        self.wizard.finished.connect(self._business_finished)
        self.drafts_page = DraftsPage(self.context)
        self.drafts_page.resume_requested.connect(self.resume_draft)
        self.drafts_page.follow_up_requested.connect(self.follow_up_correction)
        self.drafts_page.changed.connect(self.refresh_counts)
        self.search_page = SearchPage(self.context)
        self.search_page.resume_requested.connect(self.resume_draft)
        # Changes other counters make arrive by themselves (LISTEN/NOTIFY, or polling).
        self.live = LiveUpdates(db, self)
        self.live.online_changed.connect(self._live_online)
        self._news = QTimer(self)  # a burst of changes refreshes the counts once
        self._news.setSingleShot(True)
        self._news.setInterval(200)
        self._news.timeout.connect(self.refresh_counts)
        self.live.changed.connect(self._news.start)
        self.queue_page = QueuePage(self.context, live=self.live)
        self.queue_page.changed.connect(self.refresh_counts)
        self.my_applications_page = MyApplicationsPage(self.context, live=self.live)
        self.my_applications_page.resume_requested.connect(self.resume_draft)
        self.my_applications_page.changed.connect(self.refresh_counts)
        for page in (
            self.welcome,
            self.wizard,
            self.drafts_page,
            self.search_page,
            self.queue_page,
            self.my_applications_page,
        ):
            self.pages.addWidget(page)
        self._drafts_offered = False

        self.reader_panel = ReaderPanel(watcher)
        self.reader_panel.suspect_card.connect(self._record_suspect_card)
        self.training_panel = TrainingPanel(background, simulator)
        self.customer_box = QGroupBox()
        self.customer_summary = QLabel()
        self.customer_summary.setWordWrap(True)
        QVBoxLayout(self.customer_box).addWidget(self.customer_summary)
        right = QVBoxLayout()
        right.addWidget(self.reader_panel)
        right.addWidget(self.training_panel)
        right.addWidget(self.customer_box)
        right.addStretch(1)
        right_panel = QWidget()
        right_panel.setLayout(right)
        right_panel.setMaximumWidth(320)  # room for the card's masked numbers

        body = QHBoxLayout()
        body.addWidget(self.businesses)
        body.addWidget(self.pages, 1)
        body.addWidget(right_panel)
        central = QWidget()
        column = QVBoxLayout(central)
        column.addWidget(self.header)
        column.addLayout(body, 1)
        self.setCentralWidget(central)

        self.reader_status = QLabel()
        self.reader_status.setObjectName("reader_status")
        if watcher is not None:
            watcher.situation_changed.connect(self._reader_situation)
            watcher.situation_changed.connect(self.wizard.follow)
        self.database_status = QLabel()
        self.database_status.setObjectName("database_status")
        self.rules_status = QLabel()
        for label in (self.reader_status, self.database_status, self.rules_status):
            self.statusBar().addPermanentWidget(label, 1)
        # Shown while anything runs in the background; the window stays usable meanwhile.
        self.busy_indicator = busy_indicator(visible=background.busy)
        self.busy_indicator.setMaximumWidth(120)
        self.statusBar().addPermanentWidget(self.busy_indicator)
        background.busy_changed.connect(self.busy_indicator.setVisible)

        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.about_action = QAction(self)
        self.about_action.setShortcut(QKeySequence("F1"))
        self.about_action.triggered.connect(self.about_requested)
        self.reprint_action = QAction(self)
        self.reprint_action.setShortcut(QKeySequence(REPRINT_KEY))
        self.reprint_action.triggered.connect(self.reprint_requested)
        self.report_action = QAction(self)
        self.report_action.triggered.connect(self.open_daily_report)
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("session_toolbar")
        self.toolbar.setMovable(False)
        for action in (
            self.reprint_action,
            self.report_action,
            self.lock_action,
            self.sign_out_action,
            self.about_action,
        ):
            self.toolbar.addAction(action)
        self.report_action.setVisible(self.actor.may(Permission.VIEW_REPORTS))

        self._business_actions: list[QAction] = []
        for business, key in BUSINESS_KEYS:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, b=business: self.choose_business(b))
            self.addAction(action)
            self._business_actions.append(action)
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence(SEARCH_KEY))
        self.search_action.triggered.connect(lambda: self._show_page(self.search_page))
        self.addAction(self.search_action)
        self.queue_action = QAction(self)
        self.queue_action.setShortcut(QKeySequence(QUEUE_KEY))
        self.queue_action.triggered.connect(self.show_queue)
        self.addAction(self.queue_action)

        self._clock = QTimer(self)
        self._clock.timeout.connect(self._update_header)
        self._clock.start(30_000)
        self._counts_timer = QTimer(self)
        self._counts_timer.timeout.connect(self.refresh_counts)
        self._counts_timer.start(COUNTS_REFRESH_MS)
        self.retranslate()
        self.refresh_counts()

    @property
    def actor(self) -> Actor:
        """Who is signed in."""
        return self.context.actor

    # -- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Social security card counter"))
        self.lock_action.setText(self.tr("Lock screen"))
        self.sign_out_action.setText(self.tr("Sign out"))
        self.about_action.setText(self.tr("About"))
        self.reprint_action.setText(self.tr("Reprint receipt (%1)").replace("%1", REPRINT_KEY))
        self.report_action.setText(self.tr("Daily report"))
        self.welcome.setText(self.tr("Choose a business on the left, or press its key (F2–F6)."))
        self.customer_box.setTitle(self.tr("Customer"))
        self.customer_summary.setText(self.tr("No customer is being served."))
        self._update_reader_status()
        self.rules_status.setText(
            self.tr("Rules: %1 version %2")
            .replace("%1", self._rules.region_code)
            .replace("%2", self._rules.version)
        )
        self._fill_business_list()
        self._update_header()
        self._update_database_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the card reader -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.watcher is not None and not self.watcher.running:
            self.watcher.start()
        if not self.live.running:
            self.live.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_watching()
        super().closeEvent(event)

    def stop_watching(self) -> None:
        """Stops the reader thread and the live updates (sign-out, close); the panel forgets
        the card."""
        if self.watcher is not None:
            self.watcher.stop()
        self.live.stop()
        self.reader_panel.forget()

    def _record_suspect_card(self, error: CardNotGenuine) -> None:
        api = self.context.api
        self._background.run(
            lambda: api.record_not_genuine(error.card_number, error.card_id, "window"),
            lambda _: None,
            self._counts_failed,
        )

    def _reader_situation(self, situation: Situation) -> None:
        self.training_panel.follow(situation)
        self._update_reader_status()

    def _update_reader_status(self) -> None:
        watcher = self.watcher
        self.reader_status.setText(
            reader_status(watcher.situation if watcher else None, enabled=watcher is not None)
        )

    def _fill_business_list(self) -> None:
        self.businesses.clear()
        if self.actor.may(Permission.TAKE_APPLICATIONS):
            for business, key in BUSINESS_KEYS:
                item = QListWidgetItem(f"{key}  {business_label(business)}")
                item.setData(Qt.ItemDataRole.UserRole, business.value)
                self.businesses.addItem(item)
            search = QListWidgetItem(f"{SEARCH_KEY}  " + self.tr("Search customers"))
            search.setData(Qt.ItemDataRole.UserRole, "search")
            self.businesses.addItem(search)
            drafts = QListWidgetItem(
                self.tr("My drafts (%1)").replace("%1", str(self._counts.open_drafts))
            )
            drafts.setData(Qt.ItemDataRole.UserRole, "drafts")
            self.businesses.addItem(drafts)
            mine = QListWidgetItem(self.tr("My applications"))
            mine.setData(Qt.ItemDataRole.UserRole, "mine")
            self.businesses.addItem(mine)
        if self.actor.may(Permission.DECIDE_APPLICATIONS):
            queue_item = QListWidgetItem(
                f"{QUEUE_KEY}  "
                + self.tr("Approval queue (%1)").replace("%1", str(self._counts.pending_decisions))
            )
            queue_item.setData(Qt.ItemDataRole.UserRole, "queue")
            self.businesses.addItem(queue_item)

    def _update_header(self) -> None:
        now = QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm")
        parts = [
            self._rules.outlet.name,
            f"{role_label(self.actor.role)} {self.actor.staff_no} {self.actor.name}",
            now,
        ]
        self.header.setText(" · ".join(parts))

    def _update_database_status(self) -> None:
        if self._database_online is None:
            state = self.tr("connecting")
        elif self._database_online:
            state = self.tr("online")
        else:
            state = self.tr("offline")
        kind = self.tr("this workstation") if self._db.is_sqlite else self.tr("outlet server")
        self.database_status.setText(
            self.tr("Database: %1, %2").replace("%1", kind).replace("%2", state)
        )

    # -- work ----------------------------------------------------------------------------------
    def _item_chosen(self, item: QListWidgetItem) -> None:
        value = item.data(Qt.ItemDataRole.UserRole)
        if value in {business.value for business in Business}:
            self.choose_business(Business(value))
        elif value == "drafts":
            self._show_page(self.drafts_page)
        elif value == "search":
            self._show_page(self.search_page)
        elif value == "mine":
            self._show_page(self.my_applications_page)
        elif value == "queue":
            self.show_queue()

    def show_queue(self) -> None:
        if self.actor.may(Permission.DECIDE_APPLICATIONS):
            self._show_page(self.queue_page)

    def open_daily_report(self) -> None:
        ReportDialog(self.context, self).open()

    def _live_online(self, online: bool) -> None:
        self._database_online = online
        self._update_database_status()

    @property
    def current_business(self) -> Business | None:
        flow = self.wizard.flow
        return flow.business if flow is not None else None

    def choose_business(self, business: Business) -> None:
        if not self.actor.may(Permission.TAKE_APPLICATIONS) or not self._may_leave_business():
            return
        self.wizard.start(business)
        self._show_page(self.wizard)

    def resume_draft(self, application_id: int) -> None:
        if not self._may_leave_business():
            return
        self.wizard.resume(application_id)
        self._show_page(self.wizard)

    def follow_up_correction(self, correction_id: int) -> None:
        if not self._may_leave_business():
            return
        self.wizard.follow_up(correction_id)
        self._show_page(self.wizard)

    def _may_leave_business(self) -> bool:
        """One business at a time: leaving one in progress asks first (its draft is kept)."""
        if not self.wizard.in_progress or self.wizard.busy:
            return not self.wizard.busy
        saved = self.wizard.flow is not None and self.wizard.flow.application_id is not None
        question = (
            self.tr("Leave the business in progress? It stays in My drafts.")
            if saved
            else self.tr("Leave the business in progress? Nothing of it was saved yet.")
        )
        return confirmed(self, self.tr("Business in progress"), question)

    def _show_page(self, page: QWidget) -> None:
        if page is not self.wizard and not self._may_leave_business():
            return
        if page is not self.wizard:
            self.wizard.flow = None
        self.pages.setCurrentWidget(page)

    def _business_finished(self) -> None:
        self.refresh_counts()
        if self.wizard.flow is None:
            self.pages.setCurrentWidget(self.welcome)

    def refresh_counts(self) -> None:
        api = self.context.api
        self._background.run(
            lambda: Counts(api.decidable_count(), api.open_drafts()),
            self._counts_arrived,
            self._counts_failed,
        )

    def _counts_arrived(self, counts: Counts) -> None:
        self._counts, self._database_online = counts, True
        self._fill_business_list()
        self._update_database_status()
        # After signing in, drafts left by a crash or a busy day are offered first.
        if not self._drafts_offered and counts.open_drafts and self.wizard.flow is None:
            self._drafts_offered = True
            self.pages.setCurrentWidget(self.drafts_page)

    def _counts_failed(self, error: Exception) -> None:
        self._database_online = False
        self._update_database_status()
        self.statusBar().showMessage(describe_error(error), 10_000)
