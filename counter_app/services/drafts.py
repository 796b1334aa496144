"""Applications while the clerk takes them: started, saved at every step, resumed, cancelled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from counter_app.api.requests import NewDraft
from counter_app.domain.application import Business, Reason, State
from counter_app.domain.details import ApplicationDetails
from counter_app.domain.details import from_json as details_from_json
from counter_app.domain.details import to_json as details_json
from counter_app.domain.masking import mask_id_number
from counter_app.domain.roles import Permission
from counter_app.domain.rules import LocalityRules
from counter_app.services import applications, audit, corrections
from counter_app.services.actor import Actor
from counter_app.services.applications import ApplicationSummary
from counter_app.services.errors import NotFound, PermissionDenied, ServiceError, StaleApplication
from counter_app.store.database import Database
from counter_app.store.models import Application, Fee, Material, Person, Staff

OPEN_STATES = frozenset({State.DRAFT, State.SUBMITTED})


class TakenByAnotherClerk(ServiceError):
    """Another clerk has an open application of this business for the same person."""

    def __init__(self, staff_no: str, staff_name: str, state: State) -> None:
        super().__init__(f"an open {state.value} application by {staff_no} exists")
        self.staff_no = staff_no
        self.staff_name = staff_name
        self.state = state


class NotADraft(ServiceError):
    def __init__(self, state: State) -> None:
        super().__init__(f"the application is {state.value}, not a draft")
        self.state = state


@dataclass(frozen=True)
class DraftSummary:
    application_id: int
    version: int
    business: Business
    reason: Reason | None
    holder_name: str
    masked_number: str
    step: str
    created_at: datetime
    reject_reason: str | None  # why a supervisor sent it back, when they did


@dataclass(frozen=True)
class DraftRecord:
    application_id: int
    version: int
    business: Business
    reason: Reason | None
    person_id: int
    details: ApplicationDetails
    reject_reason: str | None


@dataclass(frozen=True)
class FeeTaken:
    amount: Decimal
    waiver_code: str | None


def start(db: Database, actor: Actor, rules: LocalityRules, draft: NewDraft) -> ApplicationSummary:
    """A new draft, unless another clerk is already taking this business for this person.
    The same idempotency key again (a retry whose answer was lost) gives the same draft; a
    replacement following an approved correction is marked on the correction."""
    with db.transaction() as session:
        other = session.execute(
            select(Staff.staff_no, Staff.name, Application.state)
            .join(Staff, Staff.id == Application.maker_id)
            .where(
                Application.person_id == draft.person_id,
                Application.business == draft.business,
                Application.state.in_(OPEN_STATES),
                Application.maker_id != actor.staff_id,
            )
            .limit(1)
        ).first()
        if other is not None:
            raise TakenByAnotherClerk(other.staff_no, other.name, other.state)
        summary = applications.create_draft(
            db,
            actor,
            draft.business,
            draft.reason,
            draft.person_id,
            rules.outlet.code,
            details=draft.details,
            idempotency_key=draft.idempotency_key,
        )
        if draft.follows_correction is not None:
            corrections.mark_followed(db, actor, draft.follows_correction, summary.id)
        return summary


def save(
    db: Database,
    actor: Actor,
    application_id: int,
    expected_version: int,
    details: ApplicationDetails,
    *,
    reason: Reason | None = None,
    old_card_id: int | None = None,
    materials: dict[str, bool] | None = None,
    fee: FeeTaken | None = None,
) -> int:
    """Keep what the steps collected so far; the new version."""
    try:
        with db.transaction() as session:
            application = _own_draft(session, actor, application_id)
            if application.version != expected_version:
                raise StaleApplication(application_id)
            application.details = details_json(details)
            if reason is not None:
                application.reason = reason
            if old_card_id is not None:
                application.old_card_id = old_card_id
            if materials is not None:
                _replace_materials(session, application_id, materials)
            if fee is not None:
                _set_fee(session, application_id, fee)
            session.flush()
            audit.record(
                session,
                actor,
                "draft_saved",
                "application",
                application_id,
                detail=details.step,
            )
            return application.version
    except StaleDataError:
        raise StaleApplication(application_id) from None


def own_application(db: Database, actor: Actor, application_id: int) -> ApplicationSummary:
    """The actor's own application as it stands (a retried submission finds what it stored)."""
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        application = session.get(Application, application_id)
        if application is None:
            raise NotFound("application", application_id)
        if application.maker_id != actor.staff_id:
            raise PermissionDenied("another clerk's application")
        return ApplicationSummary.of(application, actor.staff_no)


def load(db: Database, actor: Actor, application_id: int) -> DraftRecord:
    with db.transaction() as session:
        application = _own_draft(session, actor, application_id)
        return DraftRecord(
            application.id,
            application.version,
            application.business,
            application.reason,
            application.person_id,
            details_from_json(application.details),
            application.reject_reason,
        )


def mine(db: Database, actor: Actor) -> list[DraftSummary]:
    """The actor's drafts, oldest first (a rejected application comes back as a draft)."""
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        rows = session.execute(
            select(Application, Person.name, Person.document_number)
            .join(Person, Person.id == Application.person_id)
            .where(Application.maker_id == actor.staff_id, Application.state == State.DRAFT)
            .order_by(Application.created_at, Application.id)
        ).all()
        return [
            DraftSummary(
                application.id,
                application.version,
                application.business,
                application.reason,
                name,
                mask_id_number(number),
                details_from_json(application.details).step,
                application.created_at,
                application.reject_reason,
            )
            for application, name, number in rows
        ]


def record_payment(db: Database, actor: Actor, application_id: int, voucher_no: str) -> None:
    """The fee was taken: the voucher's number and the time, once the receipt number exists."""
    actor.require(Permission.TAKE_APPLICATIONS)
    with db.transaction() as session:
        fee = session.execute(select(Fee).where(Fee.application_id == application_id)).scalar()
        if fee is None:
            raise NotFound("fee", application_id)
        if fee.voucher_no is None:
            fee.voucher_no = voucher_no
            fee.paid_at = datetime.now(UTC)
            audit.record(
                session, actor, "fee_paid", "application", application_id, detail=voucher_no
            )


def _own_draft(session: Session, actor: Actor, application_id: int) -> Application:
    actor.require(Permission.TAKE_APPLICATIONS)
    application = session.get(Application, application_id)
    if application is None:
        raise NotFound("application", application_id)
    if application.maker_id != actor.staff_id:
        raise PermissionDenied("another clerk's draft")
    if application.state is not State.DRAFT:
        raise NotADraft(application.state)
    return application


def _replace_materials(session: Session, application_id: int, materials: dict[str, bool]) -> None:
    session.execute(delete(Material).where(Material.application_id == application_id))
    session.add_all(
        Material(application_id=application_id, code=code, provided=provided)
        for code, provided in materials.items()
    )


def _set_fee(session: Session, application_id: int, fee: FeeTaken) -> None:
    row = session.execute(select(Fee).where(Fee.application_id == application_id)).scalar()
    if row is None:
        row = Fee(application_id=application_id)
        session.add(row)
    row.amount = fee.amount
    row.waiver_code = fee.waiver_code
