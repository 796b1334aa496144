"""Signing in, re-entering the password at a locked screen, and the lockout rule."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.roles import Permission
from counter_app.services import audit, passwords
from counter_app.services.actor import Actor
from counter_app.services.errors import (
    AccountInactive,
    AccountLocked,
    BadCredentials,
    FourEyesViolation,
    PermissionDenied,
)
from counter_app.store.database import Database
from counter_app.store.models import Staff
from counter_app.workstation import this_workstation

MAX_FAILED_ATTEMPTS = 5


def actor_for(staff: Staff, workstation: str) -> Actor:
    return Actor(staff.id, staff.staff_no, staff.name, staff.role, workstation)


def _check_password(
    session: Session, staff: Staff | None, staff_no: str, password: str, workstation: str
) -> Staff:
    """Count a failure (locking at the limit) or reset the count; raise on any refusal."""
    probe = Actor.claimed(staff_no, workstation)
    if staff is not None and staff.locked:
        passwords.matches(None, password)  # same cost as any other answer
        audit.record(session, probe, "sign_in_refused_locked", "staff", staff_no)
        raise AccountLocked(staff_no)
    if not passwords.matches(staff.password_hash if staff else None, password):
        if staff is None:
            audit.record(session, probe, "sign_in_failed", "staff", staff_no, detail="unknown")
            raise BadCredentials(None)
        staff.failed_attempts += 1
        audit.record(
            session,
            probe,
            "sign_in_failed",
            "staff",
            staff_no,
            detail=f"attempt {staff.failed_attempts}",
        )
        if staff.failed_attempts >= MAX_FAILED_ATTEMPTS:
            staff.locked = True
            audit.record(session, probe, "account_locked", "staff", staff_no, "unlocked", "locked")
            raise AccountLocked(staff_no)
        raise BadCredentials(MAX_FAILED_ATTEMPTS - staff.failed_attempts)
    if not staff.active:
        audit.record(session, probe, "sign_in_refused_inactive", "staff", staff_no)
        raise AccountInactive(staff_no)
    staff.failed_attempts = 0
    return staff


def _verify(session: Session, staff_no: str, password: str, workstation: str) -> Staff:
    staff = session.execute(
        select(Staff).where(Staff.staff_no == staff_no).with_for_update()
    ).scalar_one_or_none()
    return _check_password(session, staff, staff_no, password, workstation)


def sign_in(db: Database, staff_no: str, password: str, workstation: str | None = None) -> Actor:
    """The signed-in actor, or BadCredentials / AccountLocked / AccountInactive.

    Failures are committed (counted and audited) even though the call raises.
    """
    workstation = workstation or this_workstation()
    staff_no = staff_no.strip()
    refusal: Exception | None = None
    with db.transaction() as session:
        try:
            staff = _verify(session, staff_no, password, workstation)
        except (BadCredentials, AccountLocked, AccountInactive) as error:
            refusal = error
        else:
            actor = actor_for(staff, workstation)
            audit.record(session, actor, "sign_in", "staff", staff_no)
    if refusal is not None:
        raise refusal
    return actor


def unlock_screen(db: Database, actor: Actor, password: str) -> None:
    """The signed-in clerk proves it is still them; failures count towards the lockout."""
    refusal: Exception | None = None
    with db.transaction() as session:
        staff = session.execute(
            select(Staff).where(Staff.id == actor.staff_id).with_for_update()
        ).scalar_one_or_none()
        try:
            _check_password(session, staff, actor.staff_no, password, actor.workstation)
        except (BadCredentials, AccountLocked, AccountInactive) as error:
            refusal = error
        else:
            audit.record(session, actor, "screen_unlocked", "staff", actor.staff_no)
    if refusal is not None:
        raise refusal


def sign_out(db: Database, actor: Actor, why: str = "user") -> None:
    with db.transaction() as session:
        audit.record(session, actor, "sign_out", "staff", actor.staff_no, detail=why)


def screen_locked(db: Database, actor: Actor) -> None:
    with db.transaction() as session:
        audit.record(session, actor, "screen_locked", "staff", actor.staff_no, detail="idle")


def authorise(
    db: Database,
    staff_no: str,
    password: str,
    permission: Permission,
    on_behalf_of: Actor,
    what: str,
    object_id: object | None = None,
) -> Actor:
    """A supervisor signs in on a clerk's screen for one decision (`what`): the supervisor, or
    BadCredentials / AccountLocked / AccountInactive / PermissionDenied / FourEyesViolation.
    The decision is audited under the supervisor's name, the clerk's in the detail."""
    staff_no = staff_no.strip()
    refusal: Exception | None = None
    with db.transaction() as session:
        try:
            staff = _verify(session, staff_no, password, on_behalf_of.workstation)
        except (BadCredentials, AccountLocked, AccountInactive) as error:
            refusal = error
        else:
            supervisor = actor_for(staff, on_behalf_of.workstation)
            if supervisor.staff_id == on_behalf_of.staff_id:
                refusal = FourEyesViolation()
            elif not supervisor.may(permission):
                refusal = PermissionDenied(permission.value)
            else:
                audit.record(
                    session,
                    supervisor,
                    what,
                    "authorisation",
                    object_id,
                    detail=f"for {on_behalf_of.staff_no}",
                )
    if refusal is not None:
        raise refusal
    return supervisor
