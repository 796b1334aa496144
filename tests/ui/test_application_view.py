"""One application in full, on a real database: what the clerk entered (numbers masked), the
materials ticked, the fee, the kept documents previewed as printed and printed again; who may
decide it; the sentences for refusals."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counter_app.domain.application import Action, Business, Reason, State
from counter_app.domain.details import ApplicationDetails, CardCheck, FeeChoice
from counter_app.domain.person import DocumentType, Representative, RepresentativeRole
from counter_app.domain.rules import LocalityRules
from counter_app.services import applications, documents, drafts
from counter_app.services.actor import Actor
from counter_app.services.applications import ApplicationSummary
from counter_app.services.errors import AlreadyDecided, MissingReason, StaleApplication
from counter_app.store.changes import Change
from counter_app.store.models import AuditEvent
from counter_app.ui.application_view import DOCUMENTS_TAB, ApplicationView
from counter_app.ui.background import Background
from counter_app.ui.messages import describe_error
from tests.ui import test_queue_page
from tests.ui.conftest import context
from tests.ui.test_queue_page import ID_NUMBER, OUTLET, Outlet

pytestmark = pytest.mark.gui

# The fixtures, under the names the tests ask for.
background = test_queue_page.background
outlet = test_queue_page.outlet

AGENT_ID = "320102198001020011"
OLD_CARD = "A12345674"
DETAILS = ApplicationDetails(
    representative=Representative(
        RepresentativeRole.AGENT, "李四", DocumentType.RESIDENT_ID, AGENT_ID, "儿子"
    ),
    card_check=CardCheck(
        OLD_CARD, differences=("name",), override_by="0201", override_reason="卡面姓名为曾用名"
    ),
    fee=FeeChoice(Decimal("0.00"), "subsistence_allowance"),
)


def taken(outlet: Outlet, rules: LocalityRules) -> ApplicationSummary:
    """A submitted replacement by 王芳 with an agent, an overridden card, materials, a waived
    fee paid with a voucher, and its acceptance receipt kept and printed once."""
    wang = outlet.wang
    draft = applications.create_draft(
        outlet.db,
        wang,
        Business.REPLACEMENT,
        Reason.DAMAGED,
        outlet.person_id,
        OUTLET,
        details=DETAILS,
    )
    saved = drafts.save(
        outlet.db,
        wang,
        draft.id,
        draft.version,
        DETAILS,
        materials={"id_original": True, "old_card": True, "power_of_attorney": False},
        fee=drafts.FeeTaken(Decimal("0.00"), "subsistence_allowance"),
    )
    done = applications.transition(outlet.db, wang, draft.id, Action.SUBMIT, saved)
    drafts.record_payment(outlet.db, wang, done.id, "V0001")
    receipt = documents.keep_acceptance_receipt(outlet.db, wang, done.id, rules)
    documents.record_print(outlet.db, wang, receipt, "job 1")
    return done


class PrintedPdfs:
    def __init__(self) -> None:
        self.jobs: list[tuple[bytes, str | None, str]] = []

    def __call__(self, pdf: bytes, printer: str | None, title: str) -> str:
        self.jobs.append((pdf, printer, title))
        return f"job {len(self.jobs)}"


def open_view(
    qtbot: QtBot,
    outlet: Outlet,
    background: Background,
    rules: LocalityRules,
    actor: Actor,
    application_id: int,
    send: PrintedPdfs | None = None,
) -> ApplicationView:
    view = ApplicationView(
        context(
            outlet.db,
            actor,
            rules,
            background,
            printer=lambda: "counter-pdf",
            send=send or PrintedPdfs(),
        )
    )
    qtbot.addWidget(view)
    view.resize(1000, 640)
    view.show()
    qtbot.waitExposed(view)
    view.show_application(application_id)
    qtbot.waitUntil(lambda: view.detail is not None and not view.busy)
    return view


def rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [
        tuple(table.item(row, col).text() for col in range(table.columnCount()))
        for row in range(table.rowCount())
    ]


def test_the_view_shows_what_the_clerk_entered_with_every_number_masked(
    qtbot: QtBot, outlet: Outlet, background: Background, rules: LocalityRules
) -> None:
    made = taken(outlet, rules)
    view = open_view(qtbot, outlet, background, rules, outlet.zhao, made.id)

    assert view.heading.text() == f"Application {made.id} · Replacement · Damaged"
    assert view.state.text() == "Submitted"
    assert "#1565c0" in view.state.styleSheet()  # the submitted state's one colour
    assert view.summary.text().startswith(
        f"Receipt {made.receipt_no} · clerk 0101 王芳 · submitted "
    )
    assert view.flags.text() == "Flags: Card data overridden; Fee waived; Agent or guardian"
    entered = dict(rows(view.entered))
    assert entered["Holder"] == "张伟"
    assert entered["Document number"] == "110105********002X"  # a supervisor sees it masked too
    assert entered["Agent"] == "李四"
    assert entered["Agent's document number"] == "320102********0011"
    assert entered["Relationship to the holder"] == "儿子"
    assert entered["Card differs in"] == "name"
    assert entered["Accepted by supervisor"] == "0201"
    assert entered["Reason for accepting"] == "卡面姓名为曾用名"
    assert entered["Fee"] == "¥0.00"
    assert entered["Waiver"] == "Subsistence allowance recipient"
    assert entered["Payment voucher"].startswith("V0001, paid ")
    assert rows(view.materials) == [
        ("Original resident ID card", "Seen ✓"),
        ("The old social security card", "Seen ✓"),
        ("Power of attorney (when an agent applies)", "Not provided ✗"),
    ]
    assert rows(view.documents)[0][:3] == ("Acceptance receipt", made.receipt_no, "1")
    everything = "\n".join(
        [
            view.summary.text(),
            *(" ".join(r) for t in (view.entered, view.documents) for r in rows(t)),
        ]
    )
    assert [n for n in (ID_NUMBER, AGENT_ID, OLD_CARD) if n in everything] == []
    assert view.approve_button.isEnabled() and view.reject_button.isEnabled()
    assert view.focusWidget() is view.approve_button


def test_a_supervisor_shows_the_numbers_for_a_moment_and_a_clerk_cannot(
    qtbot: QtBot, outlet: Outlet, background: Background, rules: LocalityRules
) -> None:
    made = taken(outlet, rules)
    view = open_view(qtbot, outlet, background, rules, outlet.zhao, made.id)
    assert view.reveal_button.isVisible() and view.reveal_button.isEnabled()
    view.reveal_button.click()
    assert not view.reveal_button.isEnabled()
    view.reveal_numbers()  # pressed again while the first request runs: no second request
    qtbot.waitUntil(lambda: view.revealed is not None)
    entered = dict(rows(view.entered))
    assert entered["Document number"] == ID_NUMBER
    assert entered["Agent's document number"] == AGENT_ID
    assert not view.reveal_button.isEnabled()  # already shown
    assert view.mask_again.isActive()  # masked again by itself after REVEAL_MS
    view.mask_numbers()  # what the timer calls
    entered = dict(rows(view.entered))
    assert entered["Document number"] == "110105********002X"
    assert entered["Agent's document number"] == "320102********0011"
    with outlet.db.transaction() as session:
        revealing = select(AuditEvent.actor).where(AuditEvent.action == "numbers_revealed")
        assert list(session.scalars(revealing)) == ["0201"]

    # An answer that arrives after the screen moved on is not shown.
    view.reveal_button.click()
    view.show_application(made.id)
    qtbot.waitUntil(lambda: view.detail is not None and not view.busy)
    assert view.revealed is None and dict(rows(view.entered))["Document number"] != ID_NUMBER
    with outlet.db.transaction() as session:
        assert len(list(session.scalars(revealing))) == 2  # asked twice, audited twice

    own = open_view(qtbot, outlet, background, rules, outlet.wang, made.id)
    assert not own.reveal_button.isVisible()
    own.reveal_numbers()  # even called directly, nothing is asked of the service
    assert own.revealed is None and not own.busy


def test_a_document_is_previewed_as_printed_and_printed_again_from_the_preview(
    qtbot: QtBot, outlet: Outlet, background: Background, rules: LocalityRules
) -> None:
    made = taken(outlet, rules)
    printed = PrintedPdfs()
    view = open_view(qtbot, outlet, background, rules, outlet.zhao, made.id, printed)
    view.tabs.setCurrentIndex(DOCUMENTS_TAB)
    view.preview_button.click()
    qtbot.waitUntil(lambda: view.preview is not None and view.preview.pages != [])
    preview = view.preview
    assert preview is not None and preview.windowTitle() == "Acceptance receipt"
    assert printed.jobs == []  # looking prints nothing

    with qtbot.waitSignal(preview.printed):
        preview.print_button.click()
    (job,) = printed.jobs
    assert job[1] == "counter-pdf" and job[0].startswith(b"%PDF")
    qtbot.waitUntil(lambda: not view.busy and rows(view.documents)[0][2] == "2")
    (kept,) = documents.history(outlet.db, application_id=made.id)
    assert kept.print_count == 2


def test_the_clerk_sees_their_own_application_but_cannot_decide_it(
    qtbot: QtBot, outlet: Outlet, background: Background, rules: LocalityRules
) -> None:
    made = taken(outlet, rules)
    view = open_view(qtbot, outlet, background, rules, outlet.wang, made.id)
    assert not view.approve_button.isEnabled() and not view.reject_button.isEnabled()
    assert "You took this application yourself: another supervisor decides it." in (
        view.summary.text()
    )
    view.approve()
    assert not view.busy and outlet.state(made.id) is State.SUBMITTED  # nothing was asked
    own = open_view(qtbot, outlet, background, rules, outlet.zhao, outlet.submit(outlet.zhao).id)
    assert not own.approve_button.isEnabled()  # a supervisor's own work waits for another


def test_news_of_another_decision_reloads_the_view_and_says_so(
    qtbot: QtBot, outlet: Outlet, background: Background, rules: LocalityRules
) -> None:
    made = taken(outlet, rules)
    view = open_view(qtbot, outlet, background, rules, outlet.zhao, made.id)
    stale = Change(made.id, State.SUBMITTED.value, made.version, OUTLET, outlet.wang.staff_id or 0)
    view.follow_change(stale)
    assert not view.busy and view.message.text() == ""  # what is shown already
    approved = applications.transition(outlet.db, outlet.sun, made.id, Action.APPROVE, made.version)
    view.follow_change(
        Change(made.id, State.APPROVED.value, approved.version, OUTLET, outlet.wang.staff_id or 0)
    )
    assert view.message.text() == "This application changed meanwhile: it is now Approved."
    qtbot.waitUntil(lambda: not view.busy)
    assert view.state.text() == "Approved" and not view.approve_button.isEnabled()
    assert "Decided by 0202 孙丽 at " in view.summary.text()


def test_refusals_read_as_plain_sentences(qapp) -> None:  # type: ignore[no-untyped-def]
    at = datetime(2026, 11, 21, 6, 5, 3, tzinfo=UTC)
    decided = describe_error(AlreadyDecided(7, "rejected", "0202", "孙丽", at))
    assert decided == (
        f"Already decided: Rejected by 孙丽 (0202) at {at.astimezone():%Y-%m-%d %H:%M:%S}. "
        "That decision stands; the list has been refreshed."
    )
    assert describe_error(StaleApplication(7)).startswith("Someone else changed this application")
    assert describe_error(MissingReason()) == "Write the reason: the clerk reads it."
