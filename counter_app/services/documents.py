"""Documents kept with what they belong to, printed and reprinted, every print audited."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.application import APPROVED_OR_LATER, Business
from counter_app.domain.person import DocumentType
from counter_app.domain.roles import Permission
from counter_app.domain.rules import LocalityRules
from counter_app.printing.data import AcceptanceReceiptData, FeeLine, StaffMember
from counter_app.printing.dispatch import print_pdf
from counter_app.printing.kinds import DocumentKind
from counter_app.printing.registry import DATA_TYPES, build
from counter_app.printing.serialize import from_json, to_json
from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.services.errors import NotFound
from counter_app.store.database import Database
from counter_app.store.models import Application, Card, Fee, KeptDocument, Person, Staff

SendToPrinter = Callable[[bytes, str | None, str], str]  # pdf, printer, title → job id


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    kind: DocumentKind
    receipt_no: str | None
    print_count: int
    created_at: datetime
    last_printed_at: datetime | None


def keep(
    db: Database,
    actor: Actor,
    kind: DocumentKind,
    data: object,
    application_id: int | None = None,
    loss_report_id: int | None = None,
) -> int:
    """Keep a document's data; it is built from it for every print, the first and the reprints."""
    actor.require(Permission.TAKE_APPLICATIONS)
    if not isinstance(data, DATA_TYPES[kind]):
        raise TypeError(f"{kind} is not built from {type(data).__name__}")
    with db.transaction() as session:
        return _keep(session, actor, kind, data, application_id, loss_report_id)


def _keep(
    session: Session,
    actor: Actor,
    kind: DocumentKind,
    data: object,
    application_id: int | None,
    loss_report_id: int | None,
) -> int:
    row = KeptDocument(
        kind=kind.value,
        application_id=application_id,
        loss_report_id=loss_report_id,
        receipt_no=getattr(data, "receipt_no", None),
        data=to_json(data),
        created_by_id=actor.staff_id,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, "document_kept", "document", row.id, detail=kind.value)
    return row.id


def next_print(db: Database, document_id: int) -> tuple[bytes, int]:
    """The PDF the next print sends and its reprint number (0 for the first print)."""
    with db.transaction() as session:
        row = _load(session, document_id)
        kind = DocumentKind(row.kind)
        data = from_json(DATA_TYPES[kind], row.data)
        return build(kind, data, reprint=row.print_count), row.print_count


_SQLITE_PRINTS = threading.Lock()


def record_print(db: Database, actor: Actor, document_id: int, job: str) -> int:
    """Count a print that the printer (or a file) took; returns how often it has been printed."""
    actor.require(Permission.PRINT_DOCUMENTS)
    with db.transaction() as session:
        return _count_print(session, actor, _load(session, document_id, lock=True), job)


def print_document(
    db: Database,
    actor: Actor,
    document_id: int,
    printer: str | None,
    send: SendToPrinter = print_pdf,
) -> int:
    """Build, send and count one print, so that two counters printing one document at once
    print reprints 1 and 2, never two of one. A printer error propagates and counts nothing: the
    document stays kept, and the same call can be tried again."""
    actor.require(Permission.PRINT_DOCUMENTS)
    if db.is_sqlite:
        # One workstation: its prints wait for each other here. Holding the file's write lock
        # while CUPS takes the job would stop every other transaction for as long.
        with _SQLITE_PRINTS:
            pdf, reprint = next_print(db, document_id)
            job = send(pdf, printer, _print_title(document_id, reprint))
            return record_print(db, actor, document_id, job)
    # An outlet's server: the document's row alone stays locked from its number to its count.
    with db.transaction() as session:
        row = _load(session, document_id, lock=True)
        kind, reprint = DocumentKind(row.kind), row.print_count
        pdf = build(kind, from_json(DATA_TYPES[kind], row.data), reprint=reprint)
        job = send(pdf, printer, _print_title(document_id, reprint))
        return _count_print(session, actor, row, job)


def _print_title(document_id: int, reprint: int) -> str:
    """The print job's name in the printer's queue."""
    return f"counter_app document {document_id}" + (f" reprint {reprint}" if reprint else "")


def _count_print(session: Session, actor: Actor, row: KeptDocument, job: str) -> int:
    row.print_count += 1
    row.last_printed_at = datetime.now(UTC)
    action = "document_printed" if row.print_count == 1 else "document_reprinted"
    audit.record(
        session, actor, action, "document", row.id, detail=f"print {row.print_count}, job {job}"
    )
    return row.print_count


def history(
    db: Database, application_id: int | None = None, receipt_no: str | None = None
) -> list[DocumentSummary]:
    with db.transaction() as session:
        query = select(KeptDocument).order_by(KeptDocument.id)
        if application_id is not None:
            query = query.where(KeptDocument.application_id == application_id)
        if receipt_no is not None:
            query = query.where(KeptDocument.receipt_no == receipt_no)
        return [
            DocumentSummary(
                row.id,
                DocumentKind(row.kind),
                row.receipt_no,
                row.print_count,
                row.created_at,
                row.last_printed_at,
            )
            for row in session.execute(query).scalars()
        ]


def find_receipt(db: Database, receipt_no: str) -> int:
    """The kept acceptance receipt with this number."""
    found = [
        d
        for d in history(db, receipt_no=receipt_no.strip())
        if d.kind is DocumentKind.ACCEPTANCE_RECEIPT
    ]
    if not found:
        raise NotFound("acceptance receipt", receipt_no)
    return found[-1].id


def keep_acceptance_receipt(
    db: Database, actor: Actor, application_id: int, rules: LocalityRules
) -> int:
    """The submitted application's receipt, as the customer takes it home."""
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        data = acceptance_receipt_data(session, application_id, rules)
        return _keep(session, actor, DocumentKind.ACCEPTANCE_RECEIPT, data, application_id, None)


def acceptance_receipt_data(
    session: Session, application_id: int, rules: LocalityRules
) -> AcceptanceReceiptData:
    application = session.get(Application, application_id)
    if application is None or application.receipt_no is None or not application.submitted_at:
        raise NotFound("submitted application", application_id)
    person = session.get(Person, application.person_id)
    assert person is not None  # a foreign key
    old_card = session.get(Card, application.old_card_id) if application.old_card_id else None
    accepted_local = application.submitted_at.astimezone()
    return AcceptanceReceiptData(
        outlet=rules.outlet,
        receipt_no=application.receipt_no,
        business=application.business,
        reason=application.reason,
        clerk=_staff(session, application.maker_id),
        accepted_at=application.submitted_at,
        holder_name=person.name,
        document_type=DocumentType(person.document_type),
        document_number=person.document_number,
        fee=_fee(session, application, rules),
        expected_pickup_date=rules.expected_pickup_date(accepted_local.date()),
        pickup_place=rules.outlet.name,
        bring_at_pickup=tuple(m.label for m in rules.materials_for(Business.PICKUP, None)),
        old_card_number=old_card.card_number if old_card else None,
        supervisor=(
            _staff(session, application.checker_id)
            if application.checker_id and application.state in APPROVED_OR_LATER
            else None
        ),
    )


def _fee(session: Session, application: Application, rules: LocalityRules) -> FeeLine:
    """What was collected, else what the rules ask for this business and reason."""
    fee = session.execute(select(Fee).where(Fee.application_id == application.id)).scalar()
    if fee is None:
        return FeeLine(rules.fee_for(application.business, application.reason))
    waiver = rules.waivers[fee.waiver_code].label if fee.waiver_code else None
    return FeeLine(fee.amount, fee.voucher_no, waiver)


def _staff(session: Session, staff_id: int) -> StaffMember:
    row = session.get(Staff, staff_id)
    assert row is not None  # a foreign key
    return StaffMember(row.staff_no, row.name)


def _load(session: Session, document_id: int, lock: bool = False) -> KeptDocument:
    row = session.get(KeptDocument, document_id, with_for_update=lock)
    if row is None:
        raise NotFound("document", document_id)
    return row
