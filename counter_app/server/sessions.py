"""Sessions on the service: a random token handed to the workstation, its SHA-256 alone kept;
idle expiry, the working day's limit, the screen's lock, sign-out."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from counter_app.server.settings import ServiceSettings
from counter_app.services import auth
from counter_app.services.actor import Actor
from counter_app.services.errors import SessionExpired, SessionLocked
from counter_app.store.database import Database
from counter_app.store.models import ServiceSession, Staff


@dataclass(frozen=True)
class Opened:
    token: str  # shown once, to the workstation; never stored
    actor: Actor
    expires_at: datetime


@dataclass(frozen=True)
class Current:
    """The session a call came with."""

    token_hash: str
    actor: Actor
    locked: bool


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(db: Database, settings: ServiceSettings, actor: Actor) -> Opened:
    """A new session for a staff member whose password was just proved."""
    token = secrets.token_urlsafe(32)  # 256 bits
    now = datetime.now(UTC)
    expires_at = now + settings.longest_session
    with db.transaction() as session:
        session.add(
            ServiceSession(
                token_hash=token_hash(token),
                staff_id=actor.staff_id,
                workstation=actor.workstation,
                created_at=now,
                last_seen_at=now,
                expires_at=expires_at,
                locked=False,
            )
        )
    return Opened(token, actor, expires_at)


def current(
    db: Database, settings: ServiceSettings, token: str, *, while_locked: bool = False
) -> Current:
    """The live session of `token`, its last call moved to now; SessionExpired for none,
    SessionLocked for a locked one (unless the call is one a locked screen may make)."""
    now = datetime.now(UTC)
    with db.transaction() as session:
        row = session.execute(
            select(ServiceSession).where(ServiceSession.token_hash == token_hash(token))
        ).scalar_one_or_none()
        if row is None or row.ended_at is not None:
            raise SessionExpired()
        # A locked screen waits for its password (until the working day ends): not idle.
        idle_too_long = not row.locked and now - row.last_seen_at > settings.idle
        staff = session.get(Staff, row.staff_id)
        ended = (
            now >= row.expires_at
            or idle_too_long
            or staff is None
            or not staff.active
            or staff.locked
        )
        if ended:
            row.ended_at = now
        else:
            assert staff is not None
            actor = auth.actor_for(staff, row.workstation)
        hashed, locked, row_id = row.token_hash, row.locked, row.id
    if ended:
        raise SessionExpired()
    if locked and not while_locked:
        raise SessionLocked()
    with db.transaction() as session:
        session.execute(
            ServiceSession.__table__.update()
            .where(ServiceSession.id == row_id)
            .values(last_seen_at=now)
        )
    return Current(hashed, actor, locked)


def _set(db: Database, hashed: str, **values: object) -> None:
    with db.transaction() as session:
        session.execute(
            ServiceSession.__table__.update()
            .where(ServiceSession.token_hash == hashed)
            .values(**values)
        )


def lock(db: Database, hashed: str) -> None:
    _set(db, hashed, locked=True)


def unlock(db: Database, hashed: str) -> None:
    _set(db, hashed, locked=False, last_seen_at=datetime.now(UTC))


def end(db: Database, hashed: str) -> None:
    _set(db, hashed, ended_at=datetime.now(UTC))
