"""Loss reports and their cancellation: kinds, channels, lapse, reissues, audit."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

import pytest
from sqlalchemy import select

from counter_app.domain.application import Action, Business, Reason
from counter_app.domain.card import CardStatus, LossChannel, LossKind
from counter_app.domain.cardnumber import check_character
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Role
from counter_app.domain.rules import LocalityRules
from counter_app.services import applications, audit, losses, people
from counter_app.services.actor import Actor
from counter_app.services.applications import ApplicationSummary
from counter_app.services.errors import NotFound, PermissionDenied
from counter_app.store.database import Database
from counter_app.store.models import AuditEvent, Card, LossReport
from tests.services.conftest import add_member

OUTLET = "320100001"
DAY = date(2026, 11, 21)
HOLDER_ID = "11010519491231002X"
Row = TypeVar("Row", Card, LossReport)
TEMPORARY, FORMAL = LossKind.TEMPORARY, LossKind.FORMAL
HOTLINE, COUNTER = LossChannel.HOTLINE, LossChannel.COUNTER


def card_number(serial: int) -> str:
    first8 = f"A{serial:07d}"
    return first8 + check_character(first8)


def add_holder(db: Database, clerk: Actor, document_number: str = HOLDER_ID) -> int:
    holder = Holder(
        document_type=DocumentType.RESIDENT_ID,
        document_number=document_number,
        name="李娜",
        sex=Sex.FEMALE,
    )
    return people.add_person(db, clerk, holder)


def add_card(
    db: Database,
    clerk: Actor,
    person_id: int,
    serial: int,
    status: CardStatus = CardStatus.ACTIVE,
) -> int:
    card = people.NewCard(card_number(serial), "3.00", status=status)
    return people.add_card(db, clerk, person_id, card)


def advance(
    db: Database, actor: Actor, summary: ApplicationSummary, *steps: Action, note: str | None = None
) -> ApplicationSummary:
    for step in steps:
        summary = applications.transition(db, actor, summary.id, step, summary.version, note, DAY)
    return summary


def reissue_draft(db: Database, clerk: Actor, person_id: int, card_id: int) -> ApplicationSummary:
    return applications.create_draft(
        db, clerk, Business.REISSUE, Reason.LOST, person_id, OUTLET, old_card_id=card_id
    )


def trail(db: Database, object_type: str, object_id: int) -> list[tuple[str, str | None, str]]:
    """(action, from, to) of the object's events, after checking the whole chain."""
    with db.transaction() as session:
        assert audit.verify(session).intact
        query = (
            select(AuditEvent)
            .where(AuditEvent.object_type == object_type, AuditEvent.object_id == str(object_id))
            .order_by(AuditEvent.seq)
        )
        return [(e.action, e.from_state, e.to_state) for e in session.scalars(query)]


def stored(db: Database, model: type[Row], row_id: int) -> Row:
    with db.transaction() as session:
        row = session.get(model, row_id)
        assert row is not None
        return row


def race(*calls: Callable[[], object]) -> list[BaseException | None]:
    """Run the calls at the same moment, one thread each; what each raised, or None."""
    start = threading.Barrier(len(calls))
    outcomes: list[BaseException | None] = [None] * len(calls)

    def run(index: int) -> None:
        start.wait()
        try:
            calls[index]()
        except BaseException as error:  # reported to the test, not lost in the thread
            outcomes[index] = error

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.fixture
def person_id(db: Database, clerk: Actor) -> int:
    return add_holder(db, clerk)


@pytest.fixture
def card_id(db: Database, clerk: Actor, person_id: int) -> int:
    return add_card(db, clerk, person_id, 1)


def report(
    db: Database,
    clerk: Actor,
    card_id: int,
    rules: LocalityRules,
    kind: LossKind,
    channel: LossChannel = COUNTER,
    today: date = DAY,
) -> int:
    return losses.report_loss(db, clerk, card_id, kind, channel, rules, today)


def test_a_hotline_report_is_temporary_and_lapses_by_the_rules(
    db: Database, clerk: Actor, card_id: int, rules: LocalityRules
) -> None:
    report_id = report(db, clerk, card_id, rules, TEMPORARY, HOTLINE)
    standing = losses.card_standing(db, card_id, DAY)
    expires = DAY + timedelta(days=rules.temporary_loss_validity_days)
    assert standing.status is CardStatus.LOST_TEMPORARY
    assert (standing.loss_kind, standing.loss_channel) == (TEMPORARY, HOTLINE)
    assert (standing.loss_report_id, standing.expires_on) == (report_id, expires)
    assert standing.reported_at is not None and not standing.reissue_under_way
    assert stored(db, LossReport, report_id).staff_id == clerk.staff_id
    assert trail(db, "card", card_id)[-1] == ("loss_reported", "active", "lost_temporary")


def test_a_temporary_loss_holds_through_its_last_day_and_then_lapses(
    db: Database, clerk: Actor, card_id: int, rules: LocalityRules
) -> None:
    report(db, clerk, card_id, rules, TEMPORARY, HOTLINE)
    last_day = DAY + timedelta(days=rules.temporary_loss_validity_days)
    assert losses.card_standing(db, card_id, last_day).status is CardStatus.LOST_TEMPORARY
    after = last_day + timedelta(days=1)
    lapsed = losses.card_standing(db, card_id, after)
    assert lapsed.status is CardStatus.ACTIVE
    assert (lapsed.loss_kind, lapsed.loss_report_id, lapsed.expires_on) == (None, None, None)
    with pytest.raises(losses.NotLost):
        losses.cancel_loss(db, clerk, card_id, after)
    # A lapsed report no longer stands in the way of a new one.
    again = report(db, clerk, card_id, rules, TEMPORARY, COUNTER, today=after)
    assert losses.card_standing(db, card_id, after).loss_report_id == again


def test_a_hotline_report_counts_from_the_day_the_hotline_took_it(
    db: Database, clerk: Actor, card_id: int, rules: LocalityRules
) -> None:
    called = DAY - timedelta(days=2)
    losses.report_loss(db, clerk, card_id, TEMPORARY, HOTLINE, rules, DAY, reported_on=called)
    expected = called + timedelta(days=rules.temporary_loss_validity_days)
    assert losses.card_standing(db, card_id, DAY).expires_on == expected


@pytest.mark.parametrize("days_ago", [-1, 100])
def test_a_hotline_report_from_the_future_or_long_lapsed_is_refused(
    db: Database, clerk: Actor, card_id: int, rules: LocalityRules, days_ago: int
) -> None:
    called = DAY - timedelta(days=days_ago)
    with pytest.raises(losses.ImpossibleReportDate) as refused:
        losses.report_loss(db, clerk, card_id, TEMPORARY, HOTLINE, rules, DAY, reported_on=called)
    assert refused.value.reported_on == called
    assert (refused.value.lapsed_on is None) == (days_ago < 0)
    assert losses.card_standing(db, card_id, DAY).status is CardStatus.ACTIVE


def test_the_hotline_takes_no_formal_report(
    db: Database, clerk: Actor, card_id: int, rules: LocalityRules
) -> None:
    with pytest.raises(losses.FormalLossAtCounterOnly):
        report(db, clerk, card_id, rules, FORMAL, HOTLINE)
    assert losses.card_standing(db, card_id, DAY).status is CardStatus.ACTIVE


def test_a_formal_report_replaces_a_live_temporary_one(
    db: Database, clerk: Actor, card_id: int, rules: LocalityRules
) -> None:
    temporary_id = report(db, clerk, card_id, rules, TEMPORARY, HOTLINE)
    formal_id = report(db, clerk, card_id, rules, FORMAL)
    closed = stored(db, LossReport, temporary_id)
    assert closed.cancelled_at is not None and closed.cancelled_by_id == clerk.staff_id
    standing = losses.card_standing(db, card_id, DAY)
    assert (standing.status, standing.loss_kind) == (CardStatus.LOST_FORMAL, FORMAL)
    assert (standing.loss_report_id, standing.expires_on) == (formal_id, None)
    assert stored(db, Card, card_id).status is CardStatus.LOST_FORMAL
    assert trail(db, "card", card_id)[-3:] == [
        ("loss_reported", "active", "lost_temporary"),
        ("loss_report_replaced", "lost_temporary", "lost_formal"),
        ("loss_reported", "lost_temporary", "lost_formal"),
    ]


@pytest.mark.parametrize(
    ("first", "second"), [(TEMPORARY, TEMPORARY), (FORMAL, FORMAL), (FORMAL, TEMPORARY)]
)
def test_a_report_that_cannot_stand_beside_the_live_one_is_refused(
    db: Database,
    clerk: Actor,
    card_id: int,
    rules: LocalityRules,
    first: LossKind,
    second: LossKind,
) -> None:
    first_id = report(db, clerk, card_id, rules, first)
    with pytest.raises(losses.AlreadyLost) as refused:
        report(db, clerk, card_id, rules, second)
    assert refused.value.kind is first
    assert losses.card_standing(db, card_id, DAY).loss_report_id == first_id
    assert [a for a, _, _ in trail(db, "card", card_id)].count("loss_reported") == 1


def test_two_counters_reporting_at_once_make_one_report(
    db: Database, clerk: Actor, supervisor: Actor, card_id: int, rules: LocalityRules
) -> None:
    outcomes = race(
        lambda: report(db, clerk, card_id, rules, FORMAL),
        lambda: report(db, supervisor, card_id, rules, FORMAL),
    )
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["AlreadyLost", "NoneType"]
    assert [a for a, _, _ in trail(db, "card", card_id)].count("loss_reported") == 1


def test_a_cancelled_card_cannot_be_reported_or_cancelled(
    db: Database, clerk: Actor, person_id: int, rules: LocalityRules
) -> None:
    card_id = add_card(db, clerk, person_id, 2, CardStatus.CANCELLED)
    with pytest.raises(losses.CardCancelled) as refused:
        report(db, clerk, card_id, rules, FORMAL)
    assert refused.value.card_number == card_number(2)
    with pytest.raises(losses.CardCancelled):
        losses.cancel_loss(db, clerk, card_id, DAY)


@pytest.mark.parametrize("kind", [TEMPORARY, FORMAL])
def test_a_card_waiting_for_pickup_cannot_be_reported_lost(
    db: Database, clerk: Actor, person_id: int, rules: LocalityRules, kind: LossKind
) -> None:
    card_id = add_card(db, clerk, person_id, 3, CardStatus.PENDING_PICKUP)
    with pytest.raises(losses.NotCollected) as refused:
        report(db, clerk, card_id, rules, kind)
    assert refused.value.card_number == card_number(3)
    # Nothing was recorded: the card still waits, and no cancellation could make it active.
    assert stored(db, Card, card_id).status is CardStatus.PENDING_PICKUP
    assert losses.card_standing(db, card_id, DAY).loss_report_id is None


@pytest.mark.parametrize("kind", [TEMPORARY, FORMAL])
def test_cancelling_a_loss_makes_the_card_active_again(
    db: Database, clerk: Actor, card_id: int, rules: LocalityRules, kind: LossKind
) -> None:
    report_id = report(db, clerk, card_id, rules, kind)
    losses.cancel_loss(db, clerk, card_id, DAY)
    cancelled = stored(db, LossReport, report_id)
    assert cancelled.cancelled_at is not None and cancelled.cancelled_by_id == clerk.staff_id
    standing = losses.card_standing(db, card_id, DAY)
    assert (standing.status, standing.loss_report_id) == (CardStatus.ACTIVE, None)
    assert stored(db, Card, card_id).status is CardStatus.ACTIVE
    assert trail(db, "card", card_id)[-1] == ("loss_cancelled", f"lost_{kind}", "active")


def test_a_card_without_a_loss_cannot_be_cancelled(
    db: Database, clerk: Actor, card_id: int
) -> None:
    with pytest.raises(losses.NotLost) as refused:
        losses.cancel_loss(db, clerk, card_id, DAY)
    assert refused.value.card_number == card_number(1)


def test_a_formal_loss_stays_while_a_reissue_is_under_way(
    db: Database, clerk: Actor, person_id: int, card_id: int, rules: LocalityRules
) -> None:
    report(db, clerk, card_id, rules, FORMAL)
    draft = reissue_draft(db, clerk, person_id, card_id)
    standing = losses.card_standing(db, card_id, DAY)
    assert standing.reissue_under_way and standing.reissue_application_id == draft.id
    with pytest.raises(losses.ReissueUnderWay) as refused:
        losses.cancel_loss(db, clerk, card_id, DAY)
    assert (refused.value.application_id, refused.value.receipt_no) == (draft.id, None)
    submitted = advance(db, clerk, draft, Action.SUBMIT)
    with pytest.raises(losses.ReissueUnderWay) as refused:
        losses.cancel_loss(db, clerk, card_id, DAY)
    assert refused.value.receipt_no == submitted.receipt_no is not None
    assert losses.card_standing(db, card_id, DAY).reissue_receipt_no == submitted.receipt_no
    assert losses.card_standing(db, card_id, DAY).status is CardStatus.LOST_FORMAL


@pytest.mark.parametrize("ending", [Action.CANCEL, Action.REJECT])
def test_a_reissue_that_ended_without_a_card_releases_the_formal_loss(
    db: Database,
    clerk: Actor,
    supervisor: Actor,
    person_id: int,
    card_id: int,
    rules: LocalityRules,
    ending: Action,
) -> None:
    report(db, clerk, card_id, rules, FORMAL)
    submitted = advance(db, clerk, reissue_draft(db, clerk, person_id, card_id), Action.SUBMIT)
    advance(db, supervisor, submitted, ending, note="客户不再补卡")
    standing = losses.card_standing(db, card_id, DAY)
    assert not standing.reissue_under_way
    assert (standing.reissue_application_id, standing.reissue_receipt_no) == (None, None)
    losses.cancel_loss(db, clerk, card_id, DAY)
    assert losses.card_standing(db, card_id, DAY).status is CardStatus.ACTIVE


def test_a_temporary_loss_can_be_cancelled_even_during_a_reissue(
    db: Database, clerk: Actor, person_id: int, card_id: int, rules: LocalityRules
) -> None:
    report(db, clerk, card_id, rules, TEMPORARY, HOTLINE)
    reissue_draft(db, clerk, person_id, card_id)
    losses.cancel_loss(db, clerk, card_id, DAY)
    assert losses.card_standing(db, card_id, DAY).status is CardStatus.ACTIVE


def test_cards_of_lists_newest_first_with_each_standing(
    db: Database, clerk: Actor, person_id: int, card_id: int, rules: LocalityRules
) -> None:
    newer = add_card(db, clerk, person_id, 2)
    other_person = add_holder(db, clerk, "440524188001010014")
    add_card(db, clerk, other_person, 3)
    report(db, clerk, card_id, rules, FORMAL)
    standings = losses.cards_of(db, person_id, DAY)
    assert [s.card_id for s in standings] == [newer, card_id]
    assert [s.status for s in standings] == [CardStatus.ACTIVE, CardStatus.LOST_FORMAL]
    assert standings[1].card_number == card_number(1) and standings[1].spec_version == "3.00"


def test_unknown_people_and_cards_are_not_found(
    db: Database, clerk: Actor, rules: LocalityRules
) -> None:
    with pytest.raises(NotFound):
        losses.cards_of(db, 999, DAY)
    with pytest.raises(NotFound):
        losses.card_standing(db, 999, DAY)
    with pytest.raises(NotFound):
        report(db, clerk, 999, rules, FORMAL)


def test_only_staff_taking_applications_report_or_cancel(
    db: Database, clerk: Actor, card_id: int, rules: LocalityRules
) -> None:
    administrator = add_member(db, "0901", Role.ADMINISTRATOR)
    with pytest.raises(PermissionDenied):
        report(db, administrator, card_id, rules, FORMAL)
    report(db, clerk, card_id, rules, FORMAL)
    with pytest.raises(PermissionDenied):
        losses.cancel_loss(db, administrator, card_id, DAY)
    assert losses.card_standing(db, card_id, DAY).status is CardStatus.LOST_FORMAL
