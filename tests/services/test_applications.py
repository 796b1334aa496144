"""The lifecycle through the service: roles, four eyes, versions and receipt numbers."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.domain.application import Action, Business, IllegalTransition, Reason, State
from counter_app.domain.person import DocumentType, Sex
from counter_app.domain.roles import Role
from counter_app.services import applications, people
from counter_app.services.actor import Actor
from counter_app.services.errors import (
    FourEyesViolation,
    MissingReason,
    PermissionDenied,
    StaleApplication,
)
from counter_app.store.database import Database
from tests.services.conftest import add_member

OUTLET = "320100001"
DAY = date(2026, 11, 21)


@pytest.fixture
def person_id(db: Database, clerk: Actor) -> int:
    return people.add_person(
        db,
        clerk,
        people.NewPerson(DocumentType.RESIDENT_ID, "11010519491231002x", "测试人", Sex.FEMALE),
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
    assert applications.pending_decisions(db, supervisor) == 1
    approved = act(db, supervisor, submitted, Action.APPROVE)
    assert approved.state is State.APPROVED and approved.version == submitted.version + 1


def test_nobody_approves_their_own_application(
    db: Database, supervisor: Actor, person_id: int
) -> None:
    own = act(db, supervisor, draft(db, supervisor, person_id), Action.SUBMIT)
    assert applications.pending_decisions(db, supervisor) == 0
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
