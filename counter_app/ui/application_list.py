"""The frame shared by the supervisor's queue and the clerk's own list: a table of applications
that opens one in full (Enter, Esc back), reloads itself on live news that concerns it (and after
an outage), and says when it is offline. Subclasses say what to load, how to show it and which
news concerns them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from counter_app.api.interface import CounterApi
from counter_app.api.models import ApplicationSummary
from counter_app.store.changes import Change
from counter_app.ui.application_view import ApplicationView
from counter_app.ui.busy import busy_indicator
from counter_app.ui.jobs import WidgetJobs
from counter_app.ui.live_indicator import LiveIndicator
from counter_app.ui.live_updates import LiveUpdates
from counter_app.ui.messages import describe_error
from counter_app.ui.page_context import PageContext
from counter_app.ui.page_parts import action_button, heading_label
from counter_app.ui.tables import read_only_table

# Live news comes in bursts (a submission is two changes): one reload after the burst.
RELOAD_DELAY_MS = 200


class ApplicationListPage(QWidget):
    """Emits `changed()` after each decision taken from this page (the counts are stale)."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        context: PageContext,
        parent: QWidget | None = None,
        *,
        live: LiveUpdates | None = None,
    ) -> None:
        """`name` prefixes the widgets' object names; `live` brings other counters' changes."""
        super().__init__(parent)
        self.setObjectName(f"{name}_page")
        self._context = context
        self._loads = 0  # the latest load wins when requests outrun the database

        self.heading = heading_label(f"{name}_heading")
        self.live_indicator = LiveIndicator(live)
        self.table = read_only_table(f"{name}_table")
        self.table.activated.connect(lambda _: self.open_current())
        self.message = QLabel()
        self.message.setObjectName(f"{name}_message")
        self.message.setWordWrap(True)
        self.busy_indicator = busy_indicator(f"{name}_busy")
        self.busy_indicator.setMaximumWidth(120)
        self._jobs = WidgetJobs(self, context.background, self.busy_indicator)
        self.open_button = action_button(f"{name}_open", self.open_current)
        self.controls = QVBoxLayout()  # between the heading and the table: filters, if any
        self.bottom = QHBoxLayout()
        self.bottom.addWidget(self.busy_indicator)
        self.bottom.addStretch(1)

        self.listing = QWidget()
        column = QVBoxLayout(self.listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.live_indicator)
        column.addLayout(self.controls)
        column.addWidget(self.table, 1)
        column.addWidget(self.message)
        column.addLayout(self.bottom)
        self.view = ApplicationView(context)
        self.view.closed.connect(self.show_list)
        self.view.decided.connect(self._decided)
        self.view.stale.connect(self.refresh)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.listing)
        self.stack.addWidget(self.view)
        QVBoxLayout(self).addWidget(self.stack)

        self.add_key(QKeySequence(Qt.Key.Key_F5), self.refresh)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.refresh)
        if live is not None:
            live.changed.connect(self.follow_change)
            live.online_changed.connect(self._online_changed)

    def add_key(self, key: QKeySequence, slot: Callable[[], object]) -> None:
        """A key of the list (not of the full view shown instead of it)."""
        shortcut = QShortcut(key, self.listing)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # -- what subclasses say --------------------------------------------------------------------
    def retranslate(self) -> None:
        raise NotImplementedError

    def _work(self) -> Callable[[], Any]:
        """What loads the list (runs off the GUI thread)."""
        raise NotImplementedError

    def _take(self, loaded: Any) -> None:
        """Keep and show what `_work` loaded."""
        raise NotImplementedError

    def _concerns(self, change: Change) -> bool:
        raise NotImplementedError

    def current_application(self) -> int | None:
        raise NotImplementedError

    def _news(self, change: Change) -> None:
        """Live news that concerns the list, before it reloads."""

    # -- events ---------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stack.currentWidget() is self.listing:
            self.refresh()
            self.table.setFocus()

    @property
    def busy(self) -> bool:
        return self._jobs.busy

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._reload_timer.stop()
        self._loads += 1
        load = self._loads
        self._jobs.run(
            self._work(),
            lambda loaded: self._arrived(load, loaded),
            lambda error: self._failed(load, error),
        )

    def _arrived(self, load: int, loaded: Any) -> None:
        if load == self._loads:
            self._take(loaded)

    def _failed(self, load: int, error: Exception) -> None:
        if load == self._loads:
            self.message.setText(describe_error(error))

    def select(self, ids: Sequence[int], keep: int | None) -> None:
        """After a reload the same application stays chosen, else the first."""
        if ids:
            self.table.setCurrentCell(list(ids).index(keep) if keep in ids else 0, 0)

    def follow_change(self, change: Change) -> None:
        if not self._concerns(change):
            return
        self.view.follow_change(change)
        self._news(change)
        # A hidden list reads everything again when it is shown (showEvent).
        if self.isVisible() and not self._reload_timer.isActive():
            self._reload_timer.start()

    def _online_changed(self, online: bool) -> None:
        # What changed while offline was not announced: read it all again; a hidden list does
        # when it is shown (showEvent).
        if online and self.isVisible():
            self.refresh()
            self.view.reload()

    # -- one application ------------------------------------------------------------------------
    def open_current(self) -> None:
        application_id = self.current_application()
        if application_id is not None:
            self.open_application(application_id)

    def open_application(self, application_id: int, acting: CounterApi | None = None) -> None:
        """Show it in full; `acting`: a supervisor signed in on this screen for its decision."""
        self.message.clear()
        self.view.show_application(application_id, acting)
        self.stack.setCurrentWidget(self.view)
        self.view.setFocus()

    def show_list(self) -> None:
        """Back from the full view; a supervisor's sign-in for one decision ends here too."""
        self.view.acting = self._context
        self.stack.setCurrentWidget(self.listing)
        self.table.setFocus()

    def _decided(self, summary: ApplicationSummary) -> None:
        self.message.setText(self.view.message.text())
        self.changed.emit()
        self.refresh()
        self.show_list()
