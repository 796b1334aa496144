"""The idle lock, signing out, the About dialog and the crash report, in a real session."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app.card.errors import CardNotGenuine
from counter_app.store.models import AuditEvent
from counter_app.ui.about_dialog import AboutDialog
from counter_app.ui.crash_dialog import CrashDialog
from counter_app.ui.crash_hook import install_excepthook
from counter_app.ui.session import CounterSession
from counter_app.ui.settings import Settings
from tests.ui.conftest import PASSWORD, sign_in


def signed_in(qtbot: QtBot, session: CounterSession, staff_no: str = "0101") -> None:
    sign_in(qtbot, session, staff_no, PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())


def audit_actions(session: CounterSession) -> list[str]:
    with session.db.transaction() as tx:
        return list(tx.execute(select(AuditEvent.action).order_by(AuditEvent.seq)).scalars())


def test_idle_screen_locks_and_unlocks_with_the_password(
    qtbot: QtBot, session: CounterSession, settings: Settings
) -> None:
    settings.idle_lock_minutes = 0.005  # 300 ms
    signed_in(qtbot, session)
    qtbot.waitUntil(lambda: session.lock_screen is not None, timeout=5000)
    lock = session.lock_screen
    assert lock is not None and lock.isVisible()
    lock.password.setText("wrong-password1")
    lock.unlock_button.click()
    qtbot.waitUntil(lambda: "柜员号或密码错误" in lock.message.text())
    assert lock.isVisible()
    lock.password.setText(PASSWORD)
    lock.unlock_button.click()
    qtbot.waitUntil(lambda: session.lock_screen is None and not lock.isVisible())
    assert session.window is not None  # the work behind the lock is still there
    session.wait()
    assert {"screen_locked", "screen_unlocked"} <= set(audit_actions(session))


def test_lock_unlock_and_sign_out_go_in_order_and_wait_for_no_other_work(
    qtbot: QtBot, session: CounterSession
) -> None:
    signed_in(qtbot, session)
    session.wait()
    # Every thread of the window's pool is held, as by slow look-ups: the clerk still unlocks.
    gate = threading.Event()
    for _ in range(QThreadPool.globalInstance().maxThreadCount()):
        session.background.run(gate.wait, lambda _: None, lambda _: None)
    try:
        session.lock()
        lock = session.lock_screen
        assert lock is not None
        lock.password.setText(PASSWORD)
        lock.unlock_button.click()
        qtbot.waitUntil(lambda: session.lock_screen is None, timeout=10_000)
        window = session.window
        assert window is not None
        window.sign_out_action.trigger()
        qtbot.waitUntil(lambda: "sign_out" in audit_actions(session))
    finally:
        gate.set()
    session.wait()
    session_events = [
        action
        for action in audit_actions(session)
        if action in {"sign_in", "screen_locked", "screen_unlocked", "sign_out"}
    ]
    assert session_events == ["sign_in", "screen_locked", "screen_unlocked", "sign_out"]


def test_escape_does_not_unlock(qtbot: QtBot, session: CounterSession) -> None:
    signed_in(qtbot, session)
    session.lock()
    lock = session.lock_screen
    assert lock is not None
    lock.reject()
    assert lock.isVisible()


def test_sign_out_returns_to_sign_in(qtbot: QtBot, session: CounterSession) -> None:
    signed_in(qtbot, session)
    window = session.window
    assert window is not None
    window.sign_out_action.trigger()
    assert session.window is None and session.login is not None
    assert not window.isVisible()
    qtbot.waitUntil(lambda: "sign_out" in audit_actions(session))


def test_function_key_chooses_a_business(qtbot: QtBot, session: CounterSession) -> None:
    signed_in(qtbot, session)
    window = session.window
    assert window is not None
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.current_business is not None and window.current_business.value == "reissue"
    assert window.pages.currentWidget() is window.wizard
    assert "补卡" in window.wizard.title.text()


def test_about_names_the_rules_file_and_version(qtbot: QtBot, rules) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(rules, "sqlite:///counter.sqlite3")
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert rules.source_name in text
    assert f"版本 {rules.version}" in text or f"version {rules.version}" in text


def test_uncaught_exception_shows_a_copyable_masked_report(qtbot: QtBot, language) -> None:  # type: ignore[no-untyped-def]
    previous = sys.excepthook
    install_excepthook()
    try:
        try:
            raise RuntimeError("failed for holder 11010519491231002X")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()
    ]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    report = dialog.report.toPlainText()
    assert "RuntimeError" in report and "110105********002X" in report
    assert "11010519491231002X" not in report
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == report
    assert dialog.windowTitle() == "程序出错"
    dialog.close()


def test_busy_indicator_shows_while_background_work_runs(
    qtbot: QtBot, session: CounterSession
) -> None:
    signed_in(qtbot, session)
    window = session.window
    assert window is not None
    qtbot.waitUntil(lambda: not session.background.busy)
    assert not window.busy_indicator.isVisibleTo(window)
    window.refresh_counts()
    assert window.busy_indicator.isVisibleTo(window)
    qtbot.waitUntil(lambda: not window.busy_indicator.isVisibleTo(window))


def test_a_card_that_is_not_genuine_is_an_audit_event(
    qtbot: QtBot, session: CounterSession
) -> None:
    signed_in(qtbot, session)
    window = session.window
    assert window is not None
    error = CardNotGenuine("internal authentication failed", "320100D1560000", "A12345674")
    window.reader_panel.suspect_card.emit(error)
    qtbot.waitUntil(lambda: "card_not_genuine" in audit_actions(session), timeout=5000)
    with session.db.transaction() as tx:
        event = tx.execute(
            select(AuditEvent).where(AuditEvent.action == "card_not_genuine")
        ).scalar_one()
        assert (event.actor, event.object_id) == ("0101", "A12345674")
