"""Card holders and their cards as the counter records them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.card import NewCard
from counter_app.domain.cardnumber import validate as validate_card_number
from counter_app.domain.person import Holder, Sex, validate_document
from counter_app.domain.roles import Permission
from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.services.errors import AlreadyExists
from counter_app.store.database import Database
from counter_app.store.models import Card, Person


def add_person(db: Database, actor: Actor, person: Holder) -> int:
    actor.require(Permission.TAKE_APPLICATIONS)
    number = validate_document(person.document_type, person.document_number)
    with db.transaction() as session:
        existing = select(Person.id).where(
            Person.document_type == person.document_type.value, Person.document_number == number
        )
        if session.execute(existing).first():
            raise AlreadyExists("person", person.document_type.value)
        row = Person(
            document_type=person.document_type.value,
            document_number=number,
            name=person.name.strip(),
            sex=(person.sex or Sex.UNSPECIFIED).value,
            birth_date=person.birth_date,
            ethnicity=person.ethnicity,
            address=person.address,
            phone=person.phone,
        )
        session.add(row)
        session.flush()
        audit.record(session, actor, "person_added", "person", row.id)
        return row.id


def add_card(db: Database, actor: Actor, person_id: int, card: NewCard) -> int:
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        return insert_card(session, actor, person_id, card).id


def insert_card(session: Session, actor: Actor, person_id: int, card: NewCard) -> Card:
    """Record a card inside the caller's transaction; a known number is refused."""
    number = validate_card_number(card.card_number)
    if session.execute(select(Card.id).where(Card.card_number == number)).first():
        raise AlreadyExists("card", number)
    row = Card(
        card_number=number,
        person_id=person_id,
        spec_version=card.spec_version,
        card_id_code=card.card_id_code,
        issue_date=card.issue_date,
        expiry_date=card.expiry_date,
        status=card.status,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, "card_added", "card", row.id, None, card.status.value)
    return row
