"""Taking applications and moving them through the lifecycle, four eyes enforced."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from counter_app.domain.application import (
    CHECKER_ACTIONS,
    REASONS_BY_BUSINESS,
    Action,
    Business,
    IllegalTransition,
    Reason,
    State,
    next_state,
)
from counter_app.domain.details import ApplicationDetails
from counter_app.domain.details import from_json as details_from_json
from counter_app.domain.details import to_json as details_json
from counter_app.domain.flags import Flag, application_flags, from_bits, to_bits
from counter_app.domain.roles import Permission
from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.services.errors import (
    AlreadyDecided,
    FourEyesViolation,
    IdempotencyKeyReused,
    MissingReason,
    NotFound,
    PermissionDenied,
    StaleApplication,
)
from counter_app.services.receipts import next_receipt_no
from counter_app.store.database import Database
from counter_app.store.models import Application, Staff

# Actions only the application's own maker takes.
MAKER_ACTIONS = frozenset({Action.SUBMIT, Action.REOPEN})
NEEDS_NOTE = frozenset({Action.REJECT, Action.CANCEL})
PERMISSION_FOR: dict[Action, Permission] = {
    Action.SUBMIT: Permission.TAKE_APPLICATIONS,
    Action.REOPEN: Permission.TAKE_APPLICATIONS,
    Action.CANCEL: Permission.TAKE_APPLICATIONS,
    Action.ISSUE: Permission.TAKE_APPLICATIONS,
    Action.APPROVE: Permission.DECIDE_APPLICATIONS,
    Action.REJECT: Permission.DECIDE_APPLICATIONS,
    Action.START_PRODUCTION: Permission.DECIDE_APPLICATIONS,
    Action.MARK_READY: Permission.DECIDE_APPLICATIONS,
}


class ReasonNotForBusiness(ValueError):
    def __init__(self, business: Business, reason: Reason | None) -> None:
        super().__init__(f"{reason} is not a reason for {business}")


@dataclass(frozen=True)
class ApplicationSummary:
    id: int
    business: Business
    reason: Reason | None
    state: State
    version: int
    receipt_no: str | None
    maker_no: str
    flags: frozenset[Flag] = frozenset()

    @classmethod
    def of(cls, application: Application, maker_no: str) -> ApplicationSummary:
        return cls(
            application.id,
            application.business,
            application.reason,
            application.state,
            application.version,
            application.receipt_no,
            maker_no,
            from_bits(application.flags),
        )


def create_draft(
    db: Database,
    actor: Actor,
    business: Business,
    reason: Reason | None,
    person_id: int,
    outlet_code: str,
    old_card_id: int | None = None,
    details: ApplicationDetails | None = None,
    idempotency_key: uuid.UUID | str | None = None,
) -> ApplicationSummary:
    """A new draft; with `idempotency_key` (a UUID the client made once for this application)
    a retry, or a second click, returns the draft the first call made instead of another."""
    actor.require(Permission.TAKE_APPLICATIONS)
    allowed = REASONS_BY_BUSINESS[business]
    if (reason is None and allowed) or (reason is not None and reason not in allowed):
        raise ReasonNotForBusiness(business, reason)
    key = None if idempotency_key is None else str(uuid.UUID(str(idempotency_key)))
    if key is not None and (existing := _by_key(db, actor, key)) is not None:
        return existing
    try:
        with db.transaction() as session:
            application = Application(
                business=business,
                reason=reason,
                state=State.DRAFT,
                person_id=person_id,
                old_card_id=old_card_id,
                maker_id=actor.staff_id,
                outlet_code=outlet_code,
                details=details_json(details) if details else {},
                flags=to_bits(application_flags(details or ApplicationDetails())),
                idempotency_key=key,
            )
            session.add(application)
            session.flush()
            audit.record(
                session,
                actor,
                "application_created",
                "application",
                application.id,
                None,
                State.DRAFT.value,
                business.value,
            )
            return ApplicationSummary.of(application, actor.staff_no)
    except IntegrityError:
        # The same key committed by a concurrent retry between our look and our insert.
        if key is not None and (existing := _by_key(db, actor, key)) is not None:
            return existing
        raise


def _by_key(db: Database, actor: Actor, key: str) -> ApplicationSummary | None:
    with db.transaction() as session:
        found = session.execute(
            select(Application).where(Application.idempotency_key == key)
        ).scalar_one_or_none()
        if found is None:
            return None
        if found.maker_id != actor.staff_id:
            raise IdempotencyKeyReused(key)
        return ApplicationSummary.of(found, actor.staff_no)


def transition(
    db: Database,
    actor: Actor,
    application_id: int,
    action: Action,
    expected_version: int,
    note: str | None = None,
    today: date | None = None,
) -> ApplicationSummary:
    """Apply one lifecycle action to the version the actor saw, or refuse it."""
    actor.require(PERMISSION_FOR[action])
    note = (note or "").strip() or None
    if action in NEEDS_NOTE and note is None:
        raise MissingReason()
    try:
        with db.transaction() as session:
            application = _load(session, application_id)
            if _already_submitted(actor, application, action, expected_version):
                # A retry of a submission that did commit (the answer was lost): no second one.
                return ApplicationSummary.of(application, actor.staff_no)
            if application.version != expected_version:
                raise StaleApplication(application_id)
            _check_who(actor, application, action)
            source = application.state
            # One UPDATE, so one new version: taking a receipt number must not flush half of it.
            with session.no_autoflush:
                application.state = next_state(source, action)
                _stamp(session, application, actor, action, note, today or date.today())
            session.flush()
            audit.record(
                session,
                actor,
                action.value,
                "application",
                application.id,
                source.value,
                application.state.value,
                note,
            )
            maker_no = session.execute(
                select(Staff.staff_no).where(Staff.id == application.maker_id)
            ).scalar_one()
            return ApplicationSummary.of(application, maker_no)
    except (StaleDataError, StaleApplication, IllegalTransition) as error:
        # Two supervisors at once: the second learns who decided first, and when.
        if action in CHECKER_ACTIONS and (decided := _decision(db, application_id)):
            raise decided from None
        if isinstance(error, StaleDataError):
            raise StaleApplication(application_id) from None
        raise


def _already_submitted(
    actor: Actor, application: Application, action: Action, expected_version: int
) -> bool:
    # Submitting is the only way into SUBMITTED, and each change adds one to the version.
    return (
        action is Action.SUBMIT
        and application.state is State.SUBMITTED
        and application.version == expected_version + 1
        and application.maker_id == actor.staff_id
    )


def _decision(db: Database, application_id: int) -> AlreadyDecided | None:
    """Who decided the application and when, once it is decided (else None)."""
    with db.transaction() as session:
        row = session.execute(
            select(Application.state, Application.decided_at, Staff.staff_no, Staff.name)
            .join(Staff, Staff.id == Application.checker_id)
            .where(Application.id == application_id)
        ).first()
    if row is None or row.state is State.SUBMITTED or row.decided_at is None:
        return None
    return AlreadyDecided(application_id, row.state.value, row.staff_no, row.name, row.decided_at)


def _load(session: Session, application_id: int) -> Application:
    application = session.get(Application, application_id)
    if application is None:
        raise NotFound("application", application_id)
    return application


def _check_who(actor: Actor, application: Application, action: Action) -> None:
    is_maker = actor.staff_id is not None and actor.staff_id == application.maker_id
    if action in CHECKER_ACTIONS and is_maker:
        raise FourEyesViolation()
    if action in MAKER_ACTIONS and not is_maker:
        raise PermissionDenied(f"{action.value} another clerk's application")
    if action is Action.CANCEL and not (is_maker or actor.may(Permission.DECIDE_APPLICATIONS)):
        raise PermissionDenied("cancel another clerk's application")


def _stamp(
    session: Session,
    application: Application,
    actor: Actor,
    action: Action,
    note: str | None,
    today: date,
) -> None:
    """Record what the action means beyond the new state."""
    now = datetime.now(UTC)
    if action is Action.SUBMIT:
        application.submitted_at = now
        application.flags = to_bits(application_flags(details_from_json(application.details)))
        if application.receipt_no is None:
            application.receipt_no = next_receipt_no(session, application.outlet_code, today)
    elif action in CHECKER_ACTIONS:
        application.checker_id = actor.staff_id
        application.decided_at = now
        application.reject_reason = note if action is Action.REJECT else None


def open_drafts(db: Database, actor: Actor) -> int:
    """The actor's own drafts and rejected applications waiting for them."""
    with db.transaction() as session:
        query = select(func.count(Application.id)).where(
            Application.maker_id == actor.staff_id,
            Application.state.in_([State.DRAFT, State.REJECTED]),
        )
        return session.execute(query).scalar_one()
