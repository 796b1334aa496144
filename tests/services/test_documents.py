"""Kept documents: built again from their data for each print, reprints marked and audited,
and a printer failure counts nothing."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from counter_app.domain.application import Action, Business, Reason
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.printing.dispatch import PrinterDisabled
from counter_app.printing.kinds import DocumentKind
from counter_app.printing.registry import DATA_TYPES
from counter_app.printing.samples import all_samples
from counter_app.printing.serialize import from_json, to_json
from counter_app.services import applications, documents, people, queue
from counter_app.services.actor import Actor
from counter_app.store.database import Database
from counter_app.store.models import AuditEvent
from tests.printing.poppler import text

OUTLET = "320100001"


@pytest.mark.parametrize("sample", all_samples(), ids=lambda s: s.name)
def test_document_data_survives_json(sample) -> None:  # type: ignore[no-untyped-def]
    stored = json.loads(json.dumps(to_json(sample.data)))
    assert from_json(DATA_TYPES[sample.kind], stored) == sample.data


@pytest.fixture
def receipt(db: Database, clerk: Actor, supervisor: Actor, rules) -> int:  # type: ignore[no-untyped-def]
    person = people.add_person(
        db,
        clerk,
        Holder(
            document_type=DocumentType.RESIDENT_ID,
            document_number="11010519491231002X",
            name="测试人",
            sex=Sex.FEMALE,
        ),
    )
    draft = applications.create_draft(
        db, clerk, Business.REPLACEMENT, Reason.DAMAGED, person, OUTLET
    )
    submitted = applications.transition(db, clerk, draft.id, Action.SUBMIT, draft.version)
    applications.transition(db, supervisor, submitted.id, Action.APPROVE, submitted.version)
    return documents.keep_acceptance_receipt(db, clerk, submitted.id, rules)


def test_first_print_is_the_original_then_reprints_count(
    db: Database, clerk: Actor, receipt: int
) -> None:
    sent: list[tuple[str | None, str]] = []

    def printer(pdf: bytes, name: str | None, title: str) -> str:
        sent.append((name, text(pdf)))
        return f"{name}-{len(sent)}"

    assert documents.print_document(db, clerk, receipt, "Counter", printer) == 1
    assert documents.print_document(db, clerk, receipt, "Counter", printer) == 2
    first, second = sent[0][1], sent[1][1]
    assert "重打" not in first and "测试人" in first and "110105********002X" in first
    assert "重打 第 1 次" in second
    assert "赵敏" in first  # approved: the supervisor is named
    assert "11010519491231002X" not in first + second
    with db.transaction() as session:
        actions = list(session.execute(select(AuditEvent.action)).scalars())
    assert actions.count("document_printed") == 1 and actions.count("document_reprinted") == 1


def test_a_printer_failure_keeps_the_document_and_counts_nothing(
    db: Database, clerk: Actor, receipt: int
) -> None:
    def stopped(pdf: bytes, name: str | None, title: str) -> str:
        raise PrinterDisabled(name or "", "paused")

    with pytest.raises(PrinterDisabled):
        documents.print_document(db, clerk, receipt, "Counter", stopped)
    (kept,) = documents.history(db, receipt_no=documents.history(db)[0].receipt_no)
    assert kept.kind is DocumentKind.ACCEPTANCE_RECEIPT and kept.print_count == 0
    assert documents.find_receipt(db, kept.receipt_no or "") == receipt
    _pdf, reprint = documents.next_print(db, receipt)
    assert reprint == 0  # the retry is still the original


def test_two_counters_printing_at_once_print_different_reprint_numbers(
    db: Database, clerk: Actor, receipt: int
) -> None:
    documents.record_print(db, clerk, receipt, "job 1")  # the original went out earlier
    sent: list[str] = []
    both_started = threading.Barrier(2)

    def slow_printer(pdf: bytes, name: str | None, title: str) -> str:
        sent.append(title)
        time.sleep(0.3)  # a printer queue taking its time, while the other counter prints
        return f"job {len(sent)}"

    def print_at_a_counter() -> int:
        both_started.wait()
        return documents.print_document(db, clerk, receipt, "Counter", slow_printer)

    with ThreadPoolExecutor(2) as counters:
        counts = sorted(counters.map(lambda _: print_at_a_counter(), range(2)))
    assert counts == [2, 3]
    assert sorted(sent) == [f"counter_app document {receipt} reprint {n}" for n in (1, 2)]


def test_a_slow_printer_holds_up_no_other_work(
    db: Database, clerk: Actor, supervisor: Actor, receipt: int
) -> None:
    taking_the_job, done = threading.Event(), threading.Event()

    def slow_printer(pdf: bytes, name: str | None, title: str) -> str:
        taking_the_job.set()
        assert done.wait(30)
        return "job 1"

    with ThreadPoolExecutor(1) as counter:
        printing = counter.submit(
            documents.print_document, db, clerk, receipt, "Counter", slow_printer
        )
        assert taking_the_job.wait(30)
        try:
            # While CUPS takes its time, the window still reads and writes.
            assert queue.decidable_count(db, supervisor, OUTLET) == 0
            people.add_person(
                db,
                clerk,
                Holder(
                    document_type=DocumentType.RESIDENT_ID,
                    document_number="440524188001010014",
                    name="另一人",
                    sex=Sex.MALE,
                ),
            )
        finally:
            done.set()
        assert printing.result() == 1
