"""The documents a business prints: previewed, then printed to the chosen printer, one after
another; each kept document also gets a button to print it again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from counter_app.printing.kinds import DocumentKind
from counter_app.services import documents
from counter_app.services.actor import Actor
from counter_app.services.documents import SendToPrinter
from counter_app.store.database import Database
from counter_app.ui.background import Background
from counter_app.ui.print_preview import PrintPreview
from counter_app.ui.wizard.texts import document_title
from counter_app.workflows.runner import Kept

# Runs work for the page, which waits meanwhile, then hands the result to the second callable.
RunForPage = Callable[[Callable[[], object], Callable[[object], None]], None]


class DocumentPrints:
    def __init__(
        self,
        page: QWidget,
        row: QHBoxLayout,
        run: RunForPage,
        background: Background,
        printer: Callable[[], str | None],
        send: SendToPrinter,
        back_to_page: Callable[[], None],
    ) -> None:
        self._page, self._row, self._run = page, row, run
        self._background, self._printer, self._send = background, printer, send
        self._back_to_page = back_to_page
        self.preview: PrintPreview | None = None

    def clear(self) -> None:
        while self._row.count():
            item = self._row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def offer(self, db: Database, actor: Actor, kept: list[Kept]) -> None:
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
            button.clicked.connect(lambda _=False, d=document: self.print_kept(db, actor, d))
            self._row.addWidget(button)
        self._row.addStretch(1)
        if kept:
            self.print_kept(db, actor, kept[0], kept[1:])

    def print_kept(
        self, db: Database, actor: Actor, document: Kept, then: list[Kept] | None = None
    ) -> None:
        """Preview and print one kept document; `then` are previewed after it, in turn."""
        following = list(then or [])

        def printed(_count: object) -> None:
            if following:
                self.print_kept(db, actor, following[0], following[1:])

        def built(answer: object) -> None:
            pdf, reprint = answer  # type: ignore[misc]
            self.show(db, actor, document.kind, document.document_id, pdf, reprint, printed)

        self._run(lambda: documents.next_print(db, document.document_id), built)

    def show(
        self,
        db: Database,
        actor: Actor,
        kind: DocumentKind,
        document_id: int,
        pdf: bytes,
        reprint: int,
        printed: Callable[[object], None],
    ) -> None:
        printer, send = self._printer(), self._send
        self.preview = PrintPreview(
            self._background,
            pdf,
            document_title(kind),
            lambda: documents.print_document(db, actor, document_id, printer, send),
            reprint=reprint,
            printer=printer,
            parent=self._page,
        )
        self.preview.printed.connect(printed)
        self.preview.finished.connect(lambda _result: self._back_to_page())
        self.preview.open()
