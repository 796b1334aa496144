"""Replacement of a damaged card, from sign-in to the receipt out of the printer: the card in
the reader fills the holder, the fee is collected, the form printed and signed, the voucher and
the receipt printed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.ui.session import CounterSession
from counter_app.workflows.names import StepId
from tests.cups_env import PrivateCups
from tests.e2e.conftest import signed_in_window
from tests.e2e.driver import (
    choose,
    next_step,
    press_enter,
    print_previewed,
    problem,
    tick,
    type_into,
    wait_until_finished,
)
from tests.pcsc_env import CardSlots

pytestmark = [pytest.mark.e2e, pytest.mark.pcsc, pytest.mark.cups, pytest.mark.gui]

NUMBER = "320102198503121234"  # 王小明 in the simulator's cards
MASKED = "320102********1234"


def test_replacement_from_sign_in_to_the_printed_receipt(
    qtbot: QtBot, counter: CounterSession, cards: CardSlots, cups_queue: PrivateCups
) -> None:
    window = signed_in_window(qtbot, counter)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    wizard = window.wizard
    assert wizard.flow is not None and wizard.flow.current.id == StepId.REASON
    choose(wizard, "reason", "damaged")
    next_step(qtbot, wizard, StepId.HOLDER)

    # A typo in the number is caught as it is typed, with the right check character named.
    type_into(qtbot, wizard, "document_number", NUMBER[:-1] + "5")
    assert "校验码应为 4" in problem(wizard, "document_number")

    cards.insert("wang_xiaoming")
    qtbot.waitUntil(lambda: wizard.fill_from_card.isVisible(), timeout=10000)
    wizard.fill_from_card.click()
    assert wizard.flow.get(StepId.HOLDER, "name") == "王小明"
    assert problem(wizard, "document_number") == ""
    next_step(qtbot, wizard, StepId.OLD_CARD)
    assert wizard.flow.application_id is not None  # the draft is kept from here on
    qtbot.waitUntil(lambda: wizard.flow.problems() == [], timeout=10000)  # the card matches

    next_step(qtbot, wizard, StepId.MATERIALS)
    tick(wizard, "material:id_original", "material:old_card")
    next_step(qtbot, wizard, StepId.FEE)
    assert "20.00" in wizard.form.inputs["amount"].text()  # type: ignore[union-attr]
    tick(wizard, "collected")
    next_step(qtbot, wizard, StepId.FORM)

    wizard.actions.print_form_button.click()
    form = print_previewed(qtbot, wizard, cups_queue)
    assert "王小明" in form and "卡片损坏" in form
    qtbot.waitUntil(lambda: not wizard.busy, timeout=10000)
    tick(wizard, "signed")
    next_step(qtbot, wizard, StepId.SUBMIT)
    assert MASKED in wizard.summary.text() and NUMBER not in wizard.summary.text()

    press_enter(qtbot, wizard)
    wait_until_finished(qtbot, wizard)
    receipt_no = wizard.flow.receipt_no
    assert receipt_no and receipt_no in wizard.message.text()
    voucher = print_previewed(qtbot, wizard, cups_queue)
    assert receipt_no in voucher and "20.00" in voucher
    receipt = print_previewed(qtbot, wizard, cups_queue)
    assert receipt_no in receipt and "王小明" in receipt and MASKED in receipt
    assert NUMBER not in receipt
