"""The holder a business is taken for: found by their document, added or brought up to date."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from counter_app.domain.cardnumber import validate as validate_card_number
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Permission
from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.services.errors import NotFound, ServiceError
from counter_app.services.people import NewCard, add_card
from counter_app.store.database import Database
from counter_app.store.models import Card, Person

# What a returning customer may have changed since their last visit.
UPDATABLE = ("name", "sex", "birth_date", "ethnicity", "address", "phone")


@dataclass(frozen=True)
class HolderOnRecord:
    """A holder the counter has recorded, with the id of their record."""

    person_id: int
    holder: Holder


def find(
    db: Database, actor: Actor, document_type: DocumentType, number: str
) -> HolderOnRecord | None:
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        row = session.execute(
            select(Person).where(
                Person.document_type == document_type.value,
                Person.document_number == number.strip().upper(),
            )
        ).scalar_one_or_none()
        return None if row is None else _record(row)


def by_id(db: Database, actor: Actor, person_id: int) -> HolderOnRecord:
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        row = session.get(Person, person_id)
        if row is None:
            raise NotFound("person", person_id)
        return _record(row)


def ensure(db: Database, actor: Actor, holder: Holder) -> int:
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


def _apply(row: Person, holder: Holder) -> list[str]:
    """Copy the updatable items; the names of those that changed."""
    changed = []
    for item in UPDATABLE:
        value = getattr(holder, item)
        if item == "sex":
            value = (value or Sex.UNSPECIFIED).value
        if getattr(row, item) != value:
            setattr(row, item, value)
            changed.append(item)
    return changed


def _record(row: Person) -> HolderOnRecord:
    return HolderOnRecord(row.id, holder_of(row))


def holder_of(row: Person, document_number: str | None = None) -> Holder:
    """The person's record as a holder (their number replaced by `document_number`, masked,
    where it is shown)."""
    return Holder(
        name=row.name,
        document_type=DocumentType(row.document_type),
        document_number=row.document_number if document_number is None else document_number,
        sex=Sex(row.sex) if row.sex in Sex._value2member_map_ else None,
        birth_date=row.birth_date,
        ethnicity=row.ethnicity,
        address=row.address,
        phone=row.phone,
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
