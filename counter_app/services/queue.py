"""The supervisor's queue, a clerk's own applications, and one application in full.

Lists are paged, sorted and filtered in SQL (`ix_applications_queue` serves the default order).
Lists and the detail carry document and card numbers masked; those who may reveal numbers ask
for one application's in full (`revealed_numbers`), and each time is an audit event.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from counter_app.domain.application import Business, Reason, State
from counter_app.domain.details import ApplicationDetails
from counter_app.domain.details import from_json as details_from_json
from counter_app.domain.flags import BITS, Flag, from_bits
from counter_app.domain.masking import mask_card_number, mask_id_number, mask_numbers_in_text
from counter_app.domain.person import Holder
from counter_app.domain.roles import Permission
from counter_app.printing.kinds import DocumentKind
from counter_app.services import audit, documents
from counter_app.services.actor import Actor
from counter_app.services.documents import DocumentSummary
from counter_app.services.errors import NotFound, PermissionDenied
from counter_app.services.holders import holder_of
from counter_app.store.database import Database
from counter_app.store.models import Application, Card, Fee, KeptDocument, Material, Person, Staff

DEFAULT_PAGE = 50
MAX_PAGE = 500
OWN_STATES = (State.SUBMITTED, State.REJECTED)


class QueueOrder(StrEnum):
    OLDEST = "oldest"  # waiting longest first: the default
    NEWEST = "newest"
    BUSINESS = "business"  # then oldest first within each business
    CLERK = "clerk"  # by staff number, then oldest first


@dataclass(frozen=True)
class QueueFilter:
    business: Business | None = None
    clerk_no: str | None = None  # the maker's staff number
    waiting_at_least: timedelta | None = None
    flag: Flag | None = None


@dataclass(frozen=True)
class QueueRow:
    application_id: int
    version: int  # what a decision must name (services.applications.transition)
    receipt_no: str | None
    business: Business
    reason: Reason | None
    clerk_no: str
    clerk_name: str
    submitted_at: datetime
    waiting: timedelta
    flags: frozenset[Flag]
    holder_name: str
    document_number: str  # masked
    decidable: bool  # False on the actor's own application: four eyes


@dataclass(frozen=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    total: int  # every application the filter matches, on all pages
    offset: int
    limit: int


@dataclass(frozen=True)
class OwnRow:
    application_id: int
    version: int
    receipt_no: str | None
    business: Business
    reason: Reason | None
    state: State
    submitted_at: datetime | None
    holder_name: str
    document_number: str  # masked
    flags: frozenset[Flag]
    checker_no: str | None
    checker_name: str | None
    decided_at: datetime | None
    reject_reason: str | None  # what the clerk must read before fixing and resubmitting


@dataclass(frozen=True)
class RevealedNumbers:
    """One application's numbers in full, for the moment a supervisor needs them."""

    application_id: int
    document_number: str
    old_card_number: str | None
    new_card_number: str | None
    details: ApplicationDetails  # as the steps wrote them: the agent's number, a correction's


@dataclass(frozen=True)
class MaterialLine:
    code: str
    provided: bool


@dataclass(frozen=True)
class FeeRecord:
    amount: Decimal
    waiver_code: str | None
    voucher_no: str | None
    paid_at: datetime | None


@dataclass(frozen=True)
class ApplicationDetail:
    application_id: int
    version: int
    business: Business
    reason: Reason | None
    state: State
    outlet_code: str
    receipt_no: str | None
    clerk_no: str
    clerk_name: str
    checker_no: str | None
    checker_name: str | None
    created_at: datetime
    submitted_at: datetime | None
    decided_at: datetime | None
    reject_reason: str | None
    flags: frozenset[Flag]
    person_id: int
    holder: Holder  # the document number masked like every number here
    old_card_number: str | None  # masked like the holder's number
    new_card_number: str | None
    details: ApplicationDetails  # everything the business's steps collected, numbers masked
    materials: tuple[MaterialLine, ...]
    fee: FeeRecord | None
    documents: tuple[DocumentSummary, ...]  # kept documents, oldest first
    decidable: bool


def queue_page(
    db: Database,
    actor: Actor,
    outlet_code: str,
    where: QueueFilter | None = None,
    order: QueueOrder = QueueOrder.OLDEST,
    offset: int = 0,
    limit: int = DEFAULT_PAGE,
    now: datetime | None = None,
) -> QueuePage:
    """One page of the outlet's submitted applications and how many match in all."""
    actor.require(Permission.DECIDE_APPLICATIONS)
    if offset < 0 or not 0 < limit <= MAX_PAGE:
        raise ValueError(f"a page starts at 0 or later and holds 1 to {MAX_PAGE} rows")
    now = now or _now()
    query = (
        select(
            Application.id,
            Application.version,
            Application.receipt_no,
            Application.business,
            Application.reason,
            Application.submitted_at,
            Application.flags,
            Application.maker_id,
            Staff.staff_no,
            Staff.name.label("clerk_name"),
            Person.name.label("holder_name"),
            Person.document_number,
        )
        .join(Staff, Staff.id == Application.maker_id)
        .join(Person, Person.id == Application.person_id)
    )
    with db.transaction() as session:
        total = session.execute(
            _pending(select(func.count(Application.id)), outlet_code, where, now)
        ).scalar_one()
        page = _pending(query, outlet_code, where, now).order_by(*_ORDER[order])
        rows = session.execute(page.offset(offset).limit(limit)).all()
    return QueuePage(
        tuple(
            QueueRow(
                row.id,
                row.version,
                row.receipt_no,
                row.business,
                row.reason,
                row.staff_no,
                row.clerk_name,
                row.submitted_at,
                now - row.submitted_at,
                from_bits(row.flags),
                row.holder_name,
                mask_id_number(row.document_number),
                decidable=row.maker_id != actor.staff_id,
            )
            for row in rows
        ),
        total,
        offset,
        limit,
    )


def queue_count(
    db: Database,
    actor: Actor,
    outlet_code: str,
    where: QueueFilter | None = None,
    now: datetime | None = None,
) -> int:
    actor.require(Permission.DECIDE_APPLICATIONS)
    query = _pending(select(func.count(Application.id)), outlet_code, where, now or _now())
    with db.transaction() as session:
        return session.execute(query).scalar_one()


def decidable_count(db: Database, actor: Actor, outlet_code: str) -> int:
    """How many of the outlet's waiting applications this actor may decide: the queue less their
    own (which it lists, marked as theirs); none for those who do not decide."""
    if not actor.may(Permission.DECIDE_APPLICATIONS):
        return 0
    query = _pending(select(func.count(Application.id)), outlet_code, None, _now())
    with db.transaction() as session:
        return session.execute(query.where(Application.maker_id != actor.staff_id)).scalar_one()


_ORDER = {
    QueueOrder.OLDEST: (Application.submitted_at, Application.id),
    QueueOrder.NEWEST: (Application.submitted_at.desc(), Application.id.desc()),
    QueueOrder.BUSINESS: (Application.business, Application.submitted_at, Application.id),
    QueueOrder.CLERK: (Staff.staff_no, Application.submitted_at, Application.id),
}


def _now() -> datetime:
    return datetime.now(UTC)


def _pending(query: Select, outlet_code: str, where: QueueFilter | None, now: datetime) -> Select:
    where = where or QueueFilter()
    query = query.where(
        Application.outlet_code == outlet_code, Application.state == State.SUBMITTED
    )
    if where.business is not None:
        query = query.where(Application.business == where.business)
    if where.clerk_no is not None:
        maker = select(Staff.id).where(Staff.staff_no == where.clerk_no).scalar_subquery()
        query = query.where(Application.maker_id == maker)
    if where.waiting_at_least is not None:
        query = query.where(Application.submitted_at <= now - where.waiting_at_least)
    if where.flag is not None:
        query = query.where(Application.flags.bitwise_and(BITS[where.flag]) != 0)
    return query


def own_applications(
    db: Database,
    actor: Actor,
    states: Collection[State] = OWN_STATES,
    offset: int = 0,
    limit: int = DEFAULT_PAGE,
) -> tuple[OwnRow, ...]:
    """The actor's own applications in `states` (submitted and rejected), newest first."""
    actor.require(Permission.TAKE_APPLICATIONS)
    checker = aliased(Staff)
    query = (
        select(Application, Person.name, Person.document_number, checker.staff_no, checker.name)
        .join(Person, Person.id == Application.person_id)
        .outerjoin(checker, checker.id == Application.checker_id)
        .where(Application.maker_id == actor.staff_id, Application.state.in_(list(states)))
        .order_by(Application.submitted_at.desc(), Application.id.desc())
        .offset(offset)
        .limit(min(limit, MAX_PAGE))
    )
    with db.transaction() as session:
        rows = session.execute(query).all()
    return tuple(
        OwnRow(
            application.id,
            application.version,
            application.receipt_no,
            application.business,
            application.reason,
            application.state,
            application.submitted_at,
            holder_name,
            mask_id_number(number),
            from_bits(application.flags),
            checker_no,
            checker_name,
            application.decided_at,
            application.reject_reason,
        )
        for application, holder_name, number, checker_no, checker_name in rows
    )


def application_detail(db: Database, actor: Actor, application_id: int) -> ApplicationDetail:
    """Everything about one application, numbers masked: for its maker and for those who
    decide."""
    with db.transaction() as session:
        application = _viewable(session, actor, application_id)
        maker = _staff(session, application.maker_id)
        checker = _staff(session, application.checker_id) if application.checker_id else None
        person = session.get(Person, application.person_id)
        assert person is not None  # a foreign key
        materials = session.execute(
            select(Material).where(Material.application_id == application_id).order_by(Material.id)
        ).scalars()
        fee = session.execute(select(Fee).where(Fee.application_id == application_id)).scalar()
        detail = ApplicationDetail(
            application_id=application.id,
            version=application.version,
            business=application.business,
            reason=application.reason,
            state=application.state,
            outlet_code=application.outlet_code,
            receipt_no=application.receipt_no,
            clerk_no=maker.staff_no,
            clerk_name=maker.name,
            checker_no=checker.staff_no if checker else None,
            checker_name=checker.name if checker else None,
            created_at=application.created_at,
            submitted_at=application.submitted_at,
            decided_at=application.decided_at,
            reject_reason=application.reject_reason,
            flags=from_bits(application.flags),
            person_id=person.id,
            holder=holder_of(person, mask_id_number(person.document_number)),
            old_card_number=_masked_card(_card_number(session, application.old_card_id)),
            new_card_number=_masked_card(_card_number(session, application.new_card_id)),
            details=details_from_json(_masked_details(dict(application.details or {}))),
            materials=tuple(MaterialLine(m.code, m.provided) for m in materials),
            fee=FeeRecord(fee.amount, fee.waiver_code, fee.voucher_no, fee.paid_at)
            if fee
            else None,
            documents=(),
            decidable=application.maker_id != actor.staff_id,
        )
    return replace(detail, documents=tuple(documents.history(db, application_id=application_id)))


def revealed_numbers(db: Database, actor: Actor, application_id: int) -> RevealedNumbers:
    """The application's document and card numbers in full, for those who may reveal numbers
    (not for its maker alone); the audit trail records who looked, and when."""
    actor.require(Permission.REVEAL_NUMBERS)
    with db.transaction() as session:
        application = _viewable(session, actor, application_id)
        person = session.get(Person, application.person_id)
        assert person is not None  # a foreign key
        revealed = RevealedNumbers(
            application.id,
            person.document_number,
            _card_number(session, application.old_card_id),
            _card_number(session, application.new_card_id),
            details_from_json(application.details),
        )
        audit.record(session, actor, "numbers_revealed", "application", application.id)
        return revealed


def document_preview(db: Database, actor: Actor, document_id: int) -> tuple[DocumentKind, bytes]:
    """A kept document of a viewable application, built as it was first printed. Some carry
    numbers in full (the application form), so each view is an audit event, as a reveal is."""
    from counter_app.printing.registry import DATA_TYPES, build
    from counter_app.printing.serialize import from_json

    with db.transaction() as session:
        row = session.get(KeptDocument, document_id)
        if row is None or row.application_id is None:
            raise NotFound("document", document_id)
        _viewable(session, actor, row.application_id)
        kind, data = DocumentKind(row.kind), row.data
        audit.record(session, actor, "document_viewed", "document", document_id, detail=kind.value)
    return kind, build(kind, from_json(DATA_TYPES[kind], data), reprint=0)


def _viewable(session: Session, actor: Actor, application_id: int) -> Application:
    application = session.get(Application, application_id)
    if application is None:
        raise NotFound("application", application_id)
    own = actor.staff_id is not None and application.maker_id == actor.staff_id
    if not (own or actor.may(Permission.DECIDE_APPLICATIONS)):
        raise PermissionDenied("view another clerk's application")
    return application


def _staff(session: Session, staff_id: int) -> Staff:
    row = session.get(Staff, staff_id)
    assert row is not None  # a foreign key
    return row


def _card_number(session: Session, card_id: int | None) -> str | None:
    if card_id is None:
        return None
    return session.execute(select(Card.card_number).where(Card.id == card_id)).scalar_one()


def _masked_card(card_number: str | None) -> str | None:
    return None if card_number is None else mask_card_number(card_number)


def _masked_details(value: Any) -> Any:
    """What the steps wrote, with every ID and card number in its texts masked."""
    if isinstance(value, str):
        return mask_numbers_in_text(value)
    if isinstance(value, dict):
        return {key: _masked_details(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_masked_details(item) for item in value]
    return value
