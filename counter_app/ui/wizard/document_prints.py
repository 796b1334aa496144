"""The documents a business prints: previewed, then printed to the chosen printer, one after
another; each kept document also gets a button to print it again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from counter_app.api.models import Kept
from counter_app.printing.kinds import DocumentKind
from counter_app.ui.page_context import PageContext
from counter_app.ui.print_preview import PrintPreview
from counter_app.ui.wizard.texts import document_title

# Runs work for the page, which waits meanwhile, then hands the result to the second callable.
RunForPage = Callable[[Callable[[], object], Callable[[object], None]], None]


class DocumentPrints:
    def __init__(
        self,
        page: QWidget,
        row: QHBoxLayout,
        run: RunForPage,
        context: PageContext,
        back_to_page: Callable[[], None],
    ) -> None:
        self._page, self._row, self._run, self._context = page, row, run, context
        self._back_to_page = back_to_page
        self.preview: PrintPreview | None = None

    def clear(self) -> None:
        while self._row.count():
            item = self._row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def offer(self, kept: list[Kept]) -> None:
        """A button per document (Alt+1, Alt+2 …), and the first previewed at once."""
        self.clear()
        for index, document in enumerate(kept, start=1):
            title = document_title(document.kind)
            button = QPushButton(
                f"&{index} "
                + QCoreApplication.translate("BusinessWizard", "Print: %1").replace("%1", title)
            )
            button.setObjectName(f"print_{document.kind.value}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, d=document: self.print_kept(d))
            self._row.addWidget(button)
        self._row.addStretch(1)
        if kept:
            self.print_kept(kept[0], kept[1:])

    def print_kept(self, document: Kept, then: list[Kept] | None = None) -> None:
        """Preview and print one kept document; `then` are previewed after it, in turn."""
        following = list(then or [])

        def printed(_count: object) -> None:
            if following:
                self.print_kept(following[0], following[1:])

        def built(answer: object) -> None:
            pdf, reprint = answer  # type: ignore[misc]
            self.show(document.kind, document.document_id, pdf, reprint, printed)

        api = self._context.api
        self._run(lambda: api.next_print(document.document_id), built)

    def show(
        self,
        kind: DocumentKind,
        document_id: int,
        pdf: bytes,
        reprint: int,
        printed: Callable[[object], None],
    ) -> None:
        context = self._context
        printer, send, api = context.printer(), context.send, context.api
        self.preview = PrintPreview(
            context.background,
            pdf,
            document_title(kind),
            lambda: api.print_document(document_id, printer, send),
            reprint=reprint,
            printer=printer,
            parent=self._page,
        )
        self.preview.printed.connect(printed)
        self.preview.finished.connect(lambda _result: self._back_to_page())
        self.preview.open()
