"""The daily report from the supervisor's menu on a real database: the day's figures shown, saved
as CSV and PDF, printed after a preview; another day forgets what was shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from counter_app.domain.application import Action, Business
from counter_app.domain.rules import LocalityRules
from counter_app.services import applications
from counter_app.services.actor import Actor
from counter_app.ui.background import Background
from counter_app.ui.report_dialog import ReportDialog
from tests.printing import poppler
from tests.ui import test_queue_page
from tests.ui.conftest import context
from tests.ui.test_application_view import PrintedPdfs, rows
from tests.ui.test_queue_page import Outlet
from tests.ui.test_translations import untranslated, visible_texts

pytestmark = pytest.mark.gui

# The fixtures, under the names the tests ask for.
background = test_queue_page.background
outlet = test_queue_page.outlet


def todays_work(outlet: Outlet) -> None:
    """王芳: two replacements, one approved; 刘强: one reissue, rejected."""
    approved = outlet.submit(outlet.wang)
    outlet.submit(outlet.wang)
    rejected = outlet.submit(outlet.liu, business=Business.REISSUE)
    applications.transition(outlet.db, outlet.zhao, approved.id, Action.APPROVE, approved.version)
    applications.transition(
        outlet.db, outlet.zhao, rejected.id, Action.REJECT, rejected.version, "材料不全"
    )


def open_report(
    qtbot: QtBot,
    outlet: Outlet,
    background: Background,
    rules: LocalityRules,
    actor: Actor,
    send: PrintedPdfs | None = None,
) -> ReportDialog:
    dialog = ReportDialog(
        context(
            outlet.db,
            actor,
            rules,
            background,
            printer=lambda: "office",
            send=send or PrintedPdfs(),
        )
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def show_today(qtbot: QtBot, dialog: ReportDialog) -> None:
    dialog.show_button.click()
    qtbot.waitUntil(lambda: not dialog.busy)


def test_the_days_figures_are_shown_and_saved_as_csv_and_pdf(
    qtbot: QtBot, outlet: Outlet, background: Background, rules: LocalityRules, tmp_path: Path
) -> None:
    todays_work(outlet)
    dialog = open_report(qtbot, outlet, background, rules, outlet.zhao)
    assert dialog.chosen_day == date.today()
    assert not dialog.pdf_button.isEnabled()  # nothing to save before it is read
    show_today(qtbot, dialog)
    assert rows(dialog.table) == [
        ("Replacement", "0101 王芳", "2", "1", "0", "0", "¥0.00"),
        ("Reissue after loss", "0102 刘强", "1", "0", "1", "0", "¥0.00"),
        ("Total", "", "3", "1", "1", "0", "¥0.00"),
    ]

    dialog.save_as(tmp_path / "day.csv")
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.message.text() == f"Saved to {tmp_path / 'day.csv'}."
    lines = (tmp_path / "day.csv").read_text().splitlines()
    today = date.today().isoformat()
    assert lines[0].startswith("date,outlet,business,clerk_no")
    assert lines[-1] == f"{today},320100001,total,,,3,1,1,0,0.00"

    dialog.save_as(tmp_path / "day.pdf")
    qtbot.waitUntil(lambda: not dialog.busy)
    printed = poppler.text((tmp_path / "day.pdf").read_bytes())
    assert "网点业务日报" in printed and today in printed

    dialog.save_as(tmp_path / "no such folder" / "day.csv")
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.message.text().startswith("The file cannot be written (")


def test_the_report_prints_after_a_preview_and_another_day_forgets_it(
    qtbot: QtBot, outlet: Outlet, background: Background, rules: LocalityRules
) -> None:
    todays_work(outlet)
    printed = PrintedPdfs()
    dialog = open_report(qtbot, outlet, background, rules, outlet.zhao, printed)
    show_today(qtbot, dialog)
    dialog.print_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.pages != [])
    preview = dialog.preview
    assert preview is not None
    assert preview.windowTitle() == f"Daily report {date.today().isoformat()}"
    assert printed.jobs == []
    with qtbot.waitSignal(preview.printed):
        preview.print_button.click()
    ((pdf, printer, title),) = printed.jobs
    assert printer == "office" and title.startswith("counter_app daily report ")
    assert "网点业务日报" in poppler.text(pdf)

    dialog.day.setDate(QDate.currentDate().addDays(-1))
    assert dialog.report is None and dialog.table.rowCount() == 0
    assert not dialog.print_button.isEnabled()
    show_today(qtbot, dialog)
    assert rows(dialog.table) == [("Total", "", "0", "0", "0", "0", "¥0.00")]
    assert dialog.message.text() == "No business on this day."


def test_a_clerk_is_told_the_report_is_not_for_their_role(
    qtbot: QtBot, outlet: Outlet, background: Background, rules: LocalityRules
) -> None:
    dialog = open_report(qtbot, outlet, background, rules, outlet.wang)
    show_today(qtbot, dialog)
    assert dialog.message.text() == "Your role does not allow this."
    assert dialog.report is None and not dialog.csv_button.isEnabled()


def test_the_report_speaks_chinese(
    qtbot: QtBot,
    outlet: Outlet,
    background: Background,
    rules: LocalityRules,
    language,  # type: ignore[no-untyped-def]
) -> None:
    todays_work(outlet)
    dialog = open_report(qtbot, outlet, background, rules, outlet.zhao)
    show_today(qtbot, dialog)
    texts = visible_texts(dialog) + [" ".join(row) for row in rows(dialog.table)]
    assert untranslated(texts) == []
    assert dialog.windowTitle() == "网点业务日报"
