"""The clerk's drafts: listed masked, resumed with Enter, cancelled with a reason."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from counter_app.domain.application import Business, Reason, State
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.services import applications, auth, people
from counter_app.store.database import Database
from counter_app.store.models import Application
from counter_app.ui.background import Background
from counter_app.ui.drafts_page import DraftsPage
from tests.ui.conftest import PASSWORD, context

pytestmark = pytest.mark.gui
NUMBER = "11010519491231002X"


@pytest.fixture
def draft(ui_db: Database) -> int:
    clerk = auth.sign_in(ui_db, "0101", PASSWORD)
    person = people.add_person(
        ui_db,
        clerk,
        Holder(
            document_type=DocumentType.RESIDENT_ID,
            document_number=NUMBER,
            name="王芳",
            sex=Sex.FEMALE,
            birth_date=date(1949, 12, 31),
        ),
    )
    return applications.create_draft(
        ui_db, clerk, Business.REPLACEMENT, Reason.EXPIRED, person, "320100001"
    ).id


def test_a_draft_is_listed_masked_resumed_and_cancelled_with_a_reason(
    qtbot: QtBot, ui_db: Database, draft: int, language, rules
) -> None:  # type: ignore[no-untyped-def]
    clerk = auth.sign_in(ui_db, "0101", PASSWORD)
    page = DraftsPage(context(ui_db, clerk, rules, Background()))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.listing.count() == 1, timeout=5000)
    text = page.listing.item(0).text()
    assert "110105********002X" in text and NUMBER not in text and "王芳" in text
    with qtbot.waitSignal(page.resume_requested) as resumed:
        page.resume_button.click()
    assert resumed.args == [draft]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("客户改日再来")
        dialog.accept()

    QTimer.singleShot(100, answer)
    page.cancel_button.click()
    qtbot.waitUntil(lambda: page.listing.count() == 0, timeout=5000)
    assert page.message.text() == "没有草稿。"
    with ui_db.transaction() as session:
        application = session.get(Application, draft)
        assert application is not None and application.state is State.CANCELLED
