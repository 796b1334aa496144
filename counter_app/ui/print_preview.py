"""The preview before a print: the PDF's pages as pictures, then Print (Enter) or Close (Esc).

The dialog knows nothing of services: it is given the PDF and a callable that prints it, and
runs both the rendering and that callable through Background, so the window never waits.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from counter_app.ui.background import Background
from counter_app.ui.busy import busy_indicator
from counter_app.ui.printer_messages import describe_print_failure, sent_to

RENDER_DPI = 96  # one PDF point per 4/3 screen pixels: the page at its printed size
RENDER_TIMEOUT = 60.0
_PAGE_FILE = re.compile(r"page-(\d+)\.png")


def render_pages(pdf: bytes, dpi: int = RENDER_DPI) -> list[bytes]:
    """Each page as PNG bytes, via poppler's pdftoppm; slow, so call it off the GUI thread."""
    # The PDF goes in on stdin; the pictures of the customer's data leave with the directory.
    with tempfile.TemporaryDirectory(prefix="counter-app-preview-") as folder:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-", str(Path(folder, "page"))],
            input=pdf,
            capture_output=True,
            timeout=RENDER_TIMEOUT,
            check=True,
        )
        pages = []
        for path in Path(folder).iterdir():
            if match := _PAGE_FILE.fullmatch(path.name):
                pages.append((int(match[1]), path.read_bytes()))
    return [data for _, data in sorted(pages)]


class PrintPreview(QDialog):
    """Shows `pdf`; Print runs `print_it` in the background and reports how it went."""

    printed = Signal(object)  # what print_it returned (the service's print count)

    def __init__(
        self,
        background: Background,
        pdf: bytes,
        document: str,
        print_it: Callable[[], object],
        *,
        reprint: int = 0,
        printer: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`document` names it for the title ("受理回执 …"); `reprint` is 0 for the original;
        `printer` is only for the sentences (None: CUPS's default)."""
        super().__init__(parent)
        self._background, self._print_it, self._printer = background, print_it, printer
        self._jobs = 0
        self.pages: list[QLabel] = []
        self.setMinimumSize(640, 480)
        self.resize(900, 860)

        title = document
        if reprint:
            title += " · " + self.tr("Reprint no. %1").replace("%1", str(reprint))
        self.setWindowTitle(title)
        self.heading = QLabel(title)
        self.heading.setObjectName("preview_heading")

        self._page_column = QVBoxLayout()
        self._page_column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        holder = QWidget()
        holder.setLayout(self._page_column)
        self.scroll = QScrollArea()
        self.scroll.setWidget(holder)
        self.scroll.setWidgetResizable(True)

        self.message = QLabel()
        self.message.setObjectName("preview_message")
        self.message.setWordWrap(True)
        self.busy_indicator = busy_indicator()
        self.busy_indicator.setMaximumWidth(120)
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setDefault(True)  # Enter prints; Esc closes (QDialog's reject)
        self.print_button.clicked.connect(self.print_document)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.busy_indicator)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(bottom)

        self._start(lambda: render_pages(pdf), self._pages_rendered, self._render_failed)

    # -- background work ------------------------------------------------------------------------
    def _start(
        self,
        work: Callable[[], object],
        on_success: Callable[[object], None],
        on_failure: Callable[[Exception], None],
    ) -> None:
        self._jobs += 1
        self.busy_indicator.setVisible(True)

        # The answer may arrive after the dialog is gone (signed out meanwhile): drop it then.
        def succeeded(result: object) -> None:
            if isValid(self):
                self._job_done()
                on_success(result)

        def failed(error: Exception) -> None:
            if isValid(self):
                self._job_done()
                on_failure(error)

        self._background.run(work, succeeded, failed)

    def _job_done(self) -> None:
        self._jobs -= 1
        self.busy_indicator.setVisible(self._jobs > 0)

    @property
    def busy(self) -> bool:
        return self._jobs > 0

    # -- the pages ------------------------------------------------------------------------------
    def _pages_rendered(self, pages: object) -> None:
        assert isinstance(pages, list)
        for data in pages:
            picture = QPixmap()
            picture.loadFromData(data, "PNG")
            label = QLabel()
            label.setObjectName("page")
            label.setPixmap(picture)
            label.setFrameShape(QLabel.Shape.Box)  # the sheet's edge on a white background
            self._page_column.addWidget(label)
            self.pages.append(label)

    def _render_failed(self, error: Exception) -> None:
        self.message.setText(
            self.tr("The preview cannot be shown (%1); the document can still be printed.").replace(
                "%1", type(error).__name__
            )
        )

    # -- printing -------------------------------------------------------------------------------
    def print_document(self) -> None:
        if not self.print_button.isEnabled():
            return  # a second Enter while the first print is on its way
        self.print_button.setEnabled(False)
        self.message.setText(self.tr("Printing…"))
        self._start(self._print_it, self._print_done, self._print_failed)

    def _print_done(self, result: object) -> None:
        self.message.setText(sent_to(self._printer))
        self.print_button.setEnabled(True)
        self.printed.emit(result)
        self.accept()

    def _print_failed(self, error: Exception) -> None:
        # Print stays available: the clerk fixes the printer and presses it again.
        self.message.setText(describe_print_failure(error))
        self.print_button.setEnabled(True)
        self.print_button.setFocus()
