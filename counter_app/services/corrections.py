"""After a correction is approved: the holder's record takes the corrected values, and the card,
whose face or chip still shows the old ones, is replaced (a bank counter cannot rewrite a chip)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.application import APPROVED_OR_LATER, Business, State
from counter_app.domain.masking import mask_id_number
from counter_app.domain.roles import Permission
from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.services.errors import NotFound, ServiceError
from counter_app.store.database import Database
from counter_app.store.models import Application, Person

# The person's columns each corrected item writes to.
COLUMNS = {
    "id_number": "document_number",
    "name": "name",
    "sex": "sex",
    "ethnicity": "ethnicity",
    "birth_date": "birth_date",
    "address": "address",
    "phone": "phone",
}


class NotApproved(ServiceError):
    def __init__(self, state: State) -> None:
        super().__init__(f"the correction is {state.value}, not approved")
        self.state = state


@dataclass(frozen=True)
class CorrectionToFollow:
    application_id: int
    receipt_no: str | None
    holder_name: str
    masked_number: str
    items: tuple[str, ...]
    decided_at: datetime | None


def awaiting_replacement(db: Database, actor: Actor) -> list[CorrectionToFollow]:
    """The actor's approved corrections whose replacement has not been started, or was started
    and then cancelled: the holder still needs a card with the corrected data."""
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        rows = session.execute(
            select(Application, Person.name, Person.document_number)
            .join(Person, Person.id == Application.person_id)
            .where(
                Application.business == Business.CORRECTION,
                Application.state.in_(APPROVED_OR_LATER),
                Application.maker_id == actor.staff_id,
            )
            .order_by(Application.decided_at, Application.id)
        ).all()
        followers = [
            application.details["followed_by"]
            for application, _, _ in rows
            if (application.details or {}).get("followed_by")
        ]
        cancelled = set(
            session.scalars(
                select(Application.id).where(
                    Application.id.in_(followers), Application.state == State.CANCELLED
                )
            )
        )
        return [
            CorrectionToFollow(
                application.id,
                application.receipt_no,
                name,
                mask_id_number(number),
                tuple(item["field"] for item in _items(application.details)),
                application.decided_at,
            )
            for application, name, number in rows
            if (application.details or {}).get("followed_by") in (None, *cancelled)
        ]


def apply_correction(db: Database, actor: Actor, correction_id: int) -> int:
    """The holder's record takes the approved correction (once); returns the person's id."""
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        application = _approved(session, correction_id)
        details = dict(application.details or {})
        person = session.get(Person, application.person_id)
        assert person is not None  # a foreign key
        if not details.get("applied"):
            changed = [item["field"] for item in _items(details)]
            for item in _items(details):
                column = COLUMNS[item["field"]]
                value: Any = item["new"]
                if column == "birth_date":
                    value = date.fromisoformat(value)
                setattr(person, column, value)
            details["applied"] = True
            application.details = details
            audit.record(
                session, actor, "correction_applied", "person", person.id, detail=",".join(changed)
            )
        return person.id


def mark_followed(db: Database, actor: Actor, correction_id: int, replacement_id: int) -> None:
    """The replacement that follows the correction has been started."""
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        application = _approved(session, correction_id)
        application.details = {**(application.details or {}), "followed_by": replacement_id}
        audit.record(
            session,
            actor,
            "correction_followed",
            "application",
            correction_id,
            detail=f"replacement {replacement_id}",
        )


def _approved(session: Session, correction_id: int) -> Application:
    application = session.get(Application, correction_id)
    if application is None or application.business is not Business.CORRECTION:
        raise NotFound("correction", correction_id)
    if application.state not in APPROVED_OR_LATER:
        raise NotApproved(application.state)
    return application


def _items(details: dict[str, Any] | None) -> list[dict[str, str]]:
    correction = (details or {}).get("correction") or {}
    return [item for item in correction.get("items", []) if item.get("field") in COLUMNS]
