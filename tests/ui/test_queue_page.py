"""The supervisor's queue (F8) on a real database: oldest first, filtered, sorted and paged in the
database; approve and reject through the keyboard; two supervisors at once; live refresh."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from counter_app.domain.application import Action, Business, Reason, State
from counter_app.domain.details import from_json
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Role
from counter_app.services import applications, auth, people, queue, staff
from counter_app.services.actor import Actor
from counter_app.services.applications import ApplicationSummary
from counter_app.store.database import Database
from counter_app.store.models import Application
from counter_app.ui.background import Background
from counter_app.ui.live_updates import LiveUpdates
from counter_app.ui.queue_page import PAGE_SIZE, QueuePage
from tests.ui.conftest import PASSWORD, context
from tests.ui.test_translations import untranslated, visible_texts

pytestmark = pytest.mark.gui

ID_NUMBER = "11010519491231002X"
MASKED = "110105********002X"
OUTLET = "320100001"  # the shipped rules' outlet
AGENT = {
    "representative": {"kind": "agent", "name": "李四", "document_number": "", "relationship": "子"}
}
WAIVED = {"fee": {"amount": "0.00", "waiver": "subsistence_allowance"}}
LIVE_SECONDS = 2.0


class Outlet:
    """Two clerks (王芳 0101, 刘强 0102), two supervisors (赵敏 0201, 孙丽 0202), one holder."""

    def __init__(self, db: Database) -> None:
        self.db = db
        if not _exists(db, "0101"):
            for staff_no, name, role in (
                ("0101", "王芳", Role.CLERK),
                ("0102", "刘强", Role.CLERK),
                ("0201", "赵敏", Role.SUPERVISOR),
            ):
                staff.add(db, Actor.system(), staff_no, name, role, PASSWORD)
        staff.add(db, Actor.system(), "0202", "孙丽", Role.SUPERVISOR, PASSWORD)
        self.wang = auth.sign_in(db, "0101", PASSWORD)
        self.liu = auth.sign_in(db, "0102", PASSWORD)
        self.zhao = auth.sign_in(db, "0201", PASSWORD)
        self.sun = auth.sign_in(db, "0202", PASSWORD)
        holder = Holder(
            document_type=DocumentType.RESIDENT_ID,
            document_number=ID_NUMBER,
            name="张伟",
            sex=Sex.MALE,
        )
        self.person_id = people.add_person(db, self.wang, holder)

    def submit(
        self,
        clerk: Actor,
        minutes_ago: int | None = None,
        business: Business = Business.REPLACEMENT,
        details: dict[str, Any] | None = None,
    ) -> ApplicationSummary:
        reason = Reason.LOST if business is Business.REISSUE else Reason.DAMAGED
        draft = applications.create_draft(
            self.db, clerk, business, reason, self.person_id, OUTLET, details=from_json(details)
        )
        done = applications.transition(self.db, clerk, draft.id, Action.SUBMIT, draft.version)
        if minutes_ago is not None:
            with self.db.transaction() as session:  # as if submitted then
                session.execute(
                    update(Application)
                    .where(Application.id == done.id)
                    .values(submitted_at=datetime.now(UTC) - timedelta(minutes=minutes_ago))
                    .execution_options(synchronize_session=False)
                )
        return done

    def state(self, application_id: int) -> State:
        with self.db.transaction() as session:
            found = session.get(Application, application_id)
            assert found is not None
            return found.state


def _exists(db: Database, staff_no: str) -> bool:
    return any(member.staff_no == staff_no for member in staff.list_all(db, Actor.system()))


@pytest.fixture
def background(qapp) -> Iterator[Background]:  # type: ignore[no-untyped-def]
    worker = Background()
    yield worker
    worker.wait()


@pytest.fixture
def outlet(ui_db: Database) -> Outlet:
    return Outlet(ui_db)


@pytest.fixture
def pg_outlet(postgres_url: str) -> Iterator[Outlet]:
    database = Database(postgres_url)
    try:
        yield Outlet(database)
    finally:
        database.dispose()


def started_live(qtbot: QtBot, db: Database) -> LiveUpdates:
    live = LiveUpdates(db)
    with qtbot.waitSignal(live.online_changed, timeout=10_000) as online:
        live.start()
    assert online.args == [True]
    return live


@pytest.fixture
def live(qtbot: QtBot, outlet: Outlet) -> Iterator[LiveUpdates]:
    started = started_live(qtbot, outlet.db)
    yield started
    started.stop(timeout=10)


def open_queue(
    qtbot: QtBot,
    outlet: Outlet,
    background: Background,
    rules,  # type: ignore[no-untyped-def]
    supervisor: Actor | None = None,
    live: LiveUpdates | None = None,
) -> QueuePage:
    page = QueuePage(context(outlet.db, supervisor or outlet.zhao, rules, background), live=live)
    qtbot.addWidget(page)
    page.resize(1000, 640)  # the centre of a 1366×768 window, between the side panels
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, page)
    return page


def settle(qtbot: QtBot, page: QueuePage) -> None:
    qtbot.waitUntil(lambda: not page.busy and not page.view.busy)


def column(table: QTableWidget, index: int) -> list[str]:
    return [table.item(row, index).text() for row in range(table.rowCount())]


def listed(page: QueuePage) -> list[int]:
    return [row.application_id for row in page.page.rows] if page.page else []


def choose(qtbot: QtBot, page: QueuePage, combo_name: str, text: str) -> None:
    """Pick the choice that reads `text`, as the supervisor does."""
    combo = getattr(page, combo_name)
    index = [combo.itemText(i) for i in range(combo.count())].index(text)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    settle(qtbot, page)


def open_with_enter(qtbot: QtBot, page: QueuePage, application_id: int) -> None:
    page.table.setFocus()
    page.table.setCurrentCell(listed(page).index(application_id), 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.view
    settle(qtbot, page)
    assert page.view.detail is not None and page.view.detail.application_id == application_id


def test_the_queue_lists_the_oldest_first_with_clerk_waiting_and_flags(
    qtbot: QtBot, outlet: Outlet, background: Background, rules
) -> None:
    newer = outlet.submit(outlet.wang, 5)
    older = outlet.submit(outlet.liu, 125, Business.REISSUE, details={**AGENT, **WAIVED})
    own = outlet.submit(outlet.zhao, 1)
    page = open_queue(qtbot, outlet, background, rules)

    assert listed(page) == [older.id, newer.id, own.id]
    table = page.table
    assert column(table, 0) == ["2 h 05 min", "5 min", "1 min"]
    assert column(table, 2) == ["Reissue after loss", "Replacement", "Replacement"]
    assert column(table, 4) == [
        "0102 刘强",
        "0101 王芳",
        "0201 赵敏 (yours: another supervisor decides)",
    ]
    assert column(table, 5) == [f"张伟 {MASKED}"] * 3  # masked by the service
    assert column(table, 7) == ["Fee waived; Agent or guardian", "—", "—"]
    assert table.item(0, 7).font().bold() and not table.item(1, 7).font().bold()
    assert page.position.text() == "Rows 1–3 of 3"
    assert page.focusWidget() is table and table.currentRow() == 0
    shown = "\n".join(column(table, i)[r] for i in range(8) for r in range(3))
    assert ID_NUMBER not in shown


def test_filters_and_sorting_are_applied_by_the_database(
    qtbot: QtBot, outlet: Outlet, background: Background, rules
) -> None:
    plain = outlet.submit(outlet.wang, 10)
    waived = outlet.submit(outlet.wang, 40, details=WAIVED)
    reissue = outlet.submit(outlet.liu, 90, Business.REISSUE, details=AGENT)
    page = open_queue(qtbot, outlet, background, rules)
    assert listed(page) == [reissue.id, waived.id, plain.id]

    choose(qtbot, page, "business", "Reissue after loss")
    assert listed(page) == [reissue.id]
    choose(qtbot, page, "business", "All")

    page.clerk.setFocus()
    qtbot.keyClicks(page.clerk, "0101")
    qtbot.keyClick(page.clerk, Qt.Key.Key_Return)
    settle(qtbot, page)
    assert listed(page) == [waived.id, plain.id]
    page.clerk.clear()

    choose(qtbot, page, "age", "30 min")
    assert listed(page) == [reissue.id, waived.id]
    choose(qtbot, page, "age", "1 h 00 min")
    assert listed(page) == [reissue.id]
    choose(qtbot, page, "age", "Any time")

    choose(qtbot, page, "flag", "Fee waived")
    assert listed(page) == [waived.id]
    choose(qtbot, page, "flag", "Any")

    choose(qtbot, page, "order", "Clerk")
    assert listed(page) == [waived.id, plain.id, reissue.id]
    choose(qtbot, page, "order", "Newest")
    assert listed(page) == [plain.id, waived.id, reissue.id]


def test_a_long_queue_opens_a_page_at_a_time_and_pages_with_the_keyboard(
    qtbot: QtBot, outlet: Outlet, background: Background, rules
) -> None:
    made = [outlet.submit(outlet.wang, 200 - n) for n in range(PAGE_SIZE + 12)]
    page = open_queue(qtbot, outlet, background, rules)
    assert page.table.rowCount() == PAGE_SIZE
    assert page.position.text() == f"Rows 1–{PAGE_SIZE} of {PAGE_SIZE + 12}"
    assert listed(page) == [m.id for m in made[:PAGE_SIZE]]
    assert not page.previous_button.isEnabled() and page.next_button.isEnabled()

    qtbot.keyClick(page.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page)
    assert listed(page) == [m.id for m in made[PAGE_SIZE:]]
    assert page.position.text() == f"Rows {PAGE_SIZE + 1}–{PAGE_SIZE + 12} of {PAGE_SIZE + 12}"
    assert page.previous_button.isEnabled() and not page.next_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page)
    assert listed(page)[0] == made[0].id


def test_approve_with_the_keyboard_takes_it_off_the_queue(
    qtbot: QtBot, outlet: Outlet, background: Background, rules
) -> None:
    first = outlet.submit(outlet.wang, 20)
    second = outlet.submit(outlet.liu, 10)
    page = open_queue(qtbot, outlet, background, rules)
    open_with_enter(qtbot, page, first.id)
    assert page.view.approve_button.isEnabled()
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(page.view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, page)

    assert outlet.state(first.id) is State.APPROVED
    assert page.stack.currentWidget() is page.listing
    assert listed(page) == [second.id]
    assert page.message.text() == f"Application {first.id} approved."
    assert page.focusWidget() is page.table


def test_reject_needs_a_reason_and_the_clerk_reads_it(
    qtbot: QtBot, outlet: Outlet, background: Background, rules
) -> None:
    made = outlet.submit(outlet.wang, 20)
    page = open_queue(qtbot, outlet, background, rules)
    open_with_enter(qtbot, page, made.id)
    page.view.reject_button.click()
    dialog = page.view.reject_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.send_button.isEnabled()  # nothing to send back without a reason
    assert dialog.cancel_button.isDefault()
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)  # thinking better of it decides nothing
    qtbot.waitUntil(lambda: page.view.reject_dialog is None)
    assert outlet.state(made.id) is State.SUBMITTED

    page.view.reject_button.click()
    dialog = page.view.reject_dialog
    assert dialog is not None
    dialog.reason.insertPlainText("  照片不清晰，请重拍  ")
    assert dialog.send_button.isEnabled()
    with qtbot.waitSignal(page.changed):
        dialog.send_button.click()
    settle(qtbot, page)

    assert outlet.state(made.id) is State.REJECTED
    assert listed(page) == []
    assert page.position.text() == "No application is waiting."
    assert page.message.text() == f"Application {made.id} sent back to clerk 0101 with the reason."
    (mine,) = queue.own_applications(outlet.db, outlet.wang, [State.REJECTED])
    assert (mine.reject_reason, mine.checker_no) == ("照片不清晰，请重拍", "0201")


def test_two_supervisors_at_once_the_second_sees_who_decided(
    qtbot: QtBot, outlet: Outlet, background: Background, rules
) -> None:
    made = outlet.submit(outlet.wang, 20)
    other = outlet.submit(outlet.liu, 5)
    zhao = open_queue(qtbot, outlet, background, rules)
    sun = open_queue(qtbot, outlet, background, rules, supervisor=outlet.sun)
    open_with_enter(qtbot, zhao, made.id)
    open_with_enter(qtbot, sun, made.id)

    zhao.view.approve_button.click()
    settle(qtbot, zhao)
    sun.view.reject_button.click()
    dialog = sun.view.reject_dialog
    assert dialog is not None
    dialog.reason.insertPlainText("材料不全")
    with qtbot.waitSignal(sun.view.stale):
        dialog.send_button.click()
    settle(qtbot, sun)

    decided_at = queue.application_detail(outlet.db, outlet.zhao, made.id).decided_at
    assert decided_at is not None
    assert sun.view.message.text() == (
        "Already decided: Approved by 赵敏 (0201) at "
        f"{decided_at.astimezone():%Y-%m-%d %H:%M:%S}. That decision stands; "
        "the list has been refreshed."
    )
    assert outlet.state(made.id) is State.APPROVED  # exactly one decision stands
    assert sun.view.detail is not None and sun.view.detail.state is State.APPROVED
    assert not sun.view.approve_button.isEnabled() and not sun.view.reject_button.isEnabled()
    assert sun.view.state.text() == "Approved"
    assert listed(sun) == [other.id]  # the queue behind refreshed
    qtbot.keyClick(sun.view, Qt.Key.Key_Escape)
    assert sun.stack.currentWidget() is sun.listing


def test_a_change_made_elsewhere_reaches_the_queue_within_two_seconds(
    qtbot: QtBot, outlet: Outlet, background: Background, rules, live: LiveUpdates
) -> None:
    page = open_queue(qtbot, outlet, background, rules, live=live)
    assert page.live_indicator.text() == "● Live: changes appear by themselves."
    assert listed(page) == []

    made = outlet.submit(outlet.wang)
    qtbot.waitUntil(lambda: listed(page) == [made.id], timeout=int(LIVE_SECONDS * 1000))
    applications.transition(outlet.db, outlet.sun, made.id, Action.APPROVE, made.version)
    qtbot.waitUntil(lambda: listed(page) == [], timeout=int(LIVE_SECONDS * 1000))


@pytest.mark.postgres
def test_the_queue_on_postgresql_approves_and_follows_notifications(
    qtbot: QtBot, pg_outlet: Outlet, background: Background, rules
) -> None:
    live = started_live(qtbot, pg_outlet.db)
    try:
        first = pg_outlet.submit(pg_outlet.wang, 30, details=WAIVED)
        page = open_queue(qtbot, pg_outlet, background, rules, live=live)
        assert listed(page) == [first.id]
        assert column(page.table, 7) == ["Fee waived"]
        second = pg_outlet.submit(pg_outlet.liu)
        qtbot.waitUntil(
            lambda: listed(page) == [first.id, second.id], timeout=int(LIVE_SECONDS * 1000)
        )
        open_with_enter(qtbot, page, first.id)
        with qtbot.waitSignal(page.changed):
            page.view.approve_button.click()
        settle(qtbot, page)
        assert pg_outlet.state(first.id) is State.APPROVED
        assert listed(page) == [second.id]
    finally:
        live.stop(timeout=10)


def test_the_queue_and_an_application_speak_chinese(
    qtbot: QtBot,
    outlet: Outlet,
    background: Background,
    rules,
    language,  # type: ignore[no-untyped-def]
) -> None:
    outlet.submit(outlet.liu, 30, details=WAIVED)
    page = open_queue(qtbot, outlet, background, rules)
    headers = [page.table.horizontalHeaderItem(i).text() for i in range(page.table.columnCount())]
    assert untranslated(visible_texts(page) + headers + column(page.table, 7)) == []
    assert page.heading.text() == "审批队列：等待最久的在前。按回车查看。"
    open_with_enter(qtbot, page, listed(page)[0])
    assert untranslated(visible_texts(page)) == []
    assert page.view.approve_button.text() == "批准(&A)"
