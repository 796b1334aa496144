"""The one look of a read-only list of records: whole rows chosen, arrows inside, Tab out."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def read_only_table(object_name: str) -> QTableWidget:
    table = QTableWidget()
    table.setObjectName(object_name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    # Every column as wide as its longest cell: nothing elided; they fit the page at 1366×768.
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def fill_table(
    table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[QTableWidgetItem]]
) -> None:
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for row, items in enumerate(rows):
        for column, item in enumerate(items):
            table.setItem(row, column, item)
    table.resizeRowsToContents()


def coloured_item(text: str, colour: str) -> QTableWidgetItem:
    """Bold words in a state's colour: the colour never stands alone."""
    item = QTableWidgetItem(text)
    item.setForeground(QColor(colour))
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)
    return item
