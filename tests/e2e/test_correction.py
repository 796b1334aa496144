"""Correction of a first-generation number: the 18-character number is computed and shown,
never typed; the change certificate is required; the form shows old and new side by side."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counter_app.store.models import Application
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

pytestmark = [pytest.mark.e2e, pytest.mark.cups, pytest.mark.gui]

OLD = "340524800101001"
NEW = "34052419800101001X"


def test_a_fifteen_digit_number_is_upgraded_and_the_form_shows_both(
    qtbot: QtBot, counter: CounterSession, cups_queue: PrivateCups
) -> None:
    window = signed_in_window(qtbot, counter)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    wizard = window.wizard
    choose(wizard, "reason", "id_number")
    next_step(qtbot, wizard, StepId.HOLDER)
    type_into(qtbot, wizard, "document_number", OLD)
    type_into(qtbot, wizard, "name", "Zhang San")  # the field takes any script; checked below
    type_into(qtbot, wizard, "birth_date", "1980-01-01")
    choose(wizard, "sex", "1")
    next_step(qtbot, wizard, StepId.CORRECTION)

    shown = wizard.form.inputs["new_value"]  # type: ignore[union-attr]
    assert shown.text() == NEW  # computed, on a label: there is nothing to type
    press_enter(qtbot, wizard)
    qtbot.waitUntil(lambda: problem(wizard, "certificate_no") == "必填。", timeout=5000)
    assert wizard.flow.current.id == StepId.CORRECTION
    type_into(qtbot, wizard, "certificate_no", "2026-0012")
    type_into(qtbot, wizard, "certificate_office", "XW PSB")
    next_step(qtbot, wizard, StepId.MATERIALS)
    tick(wizard, "material:id_original", "material:change_certificate")
    next_step(qtbot, wizard, StepId.FORM)  # no fee for a correction in these rules
    wizard.actions.print_form_button.click()
    form = print_previewed(qtbot, wizard, cups_queue)
    headers = form.index("新信息")
    old_at, new_at = form.index(OLD + "\n", headers), form.index(NEW, headers)
    assert form.index("原信息") < headers < old_at < new_at  # side by side
    assert "2026-0012" in form
    tick(wizard, "signed")
    next_step(qtbot, wizard, StepId.SUBMIT)
    press_enter(qtbot, wizard)
    wait_until_finished(qtbot, wizard)
    receipt = print_previewed(qtbot, wizard, cups_queue)
    assert wizard.flow.receipt_no in receipt
    with counter.db.transaction() as session:
        application = session.get(Application, wizard.flow.application_id)
        assert application is not None
        correction = application.details["correction"]
    assert correction["items"] == [{"field": "id_number", "old": OLD, "new": NEW}]
    assert correction["certificate_no"] == "2026-0012"
