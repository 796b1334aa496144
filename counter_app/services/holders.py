"""The holder a business is taken for: found by their document, added or brought up to date."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from counter_app.domain.cardnumber import validate as validate_card_number
from counter_app.domain.person import DocumentType
from counter_app.domain.roles import Permission
from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.people import NewCard, NewPerson, add_card
from counter_app.store.database import Database
from counter_app.store.models import Card, Person

# What a returning customer may have changed since their last visit.
UPDATABLE = ("name", "sex", "birth_date", "ethnicity", "address", "phone")


@dataclass(frozen=True)
class HolderRecord:
    person_id: int
    document_type: DocumentType
    document_number: str
    name: str
    sex: str
    birth_date: date | None
    ethnicity: str | None
    address: str | None
    phone: str | None


def find(
    db: Database, actor: Actor, document_type: DocumentType, number: str
) -> HolderRecord | None:
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        row = session.execute(
            select(Person).where(
                Person.document_type == document_type.value,
                Person.document_number == number.strip().upper(),
            )
        ).scalar_one_or_none()
        return None if row is None else _record(row)


def by_id(db: Database, actor: Actor, person_id: int) -> HolderRecord:
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        row = session.get(Person, person_id)
        if row is None:
            raise NotFound("person", person_id)
        return _record(row)


def ensure(db: Database, actor: Actor, holder: NewPerson) -> int:
    """The person's id: added when new, their record brought up to what the clerk confirmed
    when it differs (audited with the names of the items changed, never their values)."""
    actor.require(Permission.TAKE_APPLICATIONS)
    number = holder.document_number.strip().upper()
    with db.transaction() as session:
        row = session.execute(
            select(Person)
            .where(
                Person.document_type == holder.document_type.value,
                Person.document_number == number,
            )
            .with_for_update()
        ).scalar_one_or_none()
        wanted = replace(holder, document_number=number, name=holder.name.strip())
        if row is None:
            row = Person(document_type=wanted.document_type.value, document_number=number)
            _apply(row, wanted)
            session.add(row)
            session.flush()
            audit.record(session, actor, "person_added", "person", row.id)
            return row.id
        changed = _apply(row, wanted)
        if changed:
            audit.record(
                session, actor, "person_updated", "person", row.id, detail=",".join(changed)
            )
        return row.id


def _apply(row: Person, holder: NewPerson) -> list[str]:
    """Copy the updatable items; the names of those that changed."""
    changed = []
    for item in UPDATABLE:
        value = getattr(holder, item)
        if item == "sex":
            value = value.value
        if getattr(row, item) != value:
            setattr(row, item, value)
            changed.append(item)
    return changed


def _record(row: Person) -> HolderRecord:
    return HolderRecord(
        row.id,
        DocumentType(row.document_type),
        row.document_number,
        row.name,
        row.sex,
        row.birth_date,
        row.ethnicity,
        row.address,
        row.phone,
    )


class CardOfAnotherPerson(ServiceError):
    """The card number read or typed is recorded for someone else."""

    def __init__(self) -> None:
        super().__init__("this card is recorded for another person")


def ensure_card(
    db: Database, actor: Actor, person_id: int, card_number: str, spec_version: str = ""
) -> int:
    """The id of the holder's card with this number, recorded now if the counter did not know
    it (a card issued before this system); another person's card is refused."""
    actor.require(Permission.TAKE_APPLICATIONS)
    number = validate_card_number(card_number)
    with db.transaction() as session:
        row = session.execute(select(Card).where(Card.card_number == number)).scalar_one_or_none()
        if row is not None:
            if row.person_id != person_id:
                raise CardOfAnotherPerson()
            return row.id
    return add_card(db, actor, person_id, NewCard(number, spec_version))
