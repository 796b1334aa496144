"""The append-only audit trail: each event chained to the one before it by a hash, keyed once
the service holds the chain's key (services/audit_key.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.services.actor import Actor
from counter_app.services.audit_hash import GENESIS_HASH, SWITCH_ACTION, Scheme, digest
from counter_app.services.audit_key import AuditKey
from counter_app.services.audit_verify import Verification, verify, verify_events
from counter_app.services.errors import AuditKeyNeeded
from counter_app.store.models import AuditEvent, AuditHead

if TYPE_CHECKING:
    from counter_app.store.database import Database

__all__ = [
    "GENESIS_HASH",
    "AuditKey",
    "Verification",
    "record",
    "use_key",
    "verify",
    "verify_events",
]

# Where a database's transactions carry the key (Database.session_info → Session.info).
_KEY = "counter_app.audit_key"


def use_key(db: Database, key: AuditKey | None) -> None:
    """Every event `db` records from now on is hashed with `key` (None: unkeyed, which a keyed
    trail refuses). The first one recorded with a key on an unkeyed trail is preceded by the
    switch event, which fixes the algorithm (the key's scheme) for good. For the service at
    start-up; the embedded window, `db upgrade` and `demo seed` need none."""
    if key is None:
        db.session_info.pop(_KEY, None)
    else:
        db.session_info[_KEY] = key


def record(
    session: Session,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: object | None = None,
    from_state: str | None = None,
    to_state: str | None = None,
    detail: str | None = None,
) -> AuditEvent:
    """Append one event inside the caller's transaction (it commits or rolls back with it)."""
    key: AuditKey | None = session.info.get(_KEY)
    # Locking the head row serialises appenders on PostgreSQL; SQLite's BEGIN IMMEDIATE already has.
    locked_head = select(AuditHead).where(AuditHead.id == 1).with_for_update()
    head = session.execute(locked_head).scalar_one()
    last = _scheme_at(session, head)
    if key is None and last.keyed:
        raise AuditKeyNeeded()
    if key is not None and last.keyed:
        # A keyed chain stays with its algorithm, whichever the appender would pick for a switch.
        key = AuditKey(key.secret, last)
    elif key is not None:
        # The switch links to the last unkeyed hash and is itself keyed: only the key's holder
        # can have made it. It names the algorithm, never the key.
        scheme = key.scheme
        switch = (SWITCH_ACTION, "audit_trail", None, last.value, scheme.value, scheme.title)
        _append(session, head, key, Actor.system(), *switch)
    return _append(
        session, head, key, actor, action, object_type, object_id, from_state, to_state, detail
    )


def _scheme_at(session: Session, head: AuditHead) -> Scheme:
    """The scheme of the event the head points at (unkeyed for an empty trail)."""
    if head.seq == 0:
        return Scheme.SHA256
    last = select(AuditEvent.scheme).where(AuditEvent.seq == head.seq)
    return Scheme(session.execute(last).scalar_one())


def _append(
    session: Session,
    head: AuditHead,
    key: AuditKey | None,
    actor: Actor,
    action: str,
    object_type: str,
    object_id: object | None,
    from_state: str | None,
    to_state: str | None,
    detail: str | None,
) -> AuditEvent:
    scheme = Scheme.SHA256 if key is None else key.scheme
    event = AuditEvent(
        seq=head.seq + 1,
        # Microseconds are what every backend keeps, so the hash survives a round trip.
        at=datetime.now(UTC),
        actor=actor.staff_no,
        action=action,
        object_type=object_type,
        object_id=None if object_id is None else str(object_id),
        from_state=from_state,
        to_state=to_state,
        detail=detail,
        workstation=actor.workstation,
        prev_hash=head.hash,
        scheme=scheme.value,
    )
    event.hash = digest(event, scheme, None if key is None else key.secret)
    session.add(event)
    head.seq, head.hash = event.seq, event.hash
    session.flush()
    return event
