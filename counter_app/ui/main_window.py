"""The counter's main window: businesses on the left, the work in the centre, the card and
the customer on the right, and the reader, database and rules always visible below."""

from __future__ import annotations

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

from counter_app.card.qt_bridge import CardWatcher
from counter_app.card.reader_state import Situation
from counter_app.domain.application import Business
from counter_app.domain.roles import Permission
from counter_app.domain.rules import LocalityRules
from counter_app.services import applications
from counter_app.services.actor import Actor
from counter_app.store.database import Database
from counter_app.ui.background import Background
from counter_app.ui.busy import busy_indicator
from counter_app.ui.card_messages import reader_status
from counter_app.ui.labels import business_label, role_label
from counter_app.ui.messages import describe_error
from counter_app.ui.reader_panel import ReaderPanel
from counter_app.ui.training_panel import SimulatorControl, TrainingPanel

BUSINESS_KEYS: tuple[tuple[Business, str], ...] = (
    (Business.REPLACEMENT, "F2"),
    (Business.REISSUE, "F3"),
    (Business.CORRECTION, "F4"),
    (Business.PICKUP, "F5"),
    (Business.LOSS_REPORT, "F6"),
)
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
        db: Database,
        background: Background,
        actor: Actor,
        rules: LocalityRules,
        parent: QWidget | None = None,
        *,
        watcher: CardWatcher | None = None,
        simulator: SimulatorControl | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._background, self.actor, self._rules = db, background, actor, rules
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
        self.business_page = QLabel()
        self.business_page.setObjectName("business_page")
        self.business_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.business_page.setWordWrap(True)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.business_page)
        self.current_business: Business | None = None

        self.reader_panel = ReaderPanel(watcher)
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
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("session_toolbar")
        self.toolbar.setMovable(False)
        for action in (
            self.reprint_action,
            self.lock_action,
            self.sign_out_action,
            self.about_action,
        ):
            self.toolbar.addAction(action)

        self._business_actions: list[QAction] = []
        for business, key in BUSINESS_KEYS:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _=False, b=business: self.choose_business(b))
            self.addAction(action)
            self._business_actions.append(action)

        self._clock = QTimer(self)
        self._clock.timeout.connect(self._update_header)
        self._clock.start(30_000)
        self._counts_timer = QTimer(self)
        self._counts_timer.timeout.connect(self.refresh_counts)
        self._counts_timer.start(COUNTS_REFRESH_MS)
        self.retranslate()
        self.refresh_counts()

    # -- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Social security card counter"))
        self.lock_action.setText(self.tr("Lock screen"))
        self.sign_out_action.setText(self.tr("Sign out"))
        self.about_action.setText(self.tr("About"))
        self.reprint_action.setText(self.tr("Reprint receipt (%1)").replace("%1", REPRINT_KEY))
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
        if self.current_business is not None:
            self._show_business_page()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the card reader -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.watcher is not None and not self.watcher.running:
            self.watcher.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_watching()
        super().closeEvent(event)

    def stop_watching(self) -> None:
        """Stops the reader thread (sign-out, close); the panel forgets the card."""
        if self.watcher is not None:
            self.watcher.stop()
        self.reader_panel.forget()

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
            drafts = QListWidgetItem(
                self.tr("My drafts (%1)").replace("%1", str(self._counts.open_drafts))
            )
            drafts.setData(Qt.ItemDataRole.UserRole, "drafts")
            self.businesses.addItem(drafts)
        if self.actor.may(Permission.DECIDE_APPLICATIONS):
            queue = QListWidgetItem(
                f"{QUEUE_KEY}  "
                + self.tr("Approval queue (%1)").replace("%1", str(self._counts.pending_decisions))
            )
            queue.setData(Qt.ItemDataRole.UserRole, "queue")
            self.businesses.addItem(queue)

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

    def choose_business(self, business: Business) -> None:
        if not self.actor.may(Permission.TAKE_APPLICATIONS):
            return
        self.current_business = business
        self._show_business_page()

    def _show_business_page(self) -> None:
        assert self.current_business is not None
        self.business_page.setText(
            self.tr("%1: the steps of this business are not available in this version.").replace(
                "%1", business_label(self.current_business)
            )
        )
        self.pages.setCurrentWidget(self.business_page)

    def refresh_counts(self) -> None:
        db, actor = self._db, self.actor
        self._background.run(
            lambda: Counts(
                applications.pending_decisions(db, actor), applications.open_drafts(db, actor)
            ),
            self._counts_arrived,
            self._counts_failed,
        )

    def _counts_arrived(self, counts: Counts) -> None:
        self._counts, self._database_online = counts, True
        self._fill_business_list()
        self._update_database_status()

    def _counts_failed(self, error: Exception) -> None:
        self._database_online = False
        self._update_database_status()
        self.statusBar().showMessage(describe_error(error), 10_000)
