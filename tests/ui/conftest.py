"""A real counter session on a real database, drawn offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counter_app.api.local import LocalCounterApi
from counter_app.api.models import Actor, SendToPrinter
from counter_app.card.qt_bridge import CardWatcher
from counter_app.card.snapshot import CardSnapshot
from counter_app.domain.roles import Role
from counter_app.domain.rules import LocalityRules
from counter_app.printing.dispatch import print_pdf
from counter_app.services import staff
from counter_app.store.database import Database
from counter_app.ui.background import Background
from counter_app.ui.i18n import Language
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.page_context import PageContext
from counter_app.ui.session import CounterSession
from counter_app.ui.settings import Settings
from tests.card.fake_pcsc import FakeService

PASSWORD = "counter2026"
TEST_READER = "Counter Reader 0"


def context(
    db: Database,
    actor: Actor,
    rules: LocalityRules,
    background: Background,
    *,
    printer: Callable[[], str | None] = lambda: None,
    send: SendToPrinter = print_pdf,
) -> PageContext:
    """What a page of the window works with: the interface in-process on the test database, as
    `actor`."""
    return PageContext(LocalCounterApi(db, actor, rules), background, printer=printer, send=send)


def no_card_read(reader: str) -> CardSnapshot:
    raise AssertionError(f"nothing should read a card in {reader} here")


@pytest.fixture
def card_service() -> FakeService:
    """The session's PC/SC service: one real-looking, empty reader, never the machine's pcscd."""
    return FakeService(TEST_READER)


@pytest.fixture
def ui_db(sqlite_url: str) -> Iterator[Database]:
    database = Database(sqlite_url)
    database.upgrade()
    for staff_no, name, role in (
        ("0101", "王芳", Role.CLERK),
        ("0102", "刘强", Role.CLERK),
        ("0201", "赵敏", Role.SUPERVISOR),
    ):
        staff.add(database, Actor.system(), staff_no, name, role, PASSWORD)
    yield database
    database.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "counter_app.ini")


@pytest.fixture
def language(qapp) -> Iterator[Language]:  # type: ignore[no-untyped-def]
    chosen = Language()
    chosen.apply("zh_CN")
    yield chosen
    chosen.apply("en")  # leave no translator behind for the next test


@pytest.fixture
def session(
    qtbot: QtBot,
    ui_db: Database,
    rules,
    settings: Settings,  # type: ignore[no-untyped-def]
    language: Language,
    card_service: FakeService,
) -> Iterator[CounterSession]:
    counter = CounterSession(
        ui_db,
        lambda: rules,
        settings,
        language,
        watcher_factory=lambda: CardWatcher(no_card_read, card_service.context, wait_ms=50),
    )
    counter.start()
    yield counter
    counter.wait()
    for widget in (counter.lock_screen, counter.window, counter.login):
        if widget is not None:
            widget.close()


def wait_until_ready(qtbot: QtBot, login: LoginDialog) -> None:
    """The schema check runs in the background; sign-in waits for it."""
    qtbot.waitUntil(lambda: login.ready, timeout=5000)


def sign_in(qtbot: QtBot, counter: CounterSession, staff_no: str, password: str) -> None:
    login = counter.login
    assert login is not None
    wait_until_ready(qtbot, login)
    login.staff_no.setText(staff_no)
    login.password.setText(password)
    login.sign_in_button.click()
    # The dialog says it is signing in at once and replaces that with the answer.
    assert login.message.text() == "正在签到…"


def answer(qtbot: QtBot, login: LoginDialog) -> str:
    qtbot.waitUntil(lambda: login.message.text() != "正在签到…" or login.result() != 0)
    return login.message.text()
