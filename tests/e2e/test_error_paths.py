"""What a clerk meets when things go wrong, through the real window: a card that is not the
holder's, a card pulled and another put in, a printer that stops, another clerk already serving
the same customer, and a session that ends mid-business. Nothing entered is lost."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.domain.application import Business, Reason
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.rules import LocalityRules
from counter_app.services import applications, auth, people
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import CounterSession
from counter_app.workflows.names import StepId
from tests.cups_env import PrivateCups
from tests.e2e.conftest import signed_in_window
from tests.e2e.driver import choose, next_step, press_enter, print_previewed, tick, type_into
from tests.pcsc_env import CardSlots
from tests.ui.conftest import PASSWORD, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.pcsc, pytest.mark.cups, pytest.mark.gui]

NUMBER = "320102198503121234"  # 王小明


def start_replacement(qtbot: QtBot, window: MainWindow, reason: str = "expired") -> None:
    qtbot.keyClick(window, Qt.Key.Key_F2)
    wizard = window.wizard
    choose(wizard, "reason", reason)
    next_step(qtbot, wizard, StepId.HOLDER)
    type_into(qtbot, wizard, "document_number", NUMBER)
    type_into(qtbot, wizard, "name", "王小明")


def test_a_card_that_is_not_the_holders_needs_a_supervisor(
    qtbot: QtBot, counter: CounterSession, cards: CardSlots
) -> None:
    window = signed_in_window(qtbot, counter)
    start_replacement(qtbot, window)
    wizard = window.wizard
    assert wizard.flow.get(StepId.HOLDER, "sex") == "1"  # stated by the number, not typed
    next_step(qtbot, wizard, StepId.OLD_CARD)

    cards.insert("li_xiuying")  # another person's card
    qtbot.waitUntil(lambda: wizard.actions.override_button.isVisible(), timeout=10000)
    press_enter(qtbot, wizard)
    assert wizard.flow.current.id == StepId.OLD_CARD
    assert "须主管授权" in wizard.message.text()

    # Pulled, and the right card put in: the step follows the card in the reader.
    cards.remove()
    cards.insert("wang_xiaoming")
    qtbot.waitUntil(lambda: not wizard.actions.override_button.isVisible(), timeout=10000)
    assert wizard.flow.problems() == []

    cards.remove()
    cards.insert("li_xiuying")
    qtbot.waitUntil(lambda: wizard.actions.override_button.isVisible(), timeout=10000)
    wizard.actions.override_button.click()
    dialog = wizard.actions.override_dialog
    assert dialog is not None
    dialog.staff_no.setText("0102")  # a clerk cannot authorise
    dialog.password.setText(PASSWORD)
    dialog.reason.setText("test")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "无权" in wizard.message.text(), timeout=10000)
    assert wizard.actions.override_button.isVisible()

    wizard.actions.override_button.click()
    dialog = wizard.actions.override_dialog
    dialog.staff_no.setText("0201")
    dialog.password.setText(PASSWORD)
    dialog.reason.setText("持卡人更名前的卡")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "0201" in wizard.message.text(), timeout=10000)
    next_step(qtbot, wizard, StepId.MATERIALS)
    assert wizard.flow.get(StepId.OLD_CARD, "override_by") == "0201"


def test_a_stopped_printer_is_named_and_the_form_prints_once_it_is_back(
    qtbot: QtBot, counter: CounterSession, cards: CardSlots, cups_queue: PrivateCups
) -> None:
    window = signed_in_window(qtbot, counter)
    cards.insert("wang_xiaoming")
    start_replacement(qtbot, window)
    wizard = window.wizard
    next_step(qtbot, wizard, StepId.OLD_CARD)
    qtbot.waitUntil(lambda: wizard.flow.problems() == [], timeout=10000)
    next_step(qtbot, wizard, StepId.MATERIALS)
    tick(wizard, "material:id_original", "material:old_card")
    next_step(qtbot, wizard, StepId.FORM)

    cups_queue.disable("out of paper")
    wizard.actions.print_form_button.click()
    qtbot.waitUntil(
        lambda: wizard.preview is not None and wizard.preview.isVisible(), timeout=10000
    )
    preview = wizard.preview
    qtbot.waitUntil(lambda: len(preview.pages) > 0, timeout=15000)
    preview.print_button.click()
    qtbot.waitUntil(lambda: "暂停" in preview.message.text(), timeout=15000)
    assert preview.isVisible() and preview.print_button.isEnabled()
    assert wizard.flow.problems()[0].field == "printed"  # not counted as printed

    cups_queue.cancel_all()
    cups_queue.enable()
    text = print_previewed(qtbot, wizard, cups_queue)
    assert "王小明" in text
    qtbot.waitUntil(lambda: not wizard.busy, timeout=10000)
    tick(wizard, "signed")
    next_step(qtbot, wizard, StepId.SUBMIT)


def test_another_clerk_serving_the_same_customer_is_named(
    qtbot: QtBot, counter: CounterSession, rules: LocalityRules
) -> None:
    other = auth.sign_in(counter.db, "0102", PASSWORD)
    person = people.add_person(
        counter.db,
        other,
        Holder(
            document_type=DocumentType.RESIDENT_ID,
            document_number=NUMBER,
            name="王小明",
            sex=Sex.MALE,
            birth_date=date(1985, 3, 12),
        ),
    )
    applications.create_draft(
        counter.db, other, Business.REPLACEMENT, Reason.EXPIRED, person, rules.outlet.code
    )
    window = signed_in_window(qtbot, counter)
    start_replacement(qtbot, window)
    wizard = window.wizard
    press_enter(qtbot, wizard)
    qtbot.waitUntil(lambda: "刘强" in wizard.message.text(), timeout=10000)
    assert "0102" in wizard.message.text()
    assert wizard.flow.current.id == StepId.HOLDER
    assert wizard.flow.get(StepId.HOLDER, "name") == "王小明"  # nothing typed is lost


def test_a_draft_left_by_a_session_resumes_where_it_stopped(
    qtbot: QtBot, counter: CounterSession, cards: CardSlots
) -> None:
    window = signed_in_window(qtbot, counter)
    cards.insert("wang_xiaoming")
    start_replacement(qtbot, window)
    wizard = window.wizard
    next_step(qtbot, wizard, StepId.OLD_CARD)
    qtbot.waitUntil(lambda: wizard.flow.problems() == [], timeout=10000)
    next_step(qtbot, wizard, StepId.MATERIALS)
    cards.remove()
    counter.sign_out("test")  # the clerk goes; the draft stays

    sign_in(qtbot, counter, "0101", PASSWORD)
    qtbot.waitUntil(lambda: counter.window is not None, timeout=5000)
    window = counter.window
    drafts = window.drafts_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is drafts, timeout=10000)
    qtbot.waitUntil(lambda: drafts.listing.count() == 1, timeout=10000)
    assert "320102********1234" in drafts.listing.item(0).text()
    assert NUMBER not in drafts.listing.item(0).text()
    drafts.resume_button.click()
    wizard = window.wizard
    qtbot.waitUntil(lambda: wizard.flow is not None, timeout=10000)
    assert wizard.flow.current.id == StepId.MATERIALS
    assert wizard.flow.get(StepId.OLD_CARD, "card_number") == "A12345674"
