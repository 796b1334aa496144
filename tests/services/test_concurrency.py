"""Counters and supervisors at the same moment, each a real process with its own connection."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select

from counter_app.domain.application import Action, Business, Reason, State
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Role
from counter_app.services import applications, audit, people
from counter_app.services.actor import Actor
from counter_app.services.applications import ApplicationSummary
from counter_app.services.errors import AlreadyDecided
from counter_app.store.database import Database
from counter_app.store.models import Application, AuditEvent
from tests.services import workers
from tests.services.conftest import add_member

OUTLET = "320100001"
DAY = date(2026, 11, 21)
CLERKS = 20
EACH = 5


def holder(db: Database, clerk: Actor) -> int:
    person = Holder(
        document_type=DocumentType.RESIDENT_ID,
        document_number="11010519491231002X",
        name="测试",
        sex=Sex.FEMALE,
    )
    return people.add_person(db, clerk, person)


def no_crash(results: list[object]) -> None:
    crashed = [result for result in results if isinstance(result, RuntimeError)]
    assert not crashed, crashed[0]


def test_two_supervisors_deciding_at_once_one_stands_the_other_learns_who(
    db: Database, clerk: Actor, supervisor: Actor
) -> None:
    second = add_member(db, "0202", Role.SUPERVISOR, "孙丽")
    draft = applications.create_draft(
        db, clerk, Business.REPLACEMENT, Reason.DAMAGED, holder(db, clerk), OUTLET
    )
    submitted = applications.transition(db, clerk, draft.id, Action.SUBMIT, draft.version)
    results = workers.run_all(
        workers.decide,
        [
            (db.url, supervisor, submitted.id, submitted.version, Action.APPROVE),
            (db.url, second, submitted.id, submitted.version, Action.REJECT),
        ],
    )
    no_crash(results)
    stood = [r for r in results if isinstance(r, ApplicationSummary)]
    refused = [r for r in results if isinstance(r, AlreadyDecided)]
    assert len(stood) == 1 and len(refused) == 1, results
    winner = supervisor if stood[0].state is State.APPROVED else second
    assert (refused[0].staff_no, refused[0].name) == (winner.staff_no, winner.name)
    assert refused[0].state == stood[0].state.value
    assert f"by {winner.name} ({winner.staff_no}) at " in str(refused[0])
    with db.transaction() as session:
        row = session.get(Application, submitted.id)
        assert row is not None
        assert (row.state, row.checker_id) == (stood[0].state, winner.staff_id)
        assert refused[0].at == row.decided_at
        decisions = session.execute(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action.in_(["approve", "reject"]))
        ).scalar_one()
    assert decisions == 1


def test_receipt_numbers_stay_unique_and_gap_free_under_twenty_clerks(db: Database) -> None:
    clerks = [add_member(db, f"{1100 + n}", Role.CLERK, f"柜员{n}") for n in range(CLERKS)]
    person_id = holder(db, clerks[0])
    results = workers.run_all(
        workers.submit_many,
        [
            (db.url, clerk, person_id, OUTLET, DAY, EACH, index % 2 == 0)
            for index, clerk in enumerate(clerks)
        ],
    )
    no_crash(results)
    numbers = [number for per_clerk in results for number in per_clerk]
    expected = {f"{OUTLET}{DAY:%Y%m%d}{n:04d}" for n in range(1, CLERKS * EACH + 1)}
    assert len(numbers) == CLERKS * EACH  # nothing lost
    assert set(numbers) == expected  # no duplicate, no gap
    with db.transaction() as session:
        kept = session.execute(
            select(Application.receipt_no).where(Application.state == State.SUBMITTED)
        ).scalars()
        assert set(kept) == expected
        total = session.execute(select(func.count(Application.id))).scalar_one()
        assert total == CLERKS * EACH  # the retried creates and submissions made nothing new
        assert audit.verify(session).intact


def test_a_double_click_makes_one_draft(db: Database, clerk: Actor) -> None:
    person_id = holder(db, clerk)
    key = str(uuid.uuid4())
    ids = workers.run_all(workers.create_with_key, [(db.url, clerk, person_id, OUTLET, key)] * 4)
    no_crash(ids)
    assert len(set(ids)) == 1
    with db.transaction() as session:
        assert session.execute(select(func.count(Application.id))).scalar_one() == 1
