"""Whether a list follows the database live, said in words and a colour."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from counter_app.ui.live_updates import LiveUpdates

ONLINE_COLOUR = "#2e7d32"
OFFLINE_COLOUR = "#c62828"


class LiveIndicator(QLabel):
    def __init__(self, live: LiveUpdates | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("live_indicator")
        self.setWordWrap(True)
        self._live = live
        if live is not None:
            live.online_changed.connect(lambda _: self._show())
        self._show()

    @property
    def online(self) -> bool | None:
        return self._live.online if self._live is not None else None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)

    def _show(self) -> None:
        self.setVisible(self._live is not None)
        online = self.online
        if online is None:
            self.setText(self.tr("Live updates: connecting…"))
            self.setStyleSheet("")
        elif online:
            self.setText(self.tr("● Live: changes appear by themselves."))
            self.setStyleSheet(f"color: {ONLINE_COLOUR};")
        else:
            self.setText(
                self.tr(
                    "● Offline: this list may be out of date. "
                    "It refreshes by itself when the connection is back."
                )
            )
            self.setStyleSheet(f"color: {OFFLINE_COLOUR}; font-weight: bold;")
