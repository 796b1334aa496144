"""About: the version, the rules file in force, and the database in use."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from counter_app import __version__
from counter_app.domain.rules import LocalityRules


class AboutDialog(QDialog):
    def __init__(self, rules: LocalityRules, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About"))
        self.text = QLabel()
        self.text.setObjectName("about_text")
        self.text.setTextInteractionFlags(self.text.textInteractionFlags().TextSelectableByMouse)
        lines = [
            self.tr("Social security card counter, version %1").replace("%1", __version__),
            self.tr("Rules: %1 (%2), version %3")
            .replace("%1", rules.source_name)
            .replace("%2", rules.name)
            .replace("%3", rules.version),
            self.tr("Outlet: %1 (%2)")
            .replace("%1", rules.outlet.name)
            .replace("%2", rules.outlet.code),
            self.tr("Database: %1").replace("%1", database),
            f"Qt {qVersion()} · PySide6 {pyside_version}",
        ]
        self.text.setText("\n".join(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
