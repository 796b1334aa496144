"""Reprint a kept acceptance receipt (F9): scan or type its number, preview, print.

The look-up and the build of the next print run in the background; the print count and the
reprint mark come from the interface's documents, which audits every print.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from counter_app.api.errors import NotFound
from counter_app.api.interface import CounterApi
from counter_app.ui.busy import busy_indicator
from counter_app.ui.messages import describe_error
from counter_app.ui.page_context import PageContext
from counter_app.ui.print_preview import PrintPreview


@dataclass(frozen=True)
class NextPrint:
    receipt_no: str
    document_id: int
    pdf: bytes
    reprint: int  # 0: never printed yet


def prepare(api: CounterApi, receipt_no: str) -> NextPrint:
    """The kept receipt with this number and the PDF its next print sends (off the GUI thread)."""
    document_id = api.find_receipt(receipt_no)
    pdf, reprint = api.next_print(document_id)
    return NextPrint(receipt_no, document_id, pdf, reprint)


class ReprintDialog(QDialog):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        """Prints on the printer the context names at the moment a receipt is found."""
        super().__init__(parent)
        self._context = context
        self._lookups = 0  # the latest look-up wins when the scanner is faster than the database
        self.preview: PrintPreview | None = None
        self.setWindowTitle(self.tr("Reprint receipt"))
        self.setMinimumWidth(480)

        prompt = QLabel(self.tr("Receipt number (scan the receipt's code or type the number):"))
        self.receipt_no = QLineEdit()
        self.receipt_no.setObjectName("receipt_no")
        # A scanner types the number and Enter: Enter in the field looks it up.
        self.receipt_no.returnPressed.connect(self.look_up)
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setAutoDefault(False)  # Enter is the field's, not a second look-up
        self.find_button.clicked.connect(self.look_up)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.message = QLabel()
        self.message.setObjectName("reprint_message")
        self.message.setWordWrap(True)
        self.busy_indicator = busy_indicator()
        self.busy_indicator.setMaximumWidth(120)

        field_row = QHBoxLayout()
        field_row.addWidget(self.receipt_no, 1)
        field_row.addWidget(self.find_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_indicator)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addLayout(field_row)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.receipt_no.setFocus()

    @property
    def printer(self) -> str | None:
        """The printer a print goes to: the one the settings name now (None: CUPS's default)."""
        return self._context.printer()

    @property
    def busy(self) -> bool:
        return self.busy_indicator.isVisibleTo(self)

    def look_up(self) -> None:
        number = self.receipt_no.text().strip()
        if not number:
            self.message.setText(self.tr("Scan the receipt's code or type its number."))
            return
        self._lookups += 1
        lookup, api = self._lookups, self._context.api
        self.busy_indicator.setVisible(True)
        self.message.setText(self.tr("Looking for receipt %1…").replace("%1", number))
        self._context.background.run(
            lambda: prepare(api, number),
            lambda found: self._found(lookup, found),
            lambda error: self._not_found(lookup, number, error),
        )

    def _current(self, lookup: int) -> bool:
        """Still open, and no newer look-up was started since."""
        if not isValid(self) or lookup != self._lookups:
            return False
        self.busy_indicator.setVisible(False)
        return True

    def _found(self, lookup: int, found: NextPrint) -> None:
        if not self._current(lookup):
            return
        self.message.setText(self.tr("Receipt %1 found.").replace("%1", found.receipt_no))
        context = self._context
        api, printer, send = context.api, self.printer, context.send
        if self.preview is not None:
            self.preview.deleteLater()  # one preview at a time
        self.preview = PrintPreview(
            context.background,
            found.pdf,
            self.tr("Acceptance receipt %1").replace("%1", found.receipt_no),
            lambda: api.print_document(found.document_id, printer, send),
            reprint=found.reprint,
            printer=printer,
            parent=self,
        )
        self.preview.printed.connect(lambda count: self._printed(found.receipt_no, count))
        self.preview.open()

    def _not_found(self, lookup: int, number: str, error: Exception) -> None:
        if not self._current(lookup):
            return
        if isinstance(error, NotFound):
            text = self.tr("There is no receipt %1. Check the number and try again.")
            self.message.setText(text.replace("%1", number))
        else:
            self.message.setText(describe_error(error))
        self.receipt_no.selectAll()
        self.receipt_no.setFocus()

    def _printed(self, receipt_no: str, count: object) -> None:
        self.message.setText(
            self.tr("Receipt %1 sent to the printer (print %2).")
            .replace("%1", receipt_no)
            .replace("%2", str(count))
        )
        # Ready for the next scan.
        self.receipt_no.clear()
        self.receipt_no.setFocus()
