"""A widget's own background work: its busy indicator while any runs, and answers dropped when
the widget is gone by the time they arrive (signed out meanwhile)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QProgressBar, QWidget
from shiboken6 import isValid

from counter_app.ui.background import Background


class WidgetJobs:
    def __init__(self, owner: QWidget, background: Background, indicator: QProgressBar) -> None:
        self._owner, self._background, self._indicator = owner, background, indicator
        self._running = 0

    @property
    def busy(self) -> bool:
        return self._running > 0

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        self._running += 1
        self._indicator.setVisible(True)

        def succeeded(result: object) -> None:
            if self._finished():
                on_success(result)

        def failed(error: Exception) -> None:
            if self._finished():
                on_failure(error)

        self._background.run(work, succeeded, failed)

    def _finished(self) -> bool:
        if not isValid(self._owner) or not isValid(self._indicator):
            return False
        self._running -= 1
        self._indicator.setVisible(self._running > 0)
        return True
