"""The customer search page (F7), typed into and scanned into on a real database: what the clerk
sees is masked, the file lists cards, applications and loss reports, and failures are said under
the field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from counter_app.domain.application import State
from counter_app.domain.card import CardStatus
from counter_app.resources import load_rules
from counter_app.services import auth
from counter_app.services.actor import Actor
from counter_app.store.database import Database, DatabaseUnavailable
from counter_app.ui.background import Background
from counter_app.ui.messages import describe_error
from counter_app.ui.search_page import CARD_COLOURS, STATE_COLOURS, SearchPage
from tests.services.test_search import (
    LOST_CARD,
    NEW_CARD,
    XIAOMING_ID,
    XIAOMING_PHONE,
    Customers,
    seed_customers,
)
from tests.ui.conftest import PASSWORD, context

pytestmark = pytest.mark.gui

FULL_NUMBERS = (XIAOMING_ID, NEW_CARD, LOST_CARD, XIAOMING_PHONE)
APPLICATIONS_TAB = 1


@pytest.fixture
def background(qapp) -> Iterator[Background]:  # type: ignore[no-untyped-def]
    worker = Background()
    yield worker
    worker.wait()


@pytest.fixture
def clerk(ui_db: Database) -> Actor:
    return auth.sign_in(ui_db, "0101", PASSWORD)


@pytest.fixture
def customers(ui_db: Database, clerk: Actor) -> Customers:
    return seed_customers(ui_db, clerk, auth.sign_in(ui_db, "0201", PASSWORD))


def open_page(qtbot: QtBot, db: Database, background: Background, actor: Actor) -> SearchPage:
    page = SearchPage(context(db, actor, load_rules(), background))
    qtbot.addWidget(page)
    page.resize(1000, 640)  # the centre of a 1366×768 window, between the side panels
    page.show()
    qtbot.waitExposed(page)
    return page


def type_and_enter(qtbot: QtBot, page: SearchPage, text: str) -> None:
    """Typing and a scanner alike: characters, then Enter."""
    page.query.clear()
    if text.isascii():
        qtbot.keyClicks(page.query, text)
    else:
        page.query.insert(text)  # what an input method does: QTest types Latin-1 only
    qtbot.keyClick(page.query, Qt.Key.Key_Return)


def search_for(qtbot: QtBot, page: SearchPage, text: str) -> None:
    type_and_enter(qtbot, page, text)
    assert page.busy and page.busy_indicator.isVisibleTo(page)  # the answer comes later
    qtbot.waitUntil(lambda: not page.busy)
    assert not page.busy_indicator.isVisibleTo(page)


def column(table: QTableWidget, index: int) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


def everything_shown(page: SearchPage) -> str:
    texts = [page.query.text()]
    texts += [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
    texts += [page.results.item(i).text() for i in range(page.results.count())]
    texts += [page.tabs.tabText(i) for i in range(page.tabs.count())]
    for table in page.findChildren(QTableWidget):
        texts += [
            table.item(row, col).text()
            for row in range(table.rowCount())
            for col in range(table.columnCount())
        ]
    return "\n".join(texts)


def test_the_field_has_the_focus_and_an_empty_search_asks_for_something(
    qtbot: QtBot, ui_db: Database, background: Background, clerk: Actor
) -> None:
    page = open_page(qtbot, ui_db, background, clerk)
    assert page.focusWidget() is page.query
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert not page.busy
    assert page.message.text() == "Type an ID number, name, card number or receipt number first."


def test_an_id_number_shows_the_persons_file_masked(
    qtbot: QtBot, ui_db: Database, background: Background, clerk: Actor, customers: Customers
) -> None:
    page = open_page(qtbot, ui_db, background, clerk)
    search_for(qtbot, page, XIAOMING_ID)
    qtbot.waitUntil(lambda: page.person.isVisibleTo(page))

    assert page.query.text() == ""  # the typed number leaves the screen
    assert page.message.text() == "Results for 320102********0011"
    assert page.results.count() == 1
    assert page.results.item(0).text() == (
        "王小明 · Male · 1980-01-02 · Resident ID card 320102********0011"
    )
    assert page.holder.text() == (
        "王小明 · Male · born 1980-01-02 · Resident ID card 320102********0011 · phone *******1234"
    )
    assert [page.tabs.tabText(i) for i in range(3)] == [
        "&Cards (2)",
        "&Applications (3)",
        "&Loss reports (2)",
    ]
    assert column(page.cards, 0) == ["A12****74", "B76****12"]
    assert column(page.cards, 2) == ["In use", "Reported lost (formal)"]
    lost_status = page.cards.item(1, 2).foreground().color().name()
    assert lost_status == CARD_COLOURS[CardStatus.LOST_FORMAL]

    applications = page.applications
    assert column(applications, 0) == [
        str(customers.draft),
        str(customers.rejected),
        str(customers.submitted),
    ]
    assert column(applications, 3) == ["Draft", "Rejected", "Submitted"]
    colours = [applications.item(row, 3).foreground().color().name() for row in range(3)]
    assert colours == [STATE_COLOURS[s] for s in (State.DRAFT, State.REJECTED, State.SUBMITTED)]
    assert len(set(STATE_COLOURS.values())) == len(STATE_COLOURS)  # one colour each
    receipts = column(applications, 4)  # the rejected one was submitted: it has one too
    assert receipts[0] == "—" and receipts[1] != "—" and receipts[2] == customers.receipt_no
    assert column(applications, 7) == ["0101", "0101", "0101"]

    assert column(page.loss_reports, 0) == ["B76****12", "B76****12"]
    assert column(page.loss_reports, 1) == ["Formal", "Temporary"]
    assert column(page.loss_reports, 2) == ["Counter", "12333 hotline"]
    standing = column(page.loss_reports, 5)
    assert standing[0] == "In force" and standing[1].startswith("Cancelled 2026-03-0")

    shown = everything_shown(page)
    assert [number for number in FULL_NUMBERS if number in shown] == []
    for tab, table in enumerate((page.cards, page.applications, page.loss_reports)):
        page.tabs.setCurrentIndex(tab)
        qtbot.waitUntil(table.isVisible)
        qtbot.wait(10)  # the columns take their widths when the table is laid out
        assert table.horizontalScrollBar().maximum() == 0, table.objectName()  # all columns fit


def test_a_scanned_receipt_number_finds_the_applicant(
    qtbot: QtBot, ui_db: Database, background: Background, clerk: Actor, customers: Customers
) -> None:
    page = open_page(qtbot, ui_db, background, clerk)
    search_for(qtbot, page, customers.receipt_no)
    assert page.message.text() == f"Results for {customers.receipt_no}"
    qtbot.waitUntil(lambda: page.file is not None)
    assert page.file is not None and page.file.person_id == customers.xiaoming


def test_a_name_lists_everyone_and_the_arrow_keys_open_each_file(
    qtbot: QtBot, ui_db: Database, background: Background, clerk: Actor, customers: Customers
) -> None:
    page = open_page(qtbot, ui_db, background, clerk)
    search_for(qtbot, page, "王")
    assert page.results.count() == 3
    assert page.results.item(2).text().startswith("小王 · Male")  # contains, after the prefixes
    qtbot.waitUntil(lambda: page.file is not None)
    assert page.focusWidget() is page.results
    first = page.file
    assert first is not None
    qtbot.keyClick(page.results, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.file is not first and page.file is not None)
    assert page.file is not None
    assert page.file.person_id == page.hits[1].person_id
    assert page.holder.text().startswith(page.hits[1].holder.name)


def test_enter_or_a_double_click_on_an_own_draft_or_rejection_asks_to_resume_it(
    qtbot: QtBot, ui_db: Database, background: Background, clerk: Actor, customers: Customers
) -> None:
    page = open_page(qtbot, ui_db, background, clerk)
    search_for(qtbot, page, NEW_CARD)
    qtbot.waitUntil(lambda: page.file is not None)
    page.tabs.setCurrentIndex(APPLICATIONS_TAB)
    table = page.applications
    assert page.resume_hint.isVisibleTo(page)

    table.setFocus()
    table.setCurrentCell(0, 0)  # the draft
    with qtbot.waitSignal(page.resume_requested) as draft:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert draft.args == [customers.draft]

    rejected = table.visualItemRect(table.item(1, 1)).center()
    with qtbot.waitSignal(page.resume_requested) as reopened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rejected)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rejected)
    assert reopened.args == [customers.rejected]

    table.setCurrentCell(2, 0)  # submitted: nothing to resume
    with qtbot.assertNotEmitted(page.resume_requested):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert page.message.text() == (
        f"Application {customers.submitted} is Submitted: "
        "only drafts and rejected applications resume."
    )


def test_another_clerks_draft_is_not_resumed(
    qtbot: QtBot, ui_db: Database, background: Background, customers: Customers
) -> None:
    other = auth.sign_in(ui_db, "0102", PASSWORD)
    page = open_page(qtbot, ui_db, background, other)
    search_for(qtbot, page, XIAOMING_ID)
    qtbot.waitUntil(lambda: page.file is not None)
    page.tabs.setCurrentIndex(APPLICATIONS_TAB)
    assert not page.resume_hint.isVisibleTo(page)
    page.applications.setFocus()
    page.applications.setCurrentCell(0, 0)
    with qtbot.assertNotEmitted(page.resume_requested):
        qtbot.keyClick(page.applications, Qt.Key.Key_Return)
    assert page.message.text() == (
        f"Only clerk 0101, who took application {customers.draft}, can resume it."
    )


def test_nobody_found_is_said_under_the_field_and_the_text_stays_to_be_fixed(
    qtbot: QtBot, ui_db: Database, background: Background, clerk: Actor, customers: Customers
) -> None:
    page = open_page(qtbot, ui_db, background, clerk)
    search_for(qtbot, page, XIAOMING_ID)
    qtbot.waitUntil(lambda: page.file is not None)
    search_for(qtbot, page, "320102198001020038")
    assert page.message.text() == "Nobody has this ID number here. Check it and try again."
    assert page.query.selectedText() == "320102198001020038"  # the next scan replaces it
    assert not page.results.isVisibleTo(page) and not page.person.isVisibleTo(page)
    assert page.file is None


def test_an_unreachable_database_is_said_under_the_field(
    qtbot: QtBot, background: Background, clerk: Actor, tmp_path: Path
) -> None:
    gone = Database(f"sqlite:///{tmp_path / 'no such folder' / 'counter.sqlite3'}")
    page = open_page(qtbot, gone, background, clerk)
    search_for(qtbot, page, XIAOMING_ID)
    assert page.message.text() == describe_error(DatabaseUnavailable("unreachable"))
    assert "cannot be reached" in page.message.text()
    assert page.query.text() == XIAOMING_ID and page.focusWidget() is page.query
    assert not page.person.isVisibleTo(page)
    gone.dispose()
