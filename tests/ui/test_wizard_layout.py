"""Every page of every business at 1366×768, in Chinese: nothing scrolls sideways, every button
has a mnemonic, every field a label that reaches it by Alt+key, and the cursor starts in the
first field."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel
from pytestqt.qtbot import QtBot

from counter_app.domain.application import Business
from counter_app.ui.session import CounterSession
from counter_app.workflows.fields import Kind
from counter_app.workflows.names import StepId
from tests.ui.conftest import PASSWORD, sign_in

pytestmark = pytest.mark.gui
FEE_REASON = {
    Business.REPLACEMENT: "damaged",
    Business.CORRECTION: "name",
}


def test_every_page_fits_and_is_keyboard_ready(qtbot: QtBot, session: CounterSession) -> None:
    sign_in(qtbot, session, "0101", PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None, timeout=5000)
    window = session.window
    assert window is not None
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    wizard = window.wizard
    for business in Business:
        window.choose_business(business)
        flow = wizard.flow
        assert flow is not None
        # The answers that show the most pages: a reason with a fee, an agent.
        for step_id, name, value in (
            (StepId.REASON, "reason", FEE_REASON.get(business, "")),
            (StepId.HOLDER, "representative", "agent"),
            (StepId.COLLECTOR, "collector", "agent"),
        ):
            if step_id in flow.values:
                flow.values[step_id][name] = value
        for index, step in enumerate(flow.steps):
            if not step.applies(flow):
                continue
            flow.position = index
            wizard.render()
            wizard.focus_first()
            qtbot.wait(1)
            where = f"{business.value}/{step.id}"
            assert not wizard.scroll.horizontalScrollBar().isVisible(), where
            buttons = [b for b in wizard.findChildren(QAbstractButton) if b.isVisibleTo(wizard)]
            for button in buttons:
                if not isinstance(button, QCheckBox) or button.text():
                    assert "&" in button.text(), (where, button.text())
            form = wizard.form
            assert form is not None
            for field in form.fields:
                widget = form.inputs[field.name]
                if field.kind in {Kind.SHOWN, Kind.FLAG}:
                    continue
                labels = [label for label in form.findChildren(QLabel) if label.buddy() is widget]
                assert labels and "&" in labels[0].text(), (where, field.name)
            first = form.first_input()
            if first is not None:
                assert first.hasFocus(), where
        wizard.flow = None


def test_the_page_follows_a_change_of_language(qtbot: QtBot, session: CounterSession) -> None:
    sign_in(qtbot, session, "0101", PASSWORD)
    qtbot.waitUntil(lambda: session.window is not None, timeout=5000)
    window = session.window
    assert window is not None
    window.choose_business(Business.REPLACEMENT)
    wizard = window.wizard
    assert "换卡" in wizard.title.text() and "下一步" in wizard.next_button.text()
    session.switch_language("en")
    qtbot.waitUntil(lambda: "Replacement" in wizard.title.text(), timeout=5000)
    assert wizard.next_button.text() == "&Next (Enter) →"
    reasons = wizard.form.inputs["reason"]  # type: ignore[union-attr]
    assert reasons.itemText(0) == "Expired"  # type: ignore[attr-defined]
