"""Pickup: the receipt scanned into the field, the holder's document checked, the new card read
and checked against the application, the old card cancelled, the confirmation printed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app.domain import cardnumber
from counter_app.domain.application import Action, Business, Reason, State
from counter_app.domain.card import CardStatus
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.rules import LocalityRules
from counter_app.services import applications, auth, people
from counter_app.store.database import Database
from counter_app.store.models import Application, Card
from counter_app.ui.session import CounterSession
from counter_app.workflows.names import StepId
from tests.cups_env import PrivateCups
from tests.e2e.conftest import signed_in_window
from tests.e2e.driver import (
    next_step,
    press_enter,
    print_previewed,
    tick,
    type_into,
    wait_until_finished,
)
from tests.pcsc_env import CardSlots
from tests.ui.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.pcsc, pytest.mark.cups, pytest.mark.gui]

NUMBER = "320102198503121234"  # 王小明: his new card is the simulator's wang_xiaoming
OLD_CARD = "B1111111" + cardnumber.check_character("B1111111")


def ready_for_pickup(db: Database, outlet: str) -> tuple[int, str]:
    clerk = auth.sign_in(db, "0102", PASSWORD)
    supervisor = auth.sign_in(db, "0201", PASSWORD)
    person = people.add_person(
        db,
        clerk,
        Holder(
            document_type=DocumentType.RESIDENT_ID,
            document_number=NUMBER,
            name="王小明",
            sex=Sex.MALE,
            birth_date=date(1985, 3, 12),
        ),
    )
    old = people.add_card(db, clerk, person, people.NewCard(OLD_CARD, "2.00"))
    summary = applications.create_draft(
        db, clerk, Business.REPLACEMENT, Reason.EXPIRED, person, outlet, old_card_id=old
    )
    summary = applications.transition(db, clerk, summary.id, Action.SUBMIT, summary.version)
    for action in (Action.APPROVE, Action.START_PRODUCTION, Action.MARK_READY):
        summary = applications.transition(db, supervisor, summary.id, action, summary.version)
    assert summary.receipt_no is not None
    return summary.id, summary.receipt_no


def test_pickup_from_the_scanned_receipt_to_the_printed_confirmation(
    qtbot: QtBot,
    counter: CounterSession,
    rules: LocalityRules,
    cards: CardSlots,
    cups_queue: PrivateCups,
) -> None:
    application_id, receipt_no = ready_for_pickup(counter.db, rules.outlet.code)
    window = signed_in_window(qtbot, counter)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    wizard = window.wizard
    assert wizard.flow is not None and wizard.flow.current.id == StepId.RECEIPT
    # A barcode scanner types the number and Enter in one go.
    type_into(qtbot, wizard, "receipt_no", receipt_no.lower())
    press_enter(qtbot, wizard)
    qtbot.waitUntil(
        lambda: not wizard.busy and wizard.flow.current.id == StepId.COLLECTOR, timeout=15000
    )

    type_into(qtbot, wizard, "holder_document_number", NUMBER)
    next_step(qtbot, wizard, StepId.NEW_CARD)
    cards.insert("wang_xiaoming")
    qtbot.waitUntil(lambda: wizard.flow.problems() == [], timeout=10000)
    next_step(qtbot, wizard, StepId.MATERIALS)
    tick(wizard, "material:id_original", "material:acceptance_receipt")
    next_step(qtbot, wizard, StepId.ISSUE)
    assert receipt_no in wizard.summary.text() and NUMBER not in wizard.summary.text()
    press_enter(qtbot, wizard)
    wait_until_finished(qtbot, wizard)

    confirmation = print_previewed(qtbot, wizard, cups_queue)
    assert "领卡" in confirmation and receipt_no in confirmation and "王小明" in confirmation
    assert NUMBER not in confirmation
    with counter.db.transaction() as session:
        application = session.get(Application, application_id)
        assert application is not None and application.state is State.ISSUED
        statuses = dict(session.execute(select(Card.card_number, Card.status)).all())
    assert statuses == {OLD_CARD: CardStatus.CANCELLED, "A12345674": CardStatus.ACTIVE}
