"""Small pieces every page is made of, so that pages look and behave alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton


def heading_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    label.setFont(font)
    return label


def action_button(object_name: str, slot: Callable[[], object]) -> QPushButton:
    """A button of the page: Enter belongs to the table, never to a button by default."""
    button = QPushButton()
    button.setObjectName(object_name)
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    return button
