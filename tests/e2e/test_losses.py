"""Loss report at the counter, then reissue after loss: the formal loss recorded from the
reissue's own page, the fee, the form, the receipt; and a formal loss that cannot be cancelled
once the reissue is under way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.domain.card import CardStatus
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import CounterSession
from counter_app.ui.wizard.business_wizard import BusinessWizard
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

pytestmark = [pytest.mark.e2e, pytest.mark.cups, pytest.mark.gui]

NUMBER = "320106199007240648"  # 李秀英, born 1990-07-24
CARD = "A23456783"


def identify(qtbot: QtBot, wizard: BusinessWizard) -> None:
    type_into(qtbot, wizard, "document_number", NUMBER)
    type_into(qtbot, wizard, "name", "李秀英")


def confirm_when_asked(qtbot: QtBot, window: MainWindow) -> None:
    """Answer Yes to the one question the next action asks."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(200, answer)


def test_loss_report_then_reissue_and_no_cancelling_the_formal_loss(
    qtbot: QtBot, counter: CounterSession, cups_queue: PrivateCups
) -> None:
    window = signed_in_window(qtbot, counter)
    qtbot.keyClick(window, Qt.Key.Key_F6)
    wizard = window.wizard
    identify(qtbot, wizard)
    next_step(qtbot, wizard, StepId.MATERIALS)
    tick(wizard, "material:id_original")
    next_step(qtbot, wizard, StepId.LOSS_ACTION)
    type_into(qtbot, wizard, "card", CARD[:-1] + "0")
    assert "校验位应为 3" in problem(wizard, "card")
    type_into(qtbot, wizard, "card", CARD)
    choose(wizard, "action", "report_temporary")
    press_enter(qtbot, wizard)
    wait_until_finished(qtbot, wizard)
    confirmation = print_previewed(qtbot, wizard, cups_queue)
    assert "临时挂失" in confirmation and "李秀英" in confirmation
    assert CARD not in confirmation and NUMBER not in confirmation
    press_enter(qtbot, wizard)  # New business
    qtbot.waitUntil(lambda: wizard.flow is None, timeout=5000)

    # The reissue: the card is known now, temporarily lost; the formal loss comes first.
    qtbot.keyClick(window, Qt.Key.Key_F3)
    identify(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.flow.context.cards != (), timeout=10000)  # recalled
    next_step(qtbot, wizard, StepId.LOSS)
    choose(wizard, "card", CARD)
    qtbot.waitUntil(lambda: wizard.actions.formal_loss_button.isVisible(), timeout=5000)
    confirm_when_asked(qtbot, window)
    wizard.actions.formal_loss_button.click()
    qtbot.waitUntil(lambda: not wizard.actions.formal_loss_button.isVisible(), timeout=10000)
    assert wizard.flow.context.cards[0].status is CardStatus.LOST_FORMAL
    next_step(qtbot, wizard, StepId.MATERIALS)
    tick(wizard, "material:id_original")
    next_step(qtbot, wizard, StepId.FEE)
    tick(wizard, "collected")
    next_step(qtbot, wizard, StepId.FORM)
    wizard.actions.print_form_button.click()
    print_previewed(qtbot, wizard, cups_queue)
    qtbot.waitUntil(lambda: not wizard.busy, timeout=10000)
    tick(wizard, "signed")
    next_step(qtbot, wizard, StepId.SUBMIT)
    press_enter(qtbot, wizard)
    wait_until_finished(qtbot, wizard)
    receipt_no = wizard.flow.receipt_no
    voucher = print_previewed(qtbot, wizard, cups_queue)
    receipt = print_previewed(qtbot, wizard, cups_queue)
    assert receipt_no and receipt_no in voucher and receipt_no in receipt
    press_enter(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.flow is None, timeout=5000)

    # Cancelling the formal loss is refused while the reissue is under way.
    qtbot.keyClick(window, Qt.Key.Key_F6)
    identify(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.flow.context.cards != (), timeout=10000)
    next_step(qtbot, wizard, StepId.MATERIALS)
    tick(wizard, "material:id_original")
    next_step(qtbot, wizard, StepId.LOSS_ACTION)
    choose(wizard, "card", CARD)
    choose(wizard, "action", "cancel")
    assert receipt_no in problem(wizard, "action") or "补卡" in problem(wizard, "action")
    press_enter(qtbot, wizard)
    assert wizard.flow.current.id == StepId.LOSS_ACTION and not wizard.flow.finished
