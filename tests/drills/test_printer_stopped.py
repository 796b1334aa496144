"""Drill: the printer queue stopped while a business's documents are printing (a real cupsd).

The voucher comes out; the queue is stopped (cupsdisable) before the receipt is sent. The clerk
is told, the receipt stays kept and is not counted as printed, CUPS holds nothing that would
come out later unattended, and once the queue runs again a retry prints it exactly once.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from counter_app.api.local import LocalCounterApi
from counter_app.domain.rules import LocalityRules
from counter_app.printing.dispatch import PrinterDisabled
from counter_app.printing.kinds import DocumentKind
from counter_app.services import documents
from counter_app.store.database import Database
from counter_app.ui.printer_messages import describe_print_failure
from counter_app.workflows.runner import FlowRunner
from tests import cups_env
from tests.cups_env import PrivateCups
from tests.drills.counter_flow import add_clerk, sign_in, up_to_submission
from tests.printing.poppler import text

cups = cups_env.cups
cups_queue = cups_env.cups_queue
pytestmark = [pytest.mark.drill, pytest.mark.cups]


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = Database(sqlite_url)
    database.upgrade()
    add_clerk(database)
    yield database
    database.dispose()


def print_counts(db: Database, application_id: int) -> dict[DocumentKind, int]:
    return {
        document.kind: document.print_count
        for document in documents.history(db, application_id=application_id)
        if document.kind is not DocumentKind.APPLICATION_FORM
    }


def test_a_queue_stopped_mid_business_loses_no_document_and_prints_none_twice(
    cups_queue: PrivateCups, db: Database, rules: LocalityRules
) -> None:
    runner = FlowRunner(LocalCounterApi(db, sign_in(db), rules))
    flow = up_to_submission(runner)
    runner.complete(flow)
    voucher, receipt = runner.documents_of(flow)
    assert (voucher.kind, receipt.kind) == (
        DocumentKind.PAYMENT_VOUCHER,
        DocumentKind.ACCEPTANCE_RECEIPT,
    )
    application_id = flow.application_id or 0
    printer = cups_queue.printer
    earlier = set(cups_queue.output_dir.glob("*.pdf"))
    documents.print_document(db, runner.api.actor, voucher.document_id, printer)
    cups_queue.wait_for_pdf()

    cups_queue.disable("paper jam")
    with pytest.raises(PrinterDisabled) as caught:
        documents.print_document(db, runner.api.actor, receipt.document_id, printer)
    assert describe_print_failure(caught.value) == (
        f"The printer {printer} is paused or out of paper. Fix it, then press Print again. "
        "The document is kept and can be printed again at any time."
    )
    assert print_counts(db, application_id) == {
        DocumentKind.PAYMENT_VOUCHER: 1,
        DocumentKind.ACCEPTANCE_RECEIPT: 0,
    }
    assert cups_queue.jobs() == []  # nothing held to come out once the queue runs again

    cups_queue.enable()
    assert documents.print_document(db, runner.api.actor, receipt.document_id, printer) == 1
    printed = text(cups_queue.wait_for_pdf().read_bytes())
    assert flow.receipt_no and flow.receipt_no in printed and "重打" not in printed
    assert print_counts(db, application_id) == {
        DocumentKind.PAYMENT_VOUCHER: 1,
        DocumentKind.ACCEPTANCE_RECEIPT: 1,
    }
    assert len(set(cups_queue.output_dir.glob("*.pdf")) - earlier) == 2  # voucher, receipt
