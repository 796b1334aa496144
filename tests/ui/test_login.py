"""Signing in through the real dialog: good, bad and locked, and what each role sees."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from counter_app.api.interface import CounterApi
from counter_app.store.database import Database
from counter_app.ui.background import Background
from counter_app.ui.i18n import Language
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.session import CounterSession
from tests.ui.conftest import PASSWORD, answer, sign_in, wait_until_ready


def dialog_before_sign_in(db: Database, background: Background) -> LoginDialog:
    """The dialog waiting for a database that fits: signing in is never tried."""

    def sign_in(staff_no: str, password: str) -> CounterApi:
        raise AssertionError("no sign-in before the database fits")

    return LoginDialog(background, "zh_CN", readiness=db.schema_status, sign_in=sign_in)


def test_good_password_opens_the_main_window(qtbot: QtBot, session: CounterSession) -> None:
    sign_in(qtbot, session, "0101", PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    window = session.window
    assert window is not None
    assert "0101 王芳" in window.header.text()
    assert "柜员" in window.header.text()
    entries = [window.businesses.item(i).text() for i in range(window.businesses.count())]
    assert entries[:5] == ["F2  换卡", "F3  补卡", "F4  信息更正", "F5  领卡启用", "F6  挂失"]
    assert not any("审批队列" in entry for entry in entries)  # a clerk has no queue


def test_a_supervisor_sees_the_queue_with_its_count(qtbot: QtBot, session: CounterSession) -> None:
    sign_in(qtbot, session, "0201", PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None)
    window = session.window
    assert window is not None
    qtbot.waitUntil(lambda: "在线" in window.database_status.text())
    entries = [window.businesses.item(i).text() for i in range(window.businesses.count())]
    assert "F8  审批队列（0）" in entries


def test_wrong_password_says_so_and_keeps_the_dialog(qtbot: QtBot, session: CounterSession) -> None:
    login = session.login
    assert login is not None
    sign_in(qtbot, session, "0101", "wrong-password1")
    message = answer(qtbot, login)
    assert "柜员号或密码错误" in message and "再错 4 次" in message
    assert session.window is None
    assert login.staff_no.text() == "0101"  # what was typed stays
    assert login.password.text() == ""


def test_a_database_gone_at_sign_in_keeps_what_was_typed(
    qtbot: QtBot, session: CounterSession, ui_db: Database
) -> None:
    login = session.login
    assert login is not None
    wait_until_ready(qtbot, login)
    ui_db.dispose()
    database_file = Path(ui_db.url.removeprefix("sqlite:///"))
    database_file.rename(database_file.with_suffix(".away"))  # a fresh empty file takes its place
    sign_in(qtbot, session, "0101", PASSWORD)
    message = answer(qtbot, login)
    assert "数据库" in message and session.window is None, message
    # Not the password's fault: it stays, and Sign in tries it again as it is.
    assert (login.staff_no.text(), login.password.text()) == ("0101", PASSWORD)
    assert login.sign_in_button.isEnabled()


def test_fifth_failure_locks_the_account(qtbot: QtBot, session: CounterSession) -> None:
    login = session.login
    assert login is not None
    answers = []
    for attempt in range(5):
        sign_in(qtbot, session, "0101", f"wrong-password{attempt}")
        answers.append(answer(qtbot, login))
    for left, said in zip((4, 3, 2, 1), answers, strict=False):
        assert f"再错 {left} 次" in said
    assert "已被锁定" in answers[-1]
    sign_in(qtbot, session, "0101", PASSWORD)  # the right password no longer helps
    assert "已被锁定" in answer(qtbot, login)
    assert session.window is None


def test_sign_in_waits_for_a_database_that_fits(
    qtbot: QtBot, sqlite_url: str, language: Language
) -> None:
    empty = Database(sqlite_url)  # never upgraded
    background = Background()
    login = dialog_before_sign_in(empty, background)
    qtbot.addWidget(login)
    login.show()  # the check starts once the dialog is up
    qtbot.waitUntil(lambda: "数据库尚未初始化" in login.message.text())
    login.staff_no.setText("0101")
    login.password.setText(PASSWORD)
    assert not login.sign_in_button.isEnabled()
    background.wait()


def test_a_newer_database_is_named_as_such(
    qtbot: QtBot, ui_db: Database, language: Language
) -> None:
    with ui_db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00d_future'"))
    background = Background()
    login = dialog_before_sign_in(ui_db, background)
    qtbot.addWidget(login)
    login.show()
    qtbot.waitUntil(lambda: "更新版本的程序" in login.message.text())
    background.wait()
