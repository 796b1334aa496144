"""The append-only audit trail: each event chained to the one before it by a hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.services.actor import Actor
from counter_app.store.models import AuditEvent, AuditHead

GENESIS_HASH = "0" * 64


def _digest(event: AuditEvent) -> str:
    fields = [
        event.seq,
        event.at.astimezone(UTC).isoformat(timespec="microseconds"),
        event.actor,
        event.action,
        event.object_type,
        event.object_id,
        event.from_state,
        event.to_state,
        event.detail,
        event.workstation,
        event.prev_hash,
    ]
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


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
    # Locking the head row serialises appenders on PostgreSQL; SQLite's BEGIN IMMEDIATE already has.
    locked_head = select(AuditHead).where(AuditHead.id == 1).with_for_update()
    head = session.execute(locked_head).scalar_one()
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
    )
    event.hash = _digest(event)
    session.add(event)
    head.seq, head.hash = event.seq, event.hash
    session.flush()
    return event


@dataclass(frozen=True)
class Verification:
    events_checked: int
    first_bad_seq: int | None = None
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None


def verify_events(events: Iterable[AuditEvent], head: AuditHead) -> Verification:
    """Walk the chain in order; name the first event that was altered, removed or inserted."""
    expected_seq, expected_prev, checked = 1, GENESIS_HASH, 0
    for event in events:
        if event.seq != expected_seq:
            return Verification(checked, expected_seq, f"event {expected_seq} is missing")
        if event.prev_hash != expected_prev:
            problem = f"event {event.seq} does not follow its predecessor"
            return Verification(checked, event.seq, problem)
        if _digest(event) != event.hash:
            return Verification(checked, event.seq, f"event {event.seq} was altered")
        expected_seq, expected_prev, checked = event.seq + 1, event.hash, checked + 1
    if head.seq != checked or head.hash != expected_prev:
        problem = f"the trail ends at event {checked} but its head says {head.seq}"
        return Verification(checked, checked + 1, problem)
    return Verification(checked)


def verify(session: Session) -> Verification:
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    ordered = select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=1000)
    events = session.execute(ordered).scalars()
    return verify_events(events, head)
