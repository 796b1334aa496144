"""The print preview, its printer sentences, and reprinting a kept receipt (F9)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.printing import DocumentKind, build
from counter_app.printing.dispatch import (
    NoPrintService,
    PrinterDisabled,
    PrinterError,
    PrinterNotFound,
    PrintJobRefused,
)
from counter_app.printing.samples import acceptance_receipt
from counter_app.resources import load_rules
from counter_app.services import auth, demo, documents
from counter_app.services.actor import Actor
from counter_app.store.database import Database
from counter_app.ui.background import Background
from counter_app.ui.print_preview import PrintPreview
from counter_app.ui.reprint_dialog import ReprintDialog
from counter_app.ui.session import CounterSession
from tests import cups_env
from tests.cups_env import PrivateCups
from tests.printing import poppler
from tests.ui.conftest import PASSWORD, context, sign_in
from tests.ui.test_translations import untranslated, visible_texts

# The fixtures, under the names the tests ask for (tests/conftest.py does not import them).
cups = cups_env.cups
cups_queue = cups_env.cups_queue

KEPT = "单据已保存，可随时再次打印。"


@pytest.fixture
def background(qapp, language) -> Iterator[Background]:  # type: ignore[no-untyped-def]
    worker = Background()
    yield worker
    worker.wait()


@pytest.fixture(scope="module")
def receipt_pdf() -> bytes:
    return build(DocumentKind.ACCEPTANCE_RECEIPT, acceptance_receipt())


@pytest.fixture
def demo_db(sqlite_url: str, rules) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """The demo outlet on its own SQLite file: its submitted applications have kept receipts."""
    database = Database(sqlite_url)
    database.upgrade()
    demo.seed(database, rules)
    yield database
    database.dispose()


@pytest.fixture
def clerk(demo_db: Database) -> Actor:
    return auth.sign_in(demo_db, "0101", "demo0101")


@pytest.fixture
def receipt_no(demo_db: Database) -> str:
    kept = [d for d in documents.history(demo_db) if d.kind is DocumentKind.ACCEPTANCE_RECEIPT]
    assert kept and kept[0].receipt_no is not None
    return kept[0].receipt_no


def preview_of(
    qtbot: QtBot, background: Background, pdf: bytes, print_it=lambda: 1, reprint: int = 0
) -> PrintPreview:  # type: ignore[no-untyped-def]
    dialog = PrintPreview(background, pdf, "受理回执 0001", print_it, reprint=reprint, printer="Q1")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


# --- the preview -------------------------------------------------------------------------------
def test_preview_shows_one_picture_per_page(
    qtbot: QtBot, background: Background, receipt_pdf: bytes
) -> None:
    dialog = preview_of(qtbot, background, receipt_pdf, reprint=2)
    assert dialog.busy_indicator.isVisibleTo(dialog)  # rendering runs in the background
    qtbot.waitUntil(lambda: not dialog.busy)
    assert len(dialog.pages) == 1
    picture = dialog.pages[0].pixmap()
    assert picture.width() > 400 and picture.height() > picture.width()  # A5 upright at 96 dpi
    assert not dialog.busy_indicator.isVisibleTo(dialog)
    assert dialog.windowTitle() == "受理回执 0001 · 重打 第 2 次"
    assert dialog.print_button.isDefault() and dialog.print_button.text() == "打印"
    assert untranslated(visible_texts(dialog)) == []


def test_enter_prints_and_success_closes(
    qtbot: QtBot, background: Background, receipt_pdf: bytes
) -> None:
    calls: list[int] = []
    dialog = preview_of(qtbot, background, receipt_pdf, lambda: calls.append(1) or 3)
    with qtbot.waitSignal(dialog.printed) as printed:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert calls == [1] and printed.args == [3]
    assert not dialog.isVisible()
    assert dialog.message.text() == "已发送到Q1。"


@pytest.mark.parametrize(
    ("error", "sentence"),
    [
        (NoPrintService("CUPS is down"), "打印服务未运行，请联系科技人员"),
        (PrinterNotFound("no Q1", "Q1"), "打印机 Q1 未设置或找不到。请在设置中选择打印机"),
        (PrinterDisabled("Q1 stopped", "Q1", "Paused"), "打印机 Q1 已暂停或缺纸。处理好后请再按"),
        (
            PrintJobRefused("refused", "Q1", "job too large"),
            "打印机 Q1 拒绝了打印任务：job too large",
        ),
        (PrinterNotFound("no default"), "打印机 默认打印机 未设置"),
    ],
)
def test_printer_error_is_explained_and_print_stays_available(
    qtbot: QtBot,
    background: Background,
    receipt_pdf: bytes,
    error: PrinterError,
    sentence: str,
) -> None:
    def fail() -> int:
        raise error

    dialog = preview_of(qtbot, background, receipt_pdf, fail)
    dialog.print_button.click()
    assert not dialog.print_button.isEnabled()  # no second job while the first is on its way
    qtbot.waitUntil(lambda: KEPT in dialog.message.text())
    assert sentence in dialog.message.text()
    assert dialog.isVisible() and dialog.print_button.isEnabled()


# --- reprinting a kept receipt -----------------------------------------------------------------
class FakePrinter:
    """documents.SendToPrinter that keeps what it was sent."""

    def __init__(self) -> None:
        self.sent: list[tuple[bytes, str | None, str]] = []

    def __call__(self, pdf: bytes, printer: str | None, title: str) -> str:
        self.sent.append((pdf, printer, title))
        return f"Fake-{len(self.sent)}"


def reprint_dialog(
    qtbot: QtBot, db: Database, background: Background, actor: Actor, printer: str | None, send
) -> ReprintDialog:  # type: ignore[no-untyped-def]
    dialog = ReprintDialog(
        context(db, actor, load_rules(), background, printer=lambda: printer, send=send)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def scan(qtbot: QtBot, dialog: ReprintDialog, number: str) -> None:
    """What a scanner does: the number, then Enter."""
    dialog.receipt_no.clear()
    qtbot.keyClicks(dialog.receipt_no, number)
    qtbot.keyClick(dialog.receipt_no, Qt.Key.Key_Return)


def scanned_preview(qtbot: QtBot, dialog: ReprintDialog, number: str) -> PrintPreview:
    previous = dialog.preview
    scan(qtbot, dialog, number)
    qtbot.waitUntil(lambda: dialog.preview is not previous and dialog.preview is not None)
    preview = dialog.preview
    assert preview is not None
    qtbot.waitUntil(lambda: len(preview.pages) == 1)
    return preview


def print_from(qtbot: QtBot, dialog: ReprintDialog, preview: PrintPreview, count: int) -> None:
    preview.print_button.click()
    qtbot.waitUntil(lambda: f"（第 {count} 次打印）" in dialog.message.text(), timeout=30_000)
    assert not preview.isVisible()


def test_scanned_receipt_is_previewed_printed_and_reprinted(
    qtbot: QtBot, demo_db: Database, background: Background, clerk: Actor, receipt_no: str
) -> None:
    printer = FakePrinter()
    dialog = reprint_dialog(qtbot, demo_db, background, clerk, "Counter1", printer)
    assert dialog.windowTitle() == "重打回执"
    preview = scanned_preview(qtbot, dialog, receipt_no)
    assert preview.windowTitle() == f"受理回执 {receipt_no}"  # never printed: no reprint mark
    print_from(qtbot, dialog, preview, 1)
    assert dialog.receipt_no.text() == ""  # ready for the next scan
    preview = scanned_preview(qtbot, dialog, receipt_no)
    assert preview.windowTitle() == f"受理回执 {receipt_no} · 重打 第 1 次"
    print_from(qtbot, dialog, preview, 2)
    assert [(p, t.endswith("reprint 1")) for _, p, t in printer.sent] == [
        ("Counter1", False),
        ("Counter1", True),
    ]
    assert "重打" not in poppler.text(printer.sent[0][0])
    assert "重打" in poppler.text(printer.sent[1][0])
    assert untranslated(visible_texts(dialog)) == []


def test_unknown_receipt_number_is_said_under_the_field(
    qtbot: QtBot, demo_db: Database, background: Background, clerk: Actor
) -> None:
    dialog = reprint_dialog(qtbot, demo_db, background, clerk, None, FakePrinter())
    scan(qtbot, dialog, "320100001209901019999")
    qtbot.waitUntil(lambda: "没有编号为 320100001209901019999 的回执" in dialog.message.text())
    assert dialog.preview is None
    assert dialog.receipt_no.selectedText() == "320100001209901019999"  # a new scan replaces it
    qtbot.keyClick(dialog.receipt_no, Qt.Key.Key_Backspace)
    qtbot.keyClick(dialog.receipt_no, Qt.Key.Key_Return)
    assert dialog.message.text() == "请扫描回执上的条码或输入回执编号。"


def test_f9_opens_the_reprint_dialog_with_the_chosen_printer(
    qtbot: QtBot, session: CounterSession
) -> None:
    session.settings.printer = "Counter1"
    sign_in(qtbot, session, "0101", PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    window = session.window
    assert window is not None
    assert window.reprint_action.text() == "重打回执（F9）"
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    dialog = session.reprint_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.printer == "Counter1"
    assert untranslated(visible_texts(dialog)) == []


# --- through a real CUPS queue -----------------------------------------------------------------
@pytest.mark.cups
def test_reprint_dialog_prints_through_cups(
    qtbot: QtBot,
    cups_queue: PrivateCups,
    demo_db: Database,
    background: Background,
    clerk: Actor,
    receipt_no: str,
) -> None:
    dialog = ReprintDialog(
        context(demo_db, clerk, load_rules(), background, printer=lambda: cups_queue.printer)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    for count in (1, 2):
        preview = scanned_preview(qtbot, dialog, receipt_no)
        print_from(qtbot, dialog, preview, count)
        printed = poppler.text(cups_queue.wait_for_pdf().read_bytes())
        assert receipt_no in printed.replace(" ", "")
        assert ("重打" in printed) is (count == 2)
