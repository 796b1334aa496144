"""Finding a returning customer and their file: cards, applications and loss reports.

What leaves this module is masked: identity, card and phone numbers are never returned in full,
and every search and every file opened is an audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session

from counter_app.domain.application import Business, Reason, State
from counter_app.domain.card import CardStatus, LossChannel, LossKind
from counter_app.domain.idnumber import InvalidIdNumber, upgrade_15_to_18
from counter_app.domain.masking import mask_card_number, mask_id_number
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Permission
from counter_app.domain.search_query import Query, QueryKind, read_query
from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.services.errors import NotFound, PermissionDenied
from counter_app.services.holders import HolderOnRecord
from counter_app.store.database import Database
from counter_app.store.models import Application, Card, LossReport, Person, Staff

# States in which an application waits for its maker to carry on.
RESUMABLE_STATES = frozenset({State.DRAFT, State.REJECTED})
PHONE_DIGITS_SHOWN = 4


class LossStanding(StrEnum):
    IN_FORCE = "in_force"
    LAPSED = "lapsed"  # a temporary report past its expiry day
    CANCELLED = "cancelled"


# A person found: who they are on paper, their number masked; no address or phone in a list.
PersonHit = HolderOnRecord


@dataclass(frozen=True)
class CardLine:
    card_id: int
    card_number: str  # masked
    spec_version: str
    status: CardStatus  # as it stands today: a lapsed temporary loss leaves the card in use
    issue_date: date | None
    expiry_date: date | None


@dataclass(frozen=True)
class ApplicationLine:
    application_id: int
    business: Business
    reason: Reason | None
    state: State
    receipt_no: str | None
    created_at: datetime
    submitted_at: datetime | None
    maker_no: str
    resumable: bool  # the searching clerk's own draft or rejected application


@dataclass(frozen=True)
class LossReportLine:
    loss_report_id: int
    card_id: int
    card_number: str  # masked
    kind: LossKind
    channel: LossChannel
    reported_at: datetime
    expires_on: date | None
    cancelled_at: datetime | None
    standing: LossStanding


@dataclass(frozen=True)
class PersonFile:
    person_id: int
    holder: Holder  # number masked; no address or phone (the phone is below, masked)
    phone: str | None  # masked but for the last digits
    cards: tuple[CardLine, ...]  # newest first, as are the lists below
    applications: tuple[ApplicationLine, ...]
    loss_reports: tuple[LossReportLine, ...]


def find_people(db: Database, actor: Actor, text: str, limit: int = 20) -> list[PersonHit]:
    """The people the text names: exact for numbers, prefix first then contains for names."""
    _require_counter_role(actor)
    query = read_query(text)
    if not query.text:
        return []
    with db.transaction() as session:
        rows = session.execute(_people_matching(query).limit(limit)).scalars().all()
        hits = [_hit(row) for row in rows]
        found = ", ".join(str(hit.person_id) for hit in hits) or "nobody"
        audit.record(
            session, actor, "people_searched", "person", detail=f"{query.audited}: {found}"
        )
        return hits


def person_file(
    db: Database, actor: Actor, person_id: int, today: date | None = None
) -> PersonFile:
    """One person's cards, applications and loss reports, as they stand `today`."""
    _require_counter_role(actor)
    today = today or date.today()
    with db.transaction() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound("person", person_id)
        newest_first = select(Card).where(Card.person_id == person_id).order_by(Card.id.desc())
        cards = session.scalars(newest_first).all()
        masked_cards = {card.id: mask_card_number(card.card_number) for card in cards}
        loss_reports = _loss_reports(session, masked_cards, today)
        lost = {line.card_id for line in loss_reports if line.standing is LossStanding.IN_FORCE}
        opened = PersonFile(
            person_id=person.id,
            holder=_hit(person).holder,
            phone=_mask_phone(person.phone) if person.phone else None,
            cards=tuple(_card_line(card, masked_cards, lost) for card in cards),
            applications=_applications(session, actor, person_id),
            loss_reports=loss_reports,
        )
        audit.record(session, actor, "person_file_viewed", "person", person_id)
        return opened


def _require_counter_role(actor: Actor) -> None:
    if not (actor.may(Permission.TAKE_APPLICATIONS) or actor.may(Permission.DECIDE_APPLICATIONS)):
        raise PermissionDenied("look up customers")


def _people_matching(query: Query) -> Select[tuple[Person]]:
    people = select(Person)
    match query.kind:
        case QueryKind.ID_NUMBER:
            return people.where(Person.document_number.in_(_id_forms(query.text))).order_by(
                Person.id
            )
        case QueryKind.CARD_NUMBER:
            # A passport number can have a card number's shape: both are looked for.
            holders = select(Card.person_id).where(Card.card_number == query.text)
            return people.where(
                or_(Person.id.in_(holders), Person.document_number == query.text)
            ).order_by(Person.id)
        case QueryKind.RECEIPT_NO:
            applicants = select(Application.person_id).where(Application.receipt_no == query.text)
            return people.where(Person.id.in_(applicants)).order_by(Person.id)
        case QueryKind.DOCUMENT_NUMBER:
            return people.where(Person.document_number == query.text).order_by(Person.id)
    needle = query.text.lower()
    name = func.lower(Person.name)
    starts_first = case((name.startswith(needle, autoescape=True), 0), else_=1)
    return people.where(name.contains(needle, autoescape=True)).order_by(
        starts_first, Person.name, Person.id
    )


def _id_forms(number: str) -> list[str]:
    """The number as typed and, for a 15-digit one, the 18-character number it became."""
    if len(number) != 15:
        return [number]
    try:
        return [number, upgrade_15_to_18(number)]
    except InvalidIdNumber:  # not a real first-generation number: only the exact text matches
        return [number]


def _hit(person: Person) -> PersonHit:
    return HolderOnRecord(
        person.id,
        Holder(
            name=person.name,
            document_type=DocumentType(person.document_type),
            document_number=mask_id_number(person.document_number),
            sex=Sex(person.sex) if person.sex in Sex._value2member_map_ else None,
            birth_date=person.birth_date,
        ),
    )


def _mask_phone(phone: str) -> str:
    hidden = len(phone) - PHONE_DIGITS_SHOWN
    if hidden <= 0:  # too short to keep anything back: show nothing of it
        return "*" * len(phone)
    return "*" * hidden + phone[hidden:]


def _card_line(card: Card, masked: dict[int, str], lost: set[int]) -> CardLine:
    """`lost`: the cards with a loss report in force."""
    lapsed = card.status is CardStatus.LOST_TEMPORARY and card.id not in lost
    return CardLine(
        card.id,
        masked[card.id],
        card.spec_version,
        CardStatus.ACTIVE if lapsed else card.status,
        card.issue_date,
        card.expiry_date,
    )


def _applications(session: Session, actor: Actor, person_id: int) -> tuple[ApplicationLine, ...]:
    rows = session.execute(
        select(Application, Staff.staff_no)
        .join(Staff, Staff.id == Application.maker_id)
        .where(Application.person_id == person_id)
        .order_by(Application.created_at.desc(), Application.id.desc())
    ).all()
    return tuple(
        ApplicationLine(
            application.id,
            application.business,
            application.reason,
            application.state,
            application.receipt_no,
            application.created_at,
            application.submitted_at,
            maker_no,
            resumable=(
                actor.staff_id is not None
                and application.maker_id == actor.staff_id
                and application.state in RESUMABLE_STATES
            ),
        )
        for application, maker_no in rows
    )


def _loss_reports(
    session: Session, masked_cards: dict[int, str], today: date
) -> tuple[LossReportLine, ...]:
    reports = session.execute(
        select(LossReport)
        .where(LossReport.card_id.in_(masked_cards))
        .order_by(LossReport.reported_at.desc(), LossReport.id.desc())
    ).scalars()
    return tuple(
        LossReportLine(
            report.id,
            report.card_id,
            masked_cards[report.card_id],
            report.kind,
            report.channel,
            report.reported_at,
            report.expires_on,
            report.cancelled_at,
            _standing(report, today),
        )
        for report in reports
    )


def _standing(report: LossReport, today: date) -> LossStanding:
    if report.cancelled_at is not None:
        return LossStanding.CANCELLED
    # A temporary report holds up to and including its expiry day, then lapses by itself.
    if report.expires_on is not None and report.expires_on < today:
        return LossStanding.LAPSED
    return LossStanding.IN_FORCE
