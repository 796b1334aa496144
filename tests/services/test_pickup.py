"""Pickup: finding the application by its receipt, handing over the card, cancelling the old one."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from counter_app.domain.application import Action, Business, Reason, State
from counter_app.domain.card import CardStatus, LossChannel, LossKind
from counter_app.domain.person import DocumentType, InvalidDocumentNumber
from counter_app.domain.roles import Role
from counter_app.domain.rules import LocalityRules
from counter_app.services import applications, losses, pickup
from counter_app.services.actor import Actor
from counter_app.services.applications import ApplicationSummary
from counter_app.services.errors import (
    AlreadyExists,
    NotFound,
    PermissionDenied,
    StaleApplication,
)
from counter_app.services.people import NewCard
from counter_app.store.database import Database
from counter_app.store.models import Application, Card
from tests.services.conftest import add_member
from tests.services.test_losses import (
    DAY,
    HOLDER_ID,
    OUTLET,
    add_card,
    add_holder,
    advance,
    card_number,
    race,
    reissue_draft,
    stored,
    trail,
)

TO_READY = (Action.START_PRODUCTION, Action.MARK_READY)
NEW_CARD = NewCard(card_number(50), "3.00")
AGENT = {
    "kind": "agent",
    "name": " 张伟 ",
    "document_type": "resident_id",
    "document_number": "32010219850312104x",
    "relationship": "配偶",
}


@pytest.fixture
def person_id(db: Database, clerk: Actor) -> int:
    return add_holder(db, clerk)


@pytest.fixture
def old_card_id(db: Database, clerk: Actor, person_id: int) -> int:
    return add_card(db, clerk, person_id, 1)


@pytest.fixture
def approved(
    db: Database, clerk: Actor, supervisor: Actor, person_id: int, old_card_id: int
) -> ApplicationSummary:
    submitted = advance(db, clerk, reissue_draft(db, clerk, person_id, old_card_id), Action.SUBMIT)
    return advance(db, supervisor, submitted, Action.APPROVE)


@pytest.fixture
def ready(db: Database, supervisor: Actor, approved: ApplicationSummary) -> ApplicationSummary:
    return advance(db, supervisor, approved, *TO_READY)


def cards_numbered(db: Database, number: str) -> int:
    with db.transaction() as session:
        query = select(func.count(Card.id)).where(Card.card_number == number)
        return session.execute(query).scalar_one()


def test_the_receipt_finds_the_case_as_typed_or_scanned(
    db: Database, ready: ApplicationSummary, person_id: int, old_card_id: int
) -> None:
    assert ready.receipt_no is not None
    full_width = ready.receipt_no.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    for typed in (f"  {ready.receipt_no}\r\n", f"{ready.receipt_no[:9]} {ready.receipt_no[9:]}"):
        assert pickup.find_for_pickup(db, typed).application_id == ready.id
    case = pickup.find_for_pickup(db, full_width)
    assert (case.application_id, case.version, case.state) == (ready.id, ready.version, State.READY)
    assert (case.business, case.reason, case.receipt_no) == (
        Business.REISSUE,
        Reason.LOST,
        ready.receipt_no,
    )
    assert (case.person_id, case.holder_name, case.holder_sex) == (person_id, "李娜", "2")
    assert (case.document_type, case.document_number) == (DocumentType.RESIDENT_ID, HOLDER_ID)
    assert (case.old_card_id, case.old_card_number) == (old_card_id, card_number(1))
    assert (case.maker_no, case.approved_by_no) == ("0101", "0201")
    assert pickup.is_collectable(case)


def test_an_unknown_receipt_is_not_found(db: Database, ready: ApplicationSummary) -> None:
    for typed in ("320100001202611219999", "   "):
        with pytest.raises(NotFound):
            pickup.find_for_pickup(db, typed)


def test_a_case_not_yet_ready_is_found_but_not_collectable(
    db: Database, clerk: Actor, approved: ApplicationSummary
) -> None:
    assert approved.receipt_no is not None
    case = pickup.find_for_pickup(db, approved.receipt_no)
    assert case.state is State.APPROVED and not pickup.is_collectable(case)
    with pytest.raises(pickup.NotReadyForPickup) as refused:
        pickup.complete_pickup(db, clerk, approved.id, approved.version, NEW_CARD, None)
    assert (refused.value.state, refused.value.receipt_no) == (State.APPROVED, approved.receipt_no)
    assert cards_numbered(db, NEW_CARD.card_number) == 0


def test_pickup_by_the_holder_issues_the_card_and_cancels_the_old_one(
    db: Database, clerk: Actor, ready: ApplicationSummary, person_id: int, old_card_id: int
) -> None:
    card_id = pickup.complete_pickup(db, clerk, ready.id, ready.version, NEW_CARD, None)
    card = stored(db, Card, card_id)
    assert (card.card_number, card.person_id, card.status) == (
        NEW_CARD.card_number,
        person_id,
        CardStatus.ACTIVE,
    )
    with db.transaction() as session:
        application = session.get(Application, ready.id)
        assert application is not None
        assert (application.state, application.new_card_id) == (State.ISSUED, card_id)
        assert application.version == ready.version + 1
        assert application.details == {"collector": None}
    assert stored(db, Card, old_card_id).status is CardStatus.CANCELLED
    assert trail(db, "card", card_id) == [("card_added", None, "active")]
    assert trail(db, "application", ready.id)[-1] == ("issue", "ready", "issued")
    assert trail(db, "card", old_card_id)[-1] == ("card_cancelled", "active", "cancelled")
    assert pickup.find_for_pickup(db, ready.receipt_no or "").state is State.ISSUED


def test_an_agent_is_recorded_with_a_normalised_document(
    db: Database, clerk: Actor, ready: ApplicationSummary
) -> None:
    pickup.complete_pickup(db, clerk, ready.id, ready.version, NEW_CARD, AGENT)
    with db.transaction() as session:
        application = session.get(Application, ready.id)
        assert application is not None
        assert application.details["collector"] == {
            **AGENT,
            "name": "张伟",
            "document_number": "32010219850312104X",
        }


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "neighbour"},
        {"name": "  "},
        {"relationship": None},
        {"document_type": "library_card"},
        {"document_number": None},
    ],
)
def test_incomplete_agent_details_are_refused(
    db: Database, clerk: Actor, ready: ApplicationSummary, change: dict[str, str | None]
) -> None:
    with pytest.raises(pickup.InvalidCollector) as refused:
        pickup.complete_pickup(db, clerk, ready.id, ready.version, NEW_CARD, {**AGENT, **change})
    assert refused.value.field == next(iter(change))
    assert cards_numbered(db, NEW_CARD.card_number) == 0


def test_an_invalid_agent_document_number_is_refused(
    db: Database, clerk: Actor, ready: ApplicationSummary
) -> None:
    collector = {**AGENT, "document_number": "320102198503121041"}
    with pytest.raises(InvalidDocumentNumber):
        pickup.complete_pickup(db, clerk, ready.id, ready.version, NEW_CARD, collector)


def test_a_stale_version_is_refused_and_changes_nothing(
    db: Database, clerk: Actor, ready: ApplicationSummary, old_card_id: int
) -> None:
    with pytest.raises(StaleApplication):
        pickup.complete_pickup(db, clerk, ready.id, ready.version - 1, NEW_CARD, None)
    pickup.complete_pickup(db, clerk, ready.id, ready.version, NEW_CARD, None)
    second = NewCard(card_number(51), "3.00")
    with pytest.raises(StaleApplication):
        pickup.complete_pickup(db, clerk, ready.id, ready.version, second, None)
    assert cards_numbered(db, second.card_number) == 0


def test_two_counters_handing_over_at_once_issue_one_card(
    db: Database, clerk: Actor, supervisor: Actor, ready: ApplicationSummary
) -> None:
    cards = [NewCard(card_number(serial), "3.00") for serial in (51, 52)]
    outcomes = race(
        *(
            lambda actor=actor, card=card: pickup.complete_pickup(
                db, actor, ready.id, ready.version, card, None
            )
            for actor, card in zip((clerk, supervisor), cards, strict=True)
        )
    )
    assert sorted(type(outcome).__name__ for outcome in outcomes) == [
        "NoneType",
        "StaleApplication",
    ]
    assert sum(cards_numbered(db, card.card_number) for card in cards) == 1
    assert [a for a, _, _ in trail(db, "application", ready.id)].count("issue") == 1


def test_a_known_card_number_is_refused(
    db: Database, clerk: Actor, ready: ApplicationSummary, person_id: int, old_card_id: int
) -> None:
    with pytest.raises(AlreadyExists):
        pickup.complete_pickup(
            db, clerk, ready.id, ready.version, NewCard(card_number(1), "3.00"), None
        )
    assert pickup.find_for_pickup(db, ready.receipt_no or "").state is State.READY
    assert stored(db, Card, old_card_id).status is CardStatus.ACTIVE


def test_a_formally_lost_old_card_is_cancelled(
    db: Database,
    clerk: Actor,
    supervisor: Actor,
    person_id: int,
    old_card_id: int,
    rules: LocalityRules,
) -> None:
    losses.report_loss(db, clerk, old_card_id, LossKind.FORMAL, LossChannel.COUNTER, rules, DAY)
    submitted = advance(db, clerk, reissue_draft(db, clerk, person_id, old_card_id), Action.SUBMIT)
    ready = advance(db, supervisor, submitted, Action.APPROVE, *TO_READY)
    pickup.complete_pickup(db, clerk, ready.id, ready.version, NEW_CARD, None)
    assert losses.card_standing(db, old_card_id, DAY).status is CardStatus.CANCELLED
    assert trail(db, "card", old_card_id)[-1] == ("card_cancelled", "lost_formal", "cancelled")


def test_an_old_card_already_cancelled_is_left_alone(
    db: Database, clerk: Actor, supervisor: Actor, person_id: int
) -> None:
    old_card_id = add_card(db, clerk, person_id, 2, CardStatus.CANCELLED)
    draft = applications.create_draft(
        db, clerk, Business.REPLACEMENT, Reason.DAMAGED, person_id, OUTLET, old_card_id
    )
    submitted = advance(db, clerk, draft, Action.SUBMIT)
    ready = advance(db, supervisor, submitted, Action.APPROVE, *TO_READY)
    pickup.complete_pickup(db, clerk, ready.id, ready.version, NEW_CARD, None)
    assert [action for action, _, _ in trail(db, "card", old_card_id)] == ["card_added"]


def test_only_staff_taking_applications_hand_out_cards(
    db: Database, ready: ApplicationSummary
) -> None:
    administrator = add_member(db, "0901", Role.ADMINISTRATOR)
    with pytest.raises(PermissionDenied):
        pickup.complete_pickup(db, administrator, ready.id, ready.version, NEW_CARD, None)
    assert cards_numbered(db, NEW_CARD.card_number) == 0
