"""Finding a returning customer by ID, card or receipt number or by name, and opening their file:
numbers masked, counter roles only, every search and file audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from counter_app.domain.application import Action, Business, Reason, State
from counter_app.domain.card import CardStatus, LossChannel, LossKind
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Role
from counter_app.services import applications, people, search
from counter_app.services.actor import Actor
from counter_app.services.errors import NotFound, PermissionDenied
from counter_app.services.search import (
    LossStanding,
    QueryKind,
    find_people,
    person_file,
    read_query,
)
from counter_app.store.database import Database
from counter_app.store.models import AuditEvent, LossReport
from tests.services.conftest import add_member

OUTLET = "320100001"
XIAOMING_ID = "320102198001020011"
XIAOMING_PHONE = "13800001234"
NEW_CARD = "A12345674"
LOST_CARD = "B76543212"
XIAOHONG_ID = "320102199003150025"
HOTLINE_CARD = "E12345673"
LAPSES_AFTER = date(2026, 3, 8)
FIRST_GENERATION = "110105491231002"  # became 11010519491231002X


@dataclass(frozen=True)
class Customers:
    xiaoming: int
    xiaohong: int
    xiaowang: int
    laozhang: int
    smith: int
    mueller: int
    receipt_no: str
    submitted: int
    draft: int
    rejected: int


def add(
    db: Database,
    clerk: Actor,
    name: str,
    number: str,
    sex: Sex,
    document: DocumentType = DocumentType.RESIDENT_ID,
    phone: str | None = None,
) -> int:
    return people.add_person(
        db,
        clerk,
        Holder(
            document_type=document,
            document_number=number,
            name=name,
            sex=sex,
            birth_date=date(1980, 1, 2),
            phone=phone,
        ),
    )


def seed_customers(db: Database, clerk: Actor, supervisor: Actor) -> Customers:
    """王小明 with two cards, two loss reports and three applications, and five others."""
    xiaoming = add(db, clerk, "王小明", XIAOMING_ID, Sex.MALE, phone=XIAOMING_PHONE)
    lost = people.add_card(
        db, clerk, xiaoming, people.NewCard(LOST_CARD, "2.00", status=CardStatus.LOST_FORMAL)
    )
    people.add_card(
        db, clerk, xiaoming, people.NewCard(NEW_CARD, "3.00", expiry_date=date(2033, 1, 1))
    )
    with db.transaction() as session:
        session.add_all(
            [
                LossReport(
                    card_id=lost,
                    kind=LossKind.TEMPORARY,
                    channel=LossChannel.HOTLINE,
                    reported_at=datetime(2026, 3, 1, 9, tzinfo=UTC),
                    expires_on=date(2026, 3, 8),
                    cancelled_at=datetime(2026, 3, 2, 10, tzinfo=UTC),
                ),
                LossReport(
                    card_id=lost,
                    kind=LossKind.FORMAL,
                    channel=LossChannel.COUNTER,
                    reported_at=datetime(2026, 3, 5, 9, tzinfo=UTC),
                    staff_id=clerk.staff_id,
                ),
            ]
        )

    def draft(reason: Reason) -> applications.ApplicationSummary:
        return applications.create_draft(db, clerk, Business.REPLACEMENT, reason, xiaoming, OUTLET)

    submitted = draft(Reason.DAMAGED)
    submitted = applications.transition(db, clerk, submitted.id, Action.SUBMIT, submitted.version)
    rejected = draft(Reason.EXPIRED)
    rejected = applications.transition(db, clerk, rejected.id, Action.SUBMIT, rejected.version)
    rejected = applications.transition(
        db, supervisor, rejected.id, Action.REJECT, rejected.version, "照片不清晰"
    )
    open_draft = draft(Reason.UPGRADE)
    assert submitted.receipt_no is not None
    return Customers(
        xiaoming=xiaoming,
        xiaohong=_with_temporary_loss(db, clerk, add(db, clerk, "王小红", XIAOHONG_ID, Sex.FEMALE)),
        xiaowang=add(db, clerk, "小王", "440306197511200038", Sex.MALE),
        laozhang=add(db, clerk, "老张", "11010519491231002X", Sex.FEMALE),
        smith=add(db, clerk, "SMITH JOHN", "P1234567", Sex.MALE, DocumentType.PASSPORT),
        # A passport number that has a card number's shape.
        mueller=add(db, clerk, "MÜLLER ANNA", "G12345678", Sex.FEMALE, DocumentType.PASSPORT),
        receipt_no=submitted.receipt_no,
        submitted=submitted.id,
        draft=open_draft.id,
        rejected=rejected.id,
    )


@pytest.fixture
def customers(db: Database, clerk: Actor, supervisor: Actor) -> Customers:
    return seed_customers(db, clerk, supervisor)


def _with_temporary_loss(db: Database, clerk: Actor, person_id: int) -> int:
    """A card reported lost by phone, the report good until 2026-03-08 (uncancelled)."""
    card = people.add_card(
        db, clerk, person_id, people.NewCard(HOTLINE_CARD, "2.00", status=CardStatus.LOST_TEMPORARY)
    )
    with db.transaction() as session:
        session.add(
            LossReport(
                card_id=card,
                kind=LossKind.TEMPORARY,
                channel=LossChannel.HOTLINE,
                reported_at=datetime(2026, 3, 1, 9, tzinfo=UTC),
                expires_on=LAPSES_AFTER,
            )
        )
    return person_id


def found(db: Database, actor: Actor, text: str, limit: int = 20) -> list[int]:
    return [hit.person_id for hit in find_people(db, actor, text, limit)]


def last_event(db: Database) -> AuditEvent:
    with db.transaction() as session:
        return session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc())).scalars().first()


# --- what the text is taken for ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind", "normalised", "shown"),
    [
        ("11010519491231002x", QueryKind.ID_NUMBER, "11010519491231002X", "110105********002X"),
        (" 3201 0219 8001 0200 11 ", QueryKind.ID_NUMBER, XIAOMING_ID, "320102********0011"),
        (FIRST_GENERATION, QueryKind.ID_NUMBER, FIRST_GENERATION, "11***********02"),
        ("a12345674", QueryKind.CARD_NUMBER, NEW_CARD, "A12****74"),
        ("320100001202611210007", QueryKind.RECEIPT_NO, "320100001202611210007", None),
        ("p1234567", QueryKind.DOCUMENT_NUMBER, "P1234567", "P1****67"),
        # Not a real day before the counter: no receipt, only a number of some document.
        ("320100001202613450007", QueryKind.DOCUMENT_NUMBER, "320100001202613450007", None),
        ("  王  小明 ", QueryKind.NAME, "王 小明", "王 小明"),
        ("Smith", QueryKind.NAME, "Smith", "Smith"),
    ],
)
def test_the_text_says_what_it_is(
    text: str, kind: QueryKind, normalised: str, shown: str | None
) -> None:
    query = read_query(text)
    assert (query.kind, query.text) == (kind, normalised)
    if shown is not None:
        assert query.shown == shown


# --- each kind of search -----------------------------------------------------------------------
def test_an_id_number_finds_its_holder_masked(
    db: Database, clerk: Actor, customers: Customers
) -> None:
    (hit,) = find_people(db, clerk, XIAOMING_ID)
    assert hit == search.PersonHit(
        customers.xiaoming,
        Holder(
            name="王小明",
            document_type=DocumentType.RESIDENT_ID,
            document_number="320102********0011",
            sex=Sex.MALE,
            birth_date=date(1980, 1, 2),
        ),
    )
    assert found(db, clerk, "320102198001020012") == []  # exact: one character off is nobody


def test_a_first_generation_number_finds_the_upgraded_one(
    db: Database, clerk: Actor, customers: Customers
) -> None:
    assert found(db, clerk, FIRST_GENERATION) == [customers.laozhang]
    assert found(db, clerk, "11010519491231002x") == [customers.laozhang]


def test_a_card_number_finds_the_holder_of_any_of_their_cards(
    db: Database, clerk: Actor, customers: Customers
) -> None:
    assert found(db, clerk, NEW_CARD.lower()) == [customers.xiaoming]
    assert found(db, clerk, LOST_CARD) == [customers.xiaoming]
    assert found(db, clerk, "G12345678") == [customers.mueller]  # the passport
    assert found(db, clerk, "C00000016") == []


def test_a_receipt_number_finds_the_applicant(
    db: Database, clerk: Actor, customers: Customers
) -> None:
    assert found(db, clerk, customers.receipt_no) == [customers.xiaoming]
    assert found(db, clerk, customers.receipt_no[:-1] + "9") == []


def test_another_document_number_finds_its_holder(
    db: Database, clerk: Actor, customers: Customers
) -> None:
    assert found(db, clerk, "p1234567") == [customers.smith]
    (hit,) = find_people(db, clerk, "P1234567")
    assert hit.holder.document_number == "P1****67"
    assert hit.holder.document_type is DocumentType.PASSPORT


def test_a_name_matches_at_the_start_first_then_anywhere_ignoring_case(
    db: Database, clerk: Actor, customers: Customers
) -> None:
    hits = found(db, clerk, "王")
    assert set(hits[:2]) == {customers.xiaoming, customers.xiaohong}
    assert hits[2:] == [customers.xiaowang]
    assert found(db, clerk, "小明") == [customers.xiaoming]
    assert found(db, clerk, "smith") == [customers.smith]
    assert found(db, clerk, "john") == [customers.smith]
    assert len(found(db, clerk, "王", limit=2)) == 2


@pytest.mark.parametrize("wildcard", ["%", "_", "王%"])
def test_like_wildcards_in_a_name_are_plain_characters(
    db: Database, clerk: Actor, customers: Customers, wildcard: str
) -> None:
    assert found(db, clerk, wildcard) == []


def test_a_blank_search_finds_nobody_and_records_nothing(db: Database, clerk: Actor) -> None:
    before = last_event(db).seq
    assert found(db, clerk, "   ") == []
    assert last_event(db).seq == before


# --- the person's file -------------------------------------------------------------------------
def test_the_file_lists_cards_applications_and_loss_reports_masked(
    db: Database, clerk: Actor, customers: Customers
) -> None:
    opened = person_file(db, clerk, customers.xiaoming)
    assert opened.holder.name == "王小明" and opened.holder.document_number == "320102********0011"
    assert opened.phone == "*******1234"
    assert [(c.card_number, c.spec_version, c.status, c.expiry_date) for c in opened.cards] == [
        ("A12****74", "3.00", CardStatus.ACTIVE, date(2033, 1, 1)),
        ("B76****12", "2.00", CardStatus.LOST_FORMAL, None),
    ]
    assert [(a.application_id, a.state, a.maker_no) for a in opened.applications] == [
        (customers.draft, State.DRAFT, "0101"),
        (customers.rejected, State.REJECTED, "0101"),
        (customers.submitted, State.SUBMITTED, "0101"),
    ]
    submitted = opened.applications[2]
    assert submitted.business is Business.REPLACEMENT and submitted.reason is Reason.DAMAGED
    assert submitted.receipt_no == customers.receipt_no and submitted.submitted_at is not None
    assert opened.applications[0].receipt_no is None
    assert [
        (r.kind, r.channel, r.expires_on, r.cancelled_at, r.standing) for r in opened.loss_reports
    ] == [
        (LossKind.FORMAL, LossChannel.COUNTER, None, None, LossStanding.IN_FORCE),
        (
            LossKind.TEMPORARY,
            LossChannel.HOTLINE,
            date(2026, 3, 8),
            datetime(2026, 3, 2, 10, tzinfo=UTC),
            LossStanding.CANCELLED,
        ),
    ]
    assert {r.card_number for r in opened.loss_reports} == {"B76****12"}
    everything = repr(opened)
    for full in (XIAOMING_ID, NEW_CARD, LOST_CARD, XIAOMING_PHONE):
        assert full not in everything


def test_a_temporary_loss_holds_through_its_last_day_then_leaves_the_card_in_use(
    db: Database, clerk: Actor, customers: Customers
) -> None:
    def standing(today: date) -> tuple[CardStatus, LossStanding]:
        opened = person_file(db, clerk, customers.xiaohong, today)
        (card,), (report,) = opened.cards, opened.loss_reports
        assert card.card_number == report.card_number == "E12****73"
        return card.status, report.standing

    assert standing(LAPSES_AFTER) == (CardStatus.LOST_TEMPORARY, LossStanding.IN_FORCE)
    assert standing(date(2026, 3, 9)) == (CardStatus.ACTIVE, LossStanding.LAPSED)


def test_only_the_maker_may_resume_their_draft_or_rejected_application(
    db: Database, clerk: Actor, supervisor: Actor, customers: Customers
) -> None:
    def resumable(actor: Actor) -> set[int]:
        lines = person_file(db, actor, customers.xiaoming).applications
        return {line.application_id for line in lines if line.resumable}

    assert resumable(clerk) == {customers.draft, customers.rejected}
    assert resumable(add_member(db, "0102", Role.CLERK, "刘强")) == set()
    assert resumable(supervisor) == set()


def test_a_person_nobody_has_is_not_found(db: Database, clerk: Actor) -> None:
    with pytest.raises(NotFound):
        person_file(db, clerk, 4711)


# --- permissions and the audit trail -----------------------------------------------------------
def test_only_counter_roles_may_search(db: Database, customers: Customers) -> None:
    administrator = add_member(db, "0001", Role.ADMINISTRATOR, "管理员")
    before = last_event(db).seq
    with pytest.raises(PermissionDenied):
        find_people(db, administrator, "王")
    with pytest.raises(PermissionDenied):
        person_file(db, administrator, customers.xiaoming)
    assert last_event(db).seq == before


def test_a_supervisor_may_search(db: Database, supervisor: Actor, customers: Customers) -> None:
    assert found(db, supervisor, XIAOMING_ID) == [customers.xiaoming]


def test_each_search_is_audited_with_its_kind_and_never_the_full_number(
    db: Database, clerk: Actor, customers: Customers
) -> None:
    find_people(db, clerk, XIAOMING_ID)
    event = last_event(db)
    assert (event.action, event.actor, event.object_type) == ("people_searched", "0101", "person")
    assert event.detail == f"id_number 320102********0011: {customers.xiaoming}"
    find_people(db, clerk, NEW_CARD)
    assert last_event(db).detail == f"card_number A12****74: {customers.xiaoming}"
    find_people(db, clerk, "王小")
    first, second = customers.xiaoming, customers.xiaohong  # their order depends on collation
    assert last_event(db).detail in {f"name: {first}, {second}", f"name: {second}, {first}"}
    find_people(db, clerk, "320102199912310000")
    assert last_event(db).detail == "id_number 320102********0000: nobody"
    with db.transaction() as session:
        details = " ".join(e.detail or "" for e in session.execute(select(AuditEvent)).scalars())
    assert XIAOMING_ID not in details and NEW_CARD not in details and "王小" not in details


def test_opening_a_file_is_audited(db: Database, clerk: Actor, customers: Customers) -> None:
    person_file(db, clerk, customers.xiaoming)
    event = last_event(db)
    assert (event.action, event.actor, event.object_type, event.object_id) == (
        "person_file_viewed",
        "0101",
        "person",
        str(customers.xiaoming),
    )
