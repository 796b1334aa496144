"""Pickup and activation (领卡与启用): the new card handed over, recorded and active, the old one
cancelled, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from counter_app.api.requests import Kept, PickupRequest
from counter_app.domain.application import (
    APPROVED_OR_LATER,
    Action,
    Business,
    Reason,
    State,
    next_state,
    normalised_receipt_no,
)
from counter_app.domain.card import CardStatus
from counter_app.domain.cardholder import ChipHolder, comparable_number, differences
from counter_app.domain.cardnumber import validate as validate_card_number
from counter_app.domain.person import DocumentType, RepresentativeRole, validate_document
from counter_app.domain.roles import Permission
from counter_app.domain.rules import LocalityRules
from counter_app.printing.data import PickupConfirmationData, StaffMember
from counter_app.printing.kinds import DocumentKind
from counter_app.services import audit, documents
from counter_app.services.actor import Actor
from counter_app.services.errors import (
    HolderDocumentDiffers,
    NewCardDiffers,
    NewCardIsOld,
    NotFound,
    ServiceError,
    StaleApplication,
)
from counter_app.services.people import NewCard, insert_card
from counter_app.store.database import Database
from counter_app.store.models import Application, Card, Person, Staff

COLLECTABLE = State.READY
# Who may collect for the holder: the representatives the pickup confirmation prints.
COLLECTOR_KINDS = tuple(role.value for role in RepresentativeRole)
COLLECTOR_TEXT_FIELDS = ("name", "relationship")


class NotReadyForPickup(ServiceError):
    def __init__(self, state: State, receipt_no: str | None = None) -> None:
        super().__init__(f"application {receipt_no or '(no receipt)'} is {state.value}, not ready")
        self.state = state
        self.receipt_no = receipt_no


class InvalidCollector(ServiceError):
    """The details of whoever collects for the holder miss or spoil `field`."""

    def __init__(self, field: str) -> None:
        super().__init__(f"the collector's {field} is missing or not valid")
        self.field = field


@dataclass(frozen=True)
class PickupCase:
    application_id: int
    version: int
    state: State
    business: Business
    reason: Reason | None
    receipt_no: str
    person_id: int
    holder_name: str
    document_type: DocumentType
    document_number: str  # in full: the clerk compares it with the document in hand
    holder_sex: str  # Sex code as stored
    holder_birth_date: date | None
    old_card_id: int | None
    old_card_number: str | None
    maker_no: str
    approved_by_no: str | None


def find_for_pickup(db: Database, receipt_no: str) -> PickupCase:
    """The application behind a receipt, in whatever state: see is_collectable."""
    number = normalised_receipt_no(receipt_no)
    with db.transaction() as session:
        query = select(Application).where(Application.receipt_no == number)
        application = session.scalars(query).first() if number else None
        if application is None:
            raise NotFound("receipt", number)
        return _case(session, application)


def is_collectable(case: PickupCase) -> bool:
    return case.state is COLLECTABLE


def complete_pickup(
    db: Database,
    actor: Actor,
    application_id: int,
    expected_version: int,
    new_card: NewCard,
    collector: dict[str, Any] | None,
) -> int:
    """Record the handed-over card (always ACTIVE: handing it over activates it), issue the
    application and cancel the old card; returns the new card's id.

    `collector` is None when the holder collects in person, else {"kind": "agent" or
    "guardian", "name", "document_type", "document_number", "relationship"}.
    """
    actor.require(Permission.TAKE_APPLICATIONS)
    number = validate_card_number(new_card.card_number)
    collector = _checked_collector(collector)
    try:
        with db.transaction() as session:
            # Locked: a second counter collecting the same card waits, then finds it stale.
            application = session.get(Application, application_id, with_for_update=True)
            if application is None:
                raise NotFound("application", application_id)
            if application.version != expected_version:
                raise StaleApplication(application_id)
            if application.state is not COLLECTABLE:
                raise NotReadyForPickup(application.state, application.receipt_no)
            # Handing the card over activates it, whatever status it was described with.
            active = replace(new_card, card_number=number, status=CardStatus.ACTIVE)
            card = insert_card(session, actor, application.person_id, active)
            _issue(session, actor, application, card, collector)
            _cancel_old_card(session, actor, application)
            return card.id
    except StaleDataError:
        raise StaleApplication(application_id) from None


def _checked_collector(collector: dict[str, Any] | None) -> dict[str, str] | None:
    """The collector's details as stored, document number normalised; None for the holder."""
    if collector is None:
        return None
    if collector.get("kind") not in COLLECTOR_KINDS:
        raise InvalidCollector("kind")
    checked = {"kind": str(collector["kind"])}
    for field in COLLECTOR_TEXT_FIELDS:
        value = collector.get(field)
        if not isinstance(value, str) or not value.strip():
            raise InvalidCollector(field)
        checked[field] = value.strip()
    try:
        document_type = DocumentType(collector.get("document_type"))
    except ValueError:
        raise InvalidCollector("document_type") from None
    number = collector.get("document_number")
    if not isinstance(number, str):
        raise InvalidCollector("document_number")
    checked["document_type"] = document_type.value
    # An invalid number raises the domain's InvalidDocumentNumber, as for a holder.
    checked["document_number"] = validate_document(document_type, number)
    return checked


def _issue(
    session: Session,
    actor: Actor,
    application: Application,
    card: Card,
    collector: dict[str, str] | None,
) -> None:
    source = application.state
    application.state = next_state(source, Action.ISSUE)
    application.new_card_id = card.id
    # A new dict: the ORM does not see changes made inside the stored one.
    application.details = {**application.details, "collector": collector}
    session.flush()  # bumps the version, or fails on a stale one
    audit.record(
        session,
        actor,
        Action.ISSUE.value,
        "application",
        application.id,
        source.value,
        application.state.value,
        f"card {card.id} collected by {collector['kind'] if collector else 'holder'}",
    )


def _cancel_old_card(session: Session, actor: Actor, application: Application) -> None:
    if application.old_card_id is None:
        return
    old = session.get(Card, application.old_card_id)
    if old is None or old.status is CardStatus.CANCELLED:
        return
    source = old.status
    old.status = CardStatus.CANCELLED
    session.flush()
    audit.record(
        session,
        actor,
        "card_cancelled",
        "card",
        old.id,
        source.value,
        old.status.value,
        f"replaced by card {application.new_card_id} (application {application.id})",
    )


def _case(session: Session, application: Application) -> PickupCase:
    person = session.get(Person, application.person_id)
    assert person is not None  # a foreign key
    old_card = session.get(Card, application.old_card_id) if application.old_card_id else None
    return PickupCase(
        application_id=application.id,
        version=application.version,
        state=application.state,
        business=application.business,
        reason=application.reason,
        receipt_no=application.receipt_no or "",
        person_id=person.id,
        holder_name=person.name,
        document_type=DocumentType(person.document_type),
        document_number=person.document_number,
        holder_sex=person.sex,
        holder_birth_date=person.birth_date,
        old_card_id=application.old_card_id,
        old_card_number=old_card.card_number if old_card else None,
        maker_no=_staff_no(session, application.maker_id),
        approved_by_no=(
            _staff_no(session, application.checker_id)
            if application.checker_id and application.state in APPROVED_OR_LATER
            else None
        ),
    )


def _staff_no(session: Session, staff_id: int) -> str:
    return session.execute(select(Staff.staff_no).where(Staff.id == staff_id)).scalar_one()


def hand_over(
    db: Database, actor: Actor, rules: LocalityRules, request: PickupRequest
) -> tuple[Kept, ...]:
    """The new card handed over (recorded, active, the old one cancelled) and the pickup
    confirmation kept: one transaction, all or nothing."""
    collector = request.collector
    with db.transaction() as session:
        application = session.get(Application, request.application_id)
        if application is not None and application.state is COLLECTABLE:
            # (Anything else is refused by complete_pickup, as it stands.)
            _check_hand_over(_case(session, application), request)
        complete_pickup(
            db,
            actor,
            request.application_id,
            request.version,
            request.new_card,
            None
            if collector is None
            else {
                "kind": collector.role.value,
                "name": collector.name,
                "document_type": collector.document_type.value,
                "document_number": collector.document_number,
                "relationship": collector.relationship,
            },
        )
        application = session.get(Application, request.application_id)
        assert application is not None  # just issued
        case = _case(session, application)
        confirmation = PickupConfirmationData(
            outlet=rules.outlet,
            receipt_no=case.receipt_no,
            holder_name=case.holder_name,
            document_type=case.document_type,
            document_number=case.document_number,
            new_card_number=request.new_card.card_number,
            collected_at=datetime.now(UTC),
            clerk=StaffMember(actor.staff_no, actor.name),
            collector=collector,
            old_card_number=case.old_card_number,
        )
        document_id = documents.keep(
            db, actor, DocumentKind.PICKUP_CONFIRMATION, confirmation, request.application_id
        )
    return (Kept(DocumentKind.PICKUP_CONFIRMATION, document_id),)


def _check_hand_over(case: PickupCase, request: PickupRequest) -> None:
    """What the pickup's steps check, checked again: the card is new and names the applicant,
    and the holder in person showed the document the application names (an agent's own
    document is checked with the rest of their details)."""
    number = request.new_card.card_number.strip().upper()
    if number == case.old_card_number:
        raise NewCardIsOld(number)
    # Sex and birth date were checked when the application was taken: name and number here.
    chip = ChipHolder(request.card_holder_name, request.card_document_number)
    wrong = differences(
        chip, case.holder_name, comparable_number(case.document_type, case.document_number)
    )
    if wrong:
        raise NewCardDiffers(tuple(wrong))
    collector = request.collector
    if collector is None:
        shown = (request.shown_document_number or "").strip().upper()
        if (request.shown_document_type, shown) != (case.document_type, case.document_number):
            raise HolderDocumentDiffers()
    elif collector.document_number.strip().upper() == case.document_number:
        raise InvalidCollector("document_number")  # the holder is no agent of their own
