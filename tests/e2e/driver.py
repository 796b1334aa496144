"""Driving the business pages as a clerk does: choosing, typing, ticking, Enter, printing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from counter_app.ui.wizard.business_wizard import BusinessWizard
from tests.cups_env import PrivateCups
from tests.printing.poppler import text


def widget(wizard: BusinessWizard, name: str):  # type: ignore[no-untyped-def]
    assert wizard.form is not None
    return wizard.form.inputs[name]


def choose(wizard: BusinessWizard, name: str, value: str) -> None:
    box = widget(wizard, name)
    assert isinstance(box, QComboBox)
    index = box.findData(value)
    assert index >= 0, f"{value} is not offered for {name}"
    box.setCurrentIndex(index)


def type_into(qtbot: QtBot, wizard: BusinessWizard, name: str, text: str) -> None:
    """Typed over whatever the field held: keys for ASCII, an input method's commit for the
    rest (Chinese names), as a clerk's keyboard delivers them."""
    line = widget(wizard, name)
    assert isinstance(line, QLineEdit)
    line.setFocus()
    line.selectAll()
    if text.isascii():
        qtbot.keyClicks(line, text)
        return
    composed = QInputMethodEvent()
    composed.setCommitString(text)
    QApplication.sendEvent(line, composed)


def tick(wizard: BusinessWizard, *names: str) -> None:
    for name in names:
        check = widget(wizard, name)
        assert isinstance(check, QCheckBox)
        check.setChecked(True)


def problem(wizard: BusinessWizard, name: str) -> str:
    assert wizard.form is not None
    label = wizard.form.messages[name]
    assert isinstance(label, QLabel)
    return label.text() if label.isVisibleTo(wizard) else ""


def press_enter(qtbot: QtBot, wizard: BusinessWizard) -> None:
    focus = wizard.focusWidget() or wizard
    qtbot.keyClick(focus, Qt.Key.Key_Return)


def next_step(qtbot: QtBot, wizard: BusinessWizard, expected: str) -> None:
    """Enter, then wait for the page of `expected` (a step id) to be shown."""
    press_enter(qtbot, wizard)

    def arrived() -> None:
        assert not wizard.busy and wizard.flow is not None
        assert wizard.flow.current.id == expected, (
            wizard.message.text(),
            QApplication.focusWidget(),
            QApplication.activeWindow(),
            wizard.focusWidget(),
        )

    qtbot.waitUntil(arrived, timeout=15000)


def wait_until_finished(qtbot: QtBot, wizard: BusinessWizard) -> None:
    """The business is done and the page has taken the answer: the flow is changed on a
    worker thread, and `finished` turns true there a moment before the page hears of it."""
    qtbot.waitUntil(
        lambda: wizard.flow is not None and wizard.flow.finished and not wizard.busy,
        timeout=15000,
    )


def print_previewed(qtbot: QtBot, wizard: BusinessWizard, queue: PrivateCups) -> str:
    """Print the document the preview shows; the text of the PDF the printer produced."""
    qtbot.waitUntil(
        lambda: wizard.preview is not None and wizard.preview.isVisible(), timeout=15000
    )
    preview = wizard.preview
    assert preview is not None
    qtbot.waitUntil(lambda: len(preview.pages) > 0, timeout=15000)
    preview.print_button.click()
    pdf: Path = queue.wait_for_pdf()
    # Closed, and what the print set off (the draft saved, the next preview) under way or done.
    qtbot.waitUntil(lambda: not preview.isVisible() and not wizard.busy, timeout=15000)
    return text(pdf.read_bytes())
