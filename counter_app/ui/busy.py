"""The one look of "working on it": an endless bar where the result will appear."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar


def busy_indicator(name: str = "busy_indicator", visible: bool = False) -> QProgressBar:
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setRange(0, 0)  # no known end: Qt animates it back and forth
    bar.setTextVisible(False)
    if not visible:
        bar.hide()  # (showing a parentless widget would open it as a window of its own)
    return bar
