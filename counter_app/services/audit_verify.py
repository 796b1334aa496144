"""Walking the audit chain: the first event altered, removed, inserted or forged, and how much of
a keyed chain could be checked without its key."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.services.audit_hash import GENESIS_HASH, SWITCH_ACTION, Scheme, digest
from counter_app.store.models import AuditEvent, AuditHead


@dataclass(frozen=True)
class Verification:
    events_checked: int  # in order, linked, and every hash that could be checked matched
    first_bad_seq: int | None = None
    problem: str | None = None
    keyed_from: int | None = None  # the first keyed event (the switch), if any
    keyed_scheme: Scheme | None = None  # the scheme of the last keyed event
    unchecked: int = 0  # keyed events whose hash was not checked: no key was given

    @property
    def intact(self) -> bool:
        """Nothing found wrong; with `unchecked` events, not proof that nothing is."""
        return self.problem is None

    @property
    def complete(self) -> bool:
        return self.intact and self.unchecked == 0


@dataclass
class _Walk:
    seq: int = 1
    prev: str = GENESIS_HASH
    scheme: Scheme = Scheme.SHA256
    keyed_from: int | None = None
    unchecked: int = 0

    def result(self, problem: str | None = None, bad: int | None = None) -> Verification:
        keyed = self.scheme if self.scheme.keyed else None
        return Verification(self.seq - 1, bad, problem, self.keyed_from, keyed, self.unchecked)


def verify_events(
    events: Iterable[AuditEvent], head: AuditHead, secret: bytes | None = None
) -> Verification:
    """Walk the chain in order. Without the key (`secret`), the keyed part's links and order
    are checked but not its hashes: a row forged by someone without the key is found only with
    it."""
    walk = _Walk()
    for event in events:
        problem = _problem(walk, event, secret)
        if problem is not None:
            return walk.result(problem, min(event.seq, walk.seq))
        walk.seq, walk.prev = event.seq + 1, event.hash
    if head.seq != walk.seq - 1 or head.hash != walk.prev:
        problem = f"the trail ends at event {walk.seq - 1} but its head says {head.seq}"
        return walk.result(problem, walk.seq)
    return walk.result()


def _problem(walk: _Walk, event: AuditEvent, secret: bytes | None) -> str | None:
    """What is wrong with `event` where the walk has got to; None when nothing (the walk takes
    note of a switch to a keyed scheme, and of a hash it could not check)."""
    if event.seq != walk.seq:
        return f"event {walk.seq} is missing"
    if event.prev_hash != walk.prev:
        return f"event {event.seq} does not follow its predecessor"
    try:
        scheme = Scheme(event.scheme)
    except ValueError:
        return f"event {event.seq} names an unknown hash scheme {event.scheme!r}"
    if scheme is not walk.scheme:
        if not scheme.keyed:
            return f"event {event.seq} is unkeyed, after the chain was keyed"
        if walk.scheme.keyed:  # the service never changes algorithm once keyed
            return f"event {event.seq} changes the keyed chain's algorithm"
        if event.action != SWITCH_ACTION:
            return f"event {event.seq} changes the hash scheme without a switch event"
        walk.scheme = scheme
        walk.keyed_from = walk.keyed_from or event.seq
    if scheme.keyed and secret is None:
        walk.unchecked += 1
    elif digest(event, scheme, secret) != event.hash:
        forged = " or forged without the key" if scheme.keyed else ""
        return f"event {event.seq} was altered{forged}"
    return None


def verify(session: Session, secret: bytes | None = None) -> Verification:
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    ordered = select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=1000)
    events = session.execute(ordered).scalars()
    return verify_events(events, head, secret)
