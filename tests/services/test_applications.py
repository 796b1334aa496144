"""The lifecycle through the service: roles, four eyes, versions and receipt numbers."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from counter_app.domain.application import Action, Business, IllegalTransition, Reason, State
from counter_app.domain.flags import Flag
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Role
from counter_app.services import applications, people, queue
from counter_app.services.actor import Actor
from counter_app.services.errors import (
    AlreadyDecided,
    FourEyesViolation,
    IdempotencyKeyReused,
    MissingReason,
    PermissionDenied,
    StaleApplication,
)
from counter_app.store.database import Database
from counter_app.store.models import Application, AuditEvent
from tests.services.conftest import add_member

OUTLET = "320100001"
DAY = date(2026, 11, 21)


@pytest.fixture
def person_id(db: Database, clerk: Actor) -> int:
    return people.add_person(
        db,
        clerk,
        Holder(
            document_type=DocumentType.RESIDENT_ID,
            document_number="11010519491231002x",
            name="测试人",
            sex=Sex.FEMALE,
        ),
    )


def draft(db: Database, clerk: Actor, person_id: int) -> applications.ApplicationSummary:
    return applications.create_draft(
        db, clerk, Business.REPLACEMENT, Reason.DAMAGED, person_id, OUTLET
    )


def act(db, actor, summary, action, note=None):  # type: ignore[no-untyped-def]
    return applications.transition(db, actor, summary.id, action, summary.version, note, DAY)


def test_submit_and_approve_by_someone_else(
    db: Database, clerk: Actor, supervisor: Actor, person_id: int
) -> None:
    submitted = act(db, clerk, draft(db, clerk, person_id), Action.SUBMIT)
    assert submitted.state is State.SUBMITTED
    assert submitted.receipt_no == f"{OUTLET}202611210001"
    assert queue.decidable_count(db, supervisor, OUTLET) == 1
    assert queue.decidable_count(db, supervisor, "320100002") == 0  # another outlet's
    approved = act(db, supervisor, submitted, Action.APPROVE)
    assert approved.state is State.APPROVED and approved.version == submitted.version + 1


def test_nobody_approves_their_own_application(
    db: Database, supervisor: Actor, person_id: int
) -> None:
    own = act(db, supervisor, draft(db, supervisor, person_id), Action.SUBMIT)
    assert queue.decidable_count(db, supervisor, OUTLET) == 0
    with pytest.raises(FourEyesViolation):
        act(db, supervisor, own, Action.APPROVE)


def test_a_clerk_cannot_decide(db: Database, clerk: Actor, person_id: int) -> None:
    other = add_member(db, "0102", Role.CLERK)
    submitted = act(db, other, draft(db, other, person_id), Action.SUBMIT)
    with pytest.raises(PermissionDenied):
        act(db, clerk, submitted, Action.APPROVE)


def test_rejection_needs_a_reason_and_returns_to_the_clerk(
    db: Database, clerk: Actor, supervisor: Actor, person_id: int
) -> None:
    submitted = act(db, clerk, draft(db, clerk, person_id), Action.SUBMIT)
    with pytest.raises(MissingReason):
        act(db, supervisor, submitted, Action.REJECT, "  ")
    rejected = act(db, supervisor, submitted, Action.REJECT, "照片不清晰")
    assert applications.open_drafts(db, clerk) == 1
    reopened = act(db, clerk, rejected, Action.REOPEN)
    assert reopened.state is State.DRAFT
    resubmitted = act(db, clerk, reopened, Action.SUBMIT)
    assert resubmitted.receipt_no == submitted.receipt_no  # the customer's receipt stays valid


def test_a_stale_version_is_refused(
    db: Database, clerk: Actor, supervisor: Actor, person_id: int
) -> None:
    submitted = act(db, clerk, draft(db, clerk, person_id), Action.SUBMIT)
    second = add_member(db, "0202", Role.SUPERVISOR)
    act(db, supervisor, submitted, Action.APPROVE)
    with pytest.raises(StaleApplication):
        act(db, second, submitted, Action.REJECT, "too late")


def test_unlisted_transitions_are_refused(
    db: Database, clerk: Actor, supervisor: Actor, person_id: int
) -> None:
    summary = draft(db, clerk, person_id)
    with pytest.raises(IllegalTransition):
        act(db, clerk, summary, Action.ISSUE)


def test_receipt_numbers_count_up_per_day(db: Database, clerk: Actor, person_id: int) -> None:
    numbers = [
        act(db, clerk, draft(db, clerk, person_id), Action.SUBMIT).receipt_no for _ in range(3)
    ]
    assert numbers == [f"{OUTLET}20261121{n:04d}" for n in (1, 2, 3)]


def test_reason_must_belong_to_the_business(db: Database, clerk: Actor, person_id: int) -> None:
    with pytest.raises(applications.ReasonNotForBusiness):
        applications.create_draft(db, clerk, Business.REISSUE, Reason.EXPIRED, person_id, OUTLET)


def test_the_second_decision_learns_who_decided_first_and_when(
    db: Database, clerk: Actor, supervisor: Actor, person_id: int
) -> None:
    submitted = act(db, clerk, draft(db, clerk, person_id), Action.SUBMIT)
    second = add_member(db, "0202", Role.SUPERVISOR, "孙丽")
    rejected = act(db, supervisor, submitted, Action.REJECT, "材料不全")
    for late in (submitted, rejected):  # the version seen before, and the current one
        with pytest.raises(AlreadyDecided) as refused:
            act(db, second, late, Action.APPROVE)
        assert (refused.value.staff_no, refused.value.name) == ("0201", "赵敏")
        assert refused.value.state == "rejected"
    with db.transaction() as session:
        row = session.get(Application, submitted.id)
        assert row is not None and refused.value.at == row.decided_at


def test_a_retried_submission_returns_the_first_one(
    db: Database, clerk: Actor, person_id: int
) -> None:
    made = draft(db, clerk, person_id)
    first = act(db, clerk, made, Action.SUBMIT)
    assert first.version == made.version + 1
    retried = act(db, clerk, made, Action.SUBMIT)  # the answer to the first was lost
    assert retried == first
    with db.transaction() as session:
        submissions = session.execute(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "submit")
        ).scalar_one()
    assert submissions == 1


def test_an_idempotency_key_gives_back_the_same_draft_and_only_to_its_clerk(
    db: Database, clerk: Actor, person_id: int
) -> None:
    key = uuid.uuid4()
    create = (db, clerk, Business.REPLACEMENT, Reason.DAMAGED, person_id, OUTLET)
    first = applications.create_draft(*create, idempotency_key=key)
    assert applications.create_draft(*create, idempotency_key=str(key)) == first
    other = add_member(db, "0102", Role.CLERK)
    with pytest.raises(IdempotencyKeyReused):
        applications.create_draft(
            db, other, Business.REPLACEMENT, Reason.DAMAGED, person_id, OUTLET, idempotency_key=key
        )
    with pytest.raises(ValueError):
        applications.create_draft(*create, idempotency_key="not a uuid")
    with db.transaction() as session:
        assert session.execute(select(func.count(Application.id))).scalar_one() == 1


def test_flags_are_taken_from_the_details_at_submission(
    db: Database, clerk: Actor, person_id: int
) -> None:
    made = draft(db, clerk, person_id)
    assert made.flags == frozenset()
    with db.transaction() as session:  # as the draft's steps save them
        row = session.get(Application, made.id)
        assert row is not None
        row.details = {"representative": {"kind": "guardian"}, "fee": {"waiver": "disabled"}}
        version = row.version + 1
    submitted = applications.transition(db, clerk, made.id, Action.SUBMIT, version, today=DAY)
    assert submitted.flags == {Flag.AGENT, Flag.FEE_WAIVED}
    with db.transaction() as session:
        assert session.execute(select(Application.flags)).scalar_one() == 0b0110
