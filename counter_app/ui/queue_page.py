"""The supervisor's queue (F8): the outlet's submitted applications, oldest first, a page at a
time, filtered and sorted in the database; Enter opens one in full to approve or reject.

The list reloads itself when live news of a change arrives (and after an outage), so a
decision taken elsewhere leaves it within a second or two.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QTableWidgetItem, QWidget

from counter_app.api.models import QueueFilter, QueueOrder, QueueRow
from counter_app.api.models import QueuePage as RowsPage
from counter_app.domain.application import Business
from counter_app.domain.flags import Flag
from counter_app.store.changes import Change
from counter_app.ui.application_list import ApplicationListPage
from counter_app.ui.application_texts import (
    NOTHING,
    flag_label,
    flags_text,
    minute_text,
    waiting_text,
)
from counter_app.ui.labels import business_label, reason_label
from counter_app.ui.live_updates import LiveUpdates
from counter_app.ui.page_context import PageContext
from counter_app.ui.page_parts import action_button
from counter_app.ui.tables import coloured_item, fill_table

PAGE_SIZE = 50
FLAG_COLOUR = "#ef6c00"
WAITING_CHOICES = (15, 30, 60, 240, 24 * 60)  # minutes
AGES = (None, *(timedelta(minutes=minutes) for minutes in WAITING_CHOICES))


class QueuePage(ApplicationListPage):
    """Emits `changed()` after each decision taken here (the queue count is stale)."""

    def __init__(
        self,
        context: PageContext,
        parent: QWidget | None = None,
        *,
        live: LiveUpdates | None = None,
    ) -> None:
        super().__init__("queue", context, parent, live=live)
        self._outlet_code = context.rules.outlet.code
        self.page: RowsPage | None = None
        self.offset = 0

        self.business = QComboBox()
        self.business.setObjectName("queue_business")
        self.clerk = QLineEdit()
        self.clerk.setObjectName("queue_clerk")
        self.clerk.setMaxLength(16)
        self.clerk.returnPressed.connect(self.apply_filters)
        self.age = QComboBox()
        self.age.setObjectName("queue_age")
        self.flag = QComboBox()
        self.flag.setObjectName("queue_flag")
        self.order = QComboBox()
        self.order.setObjectName("queue_order")
        for combo in (self.business, self.age, self.flag, self.order):
            combo.activated.connect(lambda _: self.apply_filters())
        self.business_label, self.clerk_label = QLabel(), QLabel()
        self.age_label, self.flag_label, self.order_label = QLabel(), QLabel(), QLabel()
        filters = QGridLayout()
        for column, (label, field) in enumerate(
            (
                (self.business_label, self.business),
                (self.clerk_label, self.clerk),
                (self.age_label, self.age),
                (self.flag_label, self.flag),
                (self.order_label, self.order),
            )
        ):
            label.setBuddy(field)
            filters.addWidget(label, 0, column)
            filters.addWidget(field, 1, column)
        self.controls.addLayout(filters)

        self.position = QLabel()
        self.position.setObjectName("queue_position")
        self.bottom.insertWidget(0, self.position)
        self.refresh_button = action_button("queue_refresh", self.refresh)
        self.previous_button = action_button("queue_previous", self.previous_page)
        self.next_button = action_button("queue_next", self.next_page)
        for button in (
            self.refresh_button,
            self.previous_button,
            self.next_button,
            self.open_button,
        ):
            self.bottom.addWidget(button)
        self.add_key(QKeySequence("Ctrl+PgDown"), self.next_page)
        self.add_key(QKeySequence("Ctrl+PgUp"), self.previous_page)
        self.setTabOrder(self.business, self.clerk)
        self.setTabOrder(self.clerk, self.age)
        self.setTabOrder(self.age, self.flag)
        self.setTabOrder(self.flag, self.order)
        self.setTabOrder(self.order, self.table)
        self.retranslate()

    # -- texts ----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Approval queue: oldest first. Enter opens one."))
        self.business_label.setText(self.tr("&Business"))
        self.clerk_label.setText(self.tr("C&lerk no. (Enter)"))
        self.clerk.setPlaceholderText(self.tr("any clerk"))
        self.age_label.setText(self.tr("&Waiting at least"))
        self.flag_label.setText(self.tr("&Flag"))
        self.order_label.setText(self.tr("&Sort by"))
        self._fill_choices()
        self.refresh_button.setText(self.tr("Refresh (F5)"))
        self.previous_button.setText(self.tr("&Previous page"))
        self.next_button.setText(self.tr("&Next page"))
        self.open_button.setText(self.tr("&Open (Enter)"))
        self._show()

    def _fill_choices(self) -> None:
        choices: tuple[tuple[QComboBox, list[tuple[str, object]]], ...] = (
            (self.business, [(self.tr("All"), None)] + [(business_label(b), b) for b in Business]),
            (self.age, [(self._age_text(age), age) for age in AGES]),
            (self.flag, [(self.tr("Any"), None)] + [(flag_label(f), f) for f in Flag]),
            (
                self.order,
                [
                    (self.tr("Waiting longest"), QueueOrder.OLDEST),
                    (self.tr("Newest"), QueueOrder.NEWEST),
                    (self.tr("Business"), QueueOrder.BUSINESS),
                    (self.tr("Clerk"), QueueOrder.CLERK),
                ],
            ),
        )
        for combo, items in choices:
            index = max(combo.currentIndex(), 0)
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(index)

    def _age_text(self, age: timedelta | None) -> str:
        return self.tr("Any time") if age is None else waiting_text(age)

    # -- loading --------------------------------------------------------------------------------
    @property
    def where(self) -> QueueFilter:
        return QueueFilter(
            business=self.business.currentData(),
            clerk_no=self.clerk.text().strip() or None,
            waiting_at_least=self.age.currentData(),
            flag=self.flag.currentData(),
        )

    def apply_filters(self) -> None:
        self.offset = 0
        self.refresh()

    def next_page(self) -> None:
        page = self.page
        if page is not None and page.offset + len(page.rows) < page.total:
            self.offset = page.offset + PAGE_SIZE
            self.refresh()

    def previous_page(self) -> None:
        if self.offset > 0:
            self.offset = max(self.offset - PAGE_SIZE, 0)
            self.refresh()

    def _work(self) -> Callable[[], RowsPage]:
        api = self._context.api
        where, order, offset = self.where, QueueOrder(self.order.currentData()), self.offset
        return lambda: api.queue_page(where, order, offset, PAGE_SIZE)

    def _take(self, page: RowsPage) -> None:
        if not page.rows and page.total and page.offset:
            # The last page emptied meanwhile (decided elsewhere): show the one before.
            self.offset = (page.total - 1) // PAGE_SIZE * PAGE_SIZE
            self.refresh()
            return
        keep = self.current_application()
        self.page, self.offset = page, page.offset
        self._show(keep)

    def _concerns(self, change: Change) -> bool:
        return change.outlet_code == self._outlet_code

    # -- showing --------------------------------------------------------------------------------
    def _show(self, keep: int | None = None) -> None:
        headers = (
            self.tr("Waiting"),
            self.tr("Submitted"),
            self.tr("Business"),
            self.tr("Reason"),
            self.tr("Clerk"),
            self.tr("Holder"),
            self.tr("Receipt no."),
            self.tr("Flags"),
        )
        page = self.page
        rows = page.rows if page else ()
        fill_table(self.table, headers, [self._cells(row) for row in rows])
        self.select([row.application_id for row in rows], keep)
        if page is None or not page.total:
            self.position.setText(self.tr("No application is waiting."))
        else:
            self.position.setText(
                self.tr("Rows %1–%2 of %3")
                .replace("%1", str(page.offset + 1))
                .replace("%2", str(page.offset + len(page.rows)))
                .replace("%3", str(page.total))
            )
        self.previous_button.setEnabled(self.offset > 0)
        self.next_button.setEnabled(page is not None and page.offset + len(rows) < page.total)
        self.open_button.setEnabled(bool(rows))

    def _cells(self, row: QueueRow) -> list[QTableWidgetItem]:
        clerk = f"{row.clerk_no} {row.clerk_name}"
        if not row.decidable:
            clerk += " " + self.tr("(yours: another supervisor decides)")
        flags = flags_text(row.flags)
        return [
            QTableWidgetItem(waiting_text(row.waiting)),
            QTableWidgetItem(minute_text(row.submitted_at)),
            QTableWidgetItem(business_label(row.business)),
            QTableWidgetItem(reason_label(row.reason) if row.reason else NOTHING),
            QTableWidgetItem(clerk),
            QTableWidgetItem(f"{row.holder_name} {row.document_number}"),
            QTableWidgetItem(row.receipt_no or NOTHING),
            coloured_item(flags, FLAG_COLOUR) if row.flags else QTableWidgetItem(flags),
        ]

    def current_application(self) -> int | None:
        rows = self.page.rows if self.page else ()
        index = self.table.currentRow()
        return rows[index].application_id if 0 <= index < len(rows) else None
