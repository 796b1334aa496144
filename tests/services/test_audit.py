"""The hash chain notices an altered, removed, inserted or truncated event."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import delete, func, select, update

from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.services.audit_hash import Scheme, digest
from counter_app.store.database import Database
from counter_app.store.models import AuditEvent, AuditHead
from tests.services.conftest import remove_audit_guard


def append(db: Database, count: int) -> None:
    for number in range(count):
        with db.transaction() as session:
            audit.record(session, Actor.system(), "test", "thing", number, "a", "b", f"n{number}")


def tamperable(db: Database, count: int) -> None:
    """`count` events, then the guard removed: the chain must still name what is done next."""
    append(db, count)
    remove_audit_guard(db)


def verify(db: Database) -> audit.Verification:
    with db.transaction() as session:
        return audit.verify(session)


def test_intact_trail_verifies(db: Database) -> None:
    append(db, 5)
    result = verify(db)
    assert result.intact and result.events_checked == 5


@pytest.mark.parametrize("column", ["actor", "detail", "to_state", "workstation"])
def test_altered_event_is_named(db: Database, column: str) -> None:
    tamperable(db, 5)
    with db.transaction() as session:
        session.execute(update(AuditEvent).where(AuditEvent.seq == 3).values({column: "forged"}))
    result = verify(db)
    assert not result.intact
    assert result.first_bad_seq == 3


def test_removed_event_is_named(db: Database) -> None:
    tamperable(db, 5)
    with db.transaction() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.seq == 2))
    result = verify(db)
    assert (result.intact, result.first_bad_seq) == (False, 2)


def test_cut_off_tail_is_noticed(db: Database) -> None:
    tamperable(db, 5)
    with db.transaction() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.seq == 5))
    result = verify(db)
    assert (result.intact, result.first_bad_seq) == (False, 5)


def test_rehashed_forgery_still_breaks_the_link_to_the_next_event(db: Database) -> None:
    tamperable(db, 4)
    with db.transaction() as session:
        event = session.get(AuditEvent, 2)
        assert event is not None
        event.detail = "forged"
        event.hash = digest(event, Scheme.SHA256)
    result = verify(db)
    assert (result.intact, result.first_bad_seq) == (False, 3)


def test_a_rolled_back_transaction_leaves_no_event(db: Database) -> None:
    append(db, 1)
    with pytest.raises(RuntimeError), db.transaction() as session:
        audit.record(session, Actor.system(), "test", "thing")
        raise RuntimeError("the use case failed after auditing")
    assert verify(db).events_checked == 1


def test_concurrent_appenders_keep_one_chain(db: Database) -> None:
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            append(db, 10)
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    result = verify(db)
    assert result.intact and result.events_checked == 40
    with db.transaction() as session:
        assert session.execute(select(func.max(AuditEvent.seq))).scalar_one() == 40
        assert session.execute(select(AuditHead.seq)).scalar_one() == 40
