"""Staff accounts, provisioned by an administrator."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.domain.roles import Permission, Role
from counter_app.services import audit, passwords
from counter_app.services.actor import Actor
from counter_app.services.errors import AlreadyExists, BadCredentials, NotFound
from counter_app.store.database import Database
from counter_app.store.models import Staff

STAFF_NO = re.compile(r"^[0-9]{4,8}$")


class InvalidStaffNumber(ValueError):
    def __init__(self, staff_no: str) -> None:
        super().__init__(f"staff number {staff_no!r} must be 4 to 8 digits")


@dataclass(frozen=True)
class StaffSummary:
    staff_no: str
    name: str
    role: Role
    locked: bool
    active: bool


def add(db: Database, actor: Actor, staff_no: str, name: str, role: Role, password: str) -> None:
    actor.require(Permission.MANAGE_STAFF)
    if not STAFF_NO.match(staff_no):
        raise InvalidStaffNumber(staff_no)
    password_hash = passwords.hash_password(password)
    try:
        with db.transaction() as session:
            if session.execute(select(Staff.id).where(Staff.staff_no == staff_no)).first():
                raise AlreadyExists("staff", staff_no)
            session.add(
                Staff(staff_no=staff_no, name=name.strip(), role=role, password_hash=password_hash)
            )
            session.flush()
            audit.record(session, actor, "staff_added", "staff", staff_no, None, role.value)
    except IntegrityError:  # added by another administrator between our check and our insert
        raise AlreadyExists("staff", staff_no) from None


def list_all(db: Database, actor: Actor) -> list[StaffSummary]:
    actor.require(Permission.MANAGE_STAFF)
    with db.transaction() as session:
        rows = session.execute(select(Staff).order_by(Staff.staff_no)).scalars()
        return [StaffSummary(s.staff_no, s.name, s.role, s.locked, s.active) for s in rows]


def unlock(db: Database, actor: Actor, staff_no: str) -> None:
    actor.require(Permission.MANAGE_STAFF)
    with db.transaction() as session:
        staff = _find(session, staff_no)
        staff.locked, staff.failed_attempts = False, 0
        audit.record(session, actor, "account_unlocked", "staff", staff_no, "locked", "unlocked")


def change_password(
    db: Database, actor: Actor, staff_no: str, new_password: str, old_password: str | None = None
) -> None:
    """An administrator sets anyone's password; a member of staff changes their own with the old."""
    own = actor.staff_no == staff_no and actor.staff_id is not None
    if not own:
        actor.require(Permission.MANAGE_STAFF)
    with db.transaction() as session:
        staff = _find(session, staff_no)
        new_hash = passwords.hash_password(new_password)
        if own and not (old_password and passwords.matches(staff.password_hash, old_password)):
            raise BadCredentials(None)
        staff.password_hash = new_hash
        audit.record(session, actor, "password_changed", "staff", staff_no)


def _find(session: Session, staff_no: str) -> Staff:
    staff = session.execute(select(Staff).where(Staff.staff_no == staff_no)).scalar_one_or_none()
    if staff is None:
        raise NotFound("staff", staff_no)
    return staff
