"""The clerk's own submitted and rejected applications on a real database: the reason a rejected
one came back, rework into a draft and resubmission, a supervisor deciding on the clerk's
screen, and decisions taken elsewhere arriving by themselves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app.domain.application import Action, State
from counter_app.domain.rules import LocalityRules
from counter_app.services import applications, queue
from counter_app.services.actor import Actor
from counter_app.store.models import AuditEvent
from counter_app.ui.background import Background
from counter_app.ui.live_updates import LiveUpdates
from counter_app.ui.my_applications_page import REASON_COLUMN, MyApplicationsPage
from counter_app.ui.state_style import STATE_COLOURS
from tests.ui import test_queue_page
from tests.ui.conftest import PASSWORD, context
from tests.ui.test_queue_page import LIVE_SECONDS, MASKED, OUTLET, Outlet, column
from tests.ui.test_translations import untranslated, visible_texts

pytestmark = pytest.mark.gui

# The fixtures, under the names the tests ask for.
background = test_queue_page.background
outlet = test_queue_page.outlet
live = test_queue_page.live


def open_mine(
    qtbot: QtBot,
    outlet: Outlet,
    background: Background,
    rules: LocalityRules,
    clerk: Actor,
    live: LiveUpdates | None = None,
) -> MyApplicationsPage:
    page = MyApplicationsPage(context(outlet.db, clerk, rules, background), live=live)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, page)
    return page


def settle(qtbot: QtBot, page: MyApplicationsPage) -> None:
    qtbot.waitUntil(lambda: not page.busy and not page.view.busy)


def listed(page: MyApplicationsPage) -> list[int]:
    return [row.application_id for row in page.rows]


def choose(page: MyApplicationsPage, application_id: int) -> None:
    page.table.setFocus()
    page.table.setCurrentCell(listed(page).index(application_id), 0)


def reject(outlet: Outlet, application_id: int, reason: str) -> None:
    version = queue.application_detail(outlet.db, outlet.zhao, application_id).version
    applications.transition(outlet.db, outlet.zhao, application_id, Action.REJECT, version, reason)


def test_the_clerk_sees_submitted_and_rejected_ones_with_the_reason(
    qtbot: QtBot, outlet: Outlet, background: Background, rules: LocalityRules
) -> None:
    waiting = outlet.submit(outlet.wang, 30)
    sent_back = outlet.submit(outlet.wang, 20)
    reject(outlet, sent_back.id, "照片不清晰")
    approved = outlet.submit(outlet.wang, 10)
    applications.transition(outlet.db, outlet.zhao, approved.id, Action.APPROVE, approved.version)
    outlet.submit(outlet.liu, 5)  # another clerk's
    page = open_mine(qtbot, outlet, background, rules, outlet.wang)

    assert listed(page) == [sent_back.id, waiting.id]  # newest first
    assert column(page.table, 5) == ["Rejected", "Submitted"]
    colours = [page.table.item(row, 5).foreground().color().name() for row in range(2)]
    assert colours == [STATE_COLOURS[State.REJECTED], STATE_COLOURS[State.SUBMITTED]]
    assert column(page.table, REASON_COLUMN) == ["照片不清晰", "—"]
    assert column(page.table, 6)[0].startswith("0201 赵敏 · ")
    assert column(page.table, 4) == [f"张伟 {MASKED}"] * 2
    choose(page, sent_back.id)
    assert page.rework_button.isEnabled() and not page.authorise_button.isEnabled()
    choose(page, waiting.id)
    assert page.authorise_button.isEnabled() and not page.rework_button.isEnabled()

    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens it in full, read only
    settle(qtbot, page)
    assert page.stack.currentWidget() is page.view
    assert not page.view.approve_button.isEnabled()
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.listing


def test_rework_reopens_a_draft_to_resume_and_resubmitting_queues_it_again(
    qtbot: QtBot, outlet: Outlet, background: Background, rules: LocalityRules
) -> None:
    made = outlet.submit(outlet.wang, 20)
    reject(outlet, made.id, "缺少户口簿")
    page = open_mine(qtbot, outlet, background, rules, outlet.wang)
    choose(page, made.id)
    with qtbot.waitSignal(page.resume_requested) as resumed:
        qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert resumed.args == [made.id]
    assert outlet.state(made.id) is State.DRAFT  # reopened before the wizard is asked
    settle(qtbot, page)
    assert listed(page) == []
    assert page.message.text() == f"Application {made.id} is a draft again."

    # The wizard resubmits the corrected draft; it waits in the queue and on this list again.
    version = queue.application_detail(outlet.db, outlet.wang, made.id).version
    applications.transition(outlet.db, outlet.wang, made.id, Action.SUBMIT, version)
    page.refresh()
    settle(qtbot, page)
    assert listed(page) == [made.id] and column(page.table, 5) == ["Submitted"]
    waiting = queue.queue_page(outlet.db, outlet.zhao, OUTLET)
    assert [row.application_id for row in waiting.rows] == [made.id]


def test_a_supervisor_signs_in_on_the_clerks_screen_for_one_decision(
    qtbot: QtBot, outlet: Outlet, background: Background, rules: LocalityRules
) -> None:
    made = outlet.submit(outlet.wang, 20)
    page = open_mine(qtbot, outlet, background, rules, outlet.wang)
    choose(page, made.id)
    page.authorise_button.click()
    dialog = page.authorise_dialog
    assert dialog is not None and dialog.isVisible()

    def attempt(staff_no: str, password: str) -> None:
        dialog.staff_no.setText(staff_no)
        dialog.password.setText(password)
        dialog.sign_in_button.click()
        qtbot.waitUntil(lambda: not dialog.busy)

    attempt("0201", "wrong-password1")
    assert dialog.message.text() == (
        "Wrong staff number or password. 4 more failed attempt(s) will lock the account."
    )
    attempt("0101", PASSWORD)
    assert dialog.message.text() == "You cannot decide an application you took yourself."
    attempt("0102", PASSWORD)
    assert dialog.message.text() == "Your role does not allow this."
    assert page.stack.currentWidget() is page.listing  # nothing opened yet

    attempt("0201", PASSWORD)  # the dialog closes and goes
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.view)
    settle(qtbot, page)
    view = page.view
    assert view.acting.actor.staff_no == "0201" and view.approve_button.isEnabled()
    assert "Deciding as supervisor 0201 赵敏, signed in on this screen." in view.summary.text()
    with qtbot.waitSignal(page.changed):
        view.approve_button.click()
    settle(qtbot, page)

    assert page.stack.currentWidget() is page.listing
    assert page.view.acting.actor is outlet.wang  # the sign-in ended with the decision
    assert listed(page) == []
    detail = queue.application_detail(outlet.db, outlet.wang, made.id)
    assert (detail.state, detail.checker_no) == (State.APPROVED, "0201")
    with outlet.db.transaction() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.actor, AuditEvent.detail)
            .where(AuditEvent.object_id == str(made.id))
            .order_by(AuditEvent.seq)
        ).all()
    assert ("authorise_decision", "0201", "for 0101") in [tuple(e) for e in events]
    assert ("approve", "0201", None) in [tuple(e) for e in events]


def test_a_decision_at_the_supervisors_desk_reaches_the_clerk_within_two_seconds(
    qtbot: QtBot,
    outlet: Outlet,
    background: Background,
    rules: LocalityRules,
    live: LiveUpdates,
) -> None:
    made = outlet.submit(outlet.wang)
    page = open_mine(qtbot, outlet, background, rules, outlet.wang, live)
    assert listed(page) == [made.id]
    reject(outlet, made.id, "签名不一致")
    qtbot.waitUntil(
        lambda: column(page.table, REASON_COLUMN) == ["签名不一致"],
        timeout=int(LIVE_SECONDS * 1000),
    )
    assert column(page.table, 5) == ["Rejected"]
    assert page.message.text() == f"Application {made.id} is now Rejected."


def test_the_clerks_list_speaks_chinese(
    qtbot: QtBot,
    outlet: Outlet,
    background: Background,
    rules: LocalityRules,
    language,  # type: ignore[no-untyped-def]
) -> None:
    made = outlet.submit(outlet.wang, 20)
    reject(outlet, made.id, "照片不清晰")
    page = open_mine(qtbot, outlet, background, rules, outlet.wang)
    headers = [page.table.horizontalHeaderItem(i).text() for i in range(page.table.columnCount())]
    assert untranslated(visible_texts(page) + headers + column(page.table, 5)) == []
    assert page.rework_button.text() == "退回修改(&R)"
