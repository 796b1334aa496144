"""The flows against a real database (SQLite and PostgreSQL): drafts kept at every step, the
holder recorded, losses reported, applications submitted and cards handed over."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from sqlalchemy import select

from counter_app.api.local import LocalCounterApi
from counter_app.domain.application import Action, Business, Reason, State
from counter_app.domain.card import CardStatus
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Role
from counter_app.printing.kinds import DocumentKind
from counter_app.services import applications, corrections, documents, people
from counter_app.services.actor import Actor
from counter_app.services.drafts import TakenByAnotherClerk
from counter_app.services.errors import FourEyesViolation, PermissionDenied
from counter_app.store.database import Database
from counter_app.store.models import Application, Card, Fee, Material
from counter_app.workflows.facts import HolderAnswer
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import StepId
from counter_app.workflows.runner import FlowRunner
from tests.services import conftest as services_conftest
from tests.services.conftest import PASSWORD, add_member
from tests.workflows.conftest import HOLDER_NUMBER, card_no, fill, holder, snapshot

OLD_CARD = card_no("A1234567")
NEW_CARD = card_no("B7654321")


clerk = services_conftest.clerk
supervisor = services_conftest.supervisor


@pytest.fixture
def runner(db: Database, clerk: Actor, rules) -> FlowRunner:  # type: ignore[no-untyped-def]
    return FlowRunner(LocalCounterApi(db, clerk, rules))


def known_holder(db: Database, clerk: Actor, card_status: CardStatus = CardStatus.ACTIVE) -> int:
    person_id = people.add_person(
        db,
        clerk,
        Holder(
            document_type=DocumentType.RESIDENT_ID,
            document_number=HOLDER_NUMBER,
            name="王芳",
            sex=Sex.FEMALE,
            birth_date=date(1949, 12, 31),
        ),
    )
    people.add_card(db, clerk, person_id, people.NewCard(OLD_CARD, "2.00", status=card_status))
    return person_id


def through_holder(runner: FlowRunner, business: Business, reason: str | None) -> Flow:
    flow = runner.start(business)
    if reason is not None:
        fill(flow, reason=reason)
        assert runner.complete(flow)
    holder(flow, phone="13800000000")
    assert runner.complete(flow)
    return flow


def print_form(runner: FlowRunner, flow: Flow) -> None:
    document_id, pdf, reprint = runner.prepare_form(flow)
    assert pdf.startswith(b"%PDF") and reprint == 0
    runner.api.record_print(document_id, "test-job")  # as the printer took it
    runner.form_printed(flow, document_id)
    fill(flow, signed="1")


def test_a_replacement_from_the_first_step_to_the_receipt(runner: FlowRunner, db: Database) -> None:
    flow = through_holder(runner, Business.REPLACEMENT, "damaged")
    assert flow.application_id is not None  # the draft exists from the holder step on
    runner.take_card(flow, snapshot(number=OLD_CARD))
    assert runner.complete(flow)
    fill(flow, **{"material:id_original": "1", "material:old_card": "1"})
    assert runner.complete(flow)
    assert flow.current.id == StepId.FEE
    fill(flow, collected="1")
    assert runner.complete(flow)
    print_form(runner, flow)
    assert runner.complete(flow)
    assert flow.current.id == StepId.SUBMIT
    assert runner.complete(flow) is False
    assert flow.finished and flow.receipt_no

    kept = runner.documents_of(flow)
    assert [k.kind for k in kept] == [DocumentKind.PAYMENT_VOUCHER, DocumentKind.ACCEPTANCE_RECEIPT]
    with db.transaction() as session:
        application = session.get(Application, flow.application_id)
        assert application is not None and application.state is State.SUBMITTED
        assert application.receipt_no == flow.receipt_no
        assert application.details["card_check"]["differences"] == []
        assert application.details["fee"] == {
            "amount": "20.00",
            "waiver": None,
            "waiver_proof": None,
        }
        old = session.get(Card, application.old_card_id)
        assert old is not None and old.card_number == OLD_CARD
        fee = session.execute(select(Fee).where(Fee.application_id == application.id)).scalar_one()
        assert fee.voucher_no == f"{flow.receipt_no}F" and fee.paid_at is not None
        ticked = session.execute(
            select(Material.code).where(
                Material.application_id == application.id, Material.provided
            )
        ).scalars()
        assert set(ticked) == {"id_original", "old_card"}
    forms = [d for d in documents.history(db, application_id=flow.application_id)]
    assert {d.kind for d in forms} >= {DocumentKind.APPLICATION_FORM}


def test_a_draft_resumes_where_it_stopped(runner: FlowRunner, db: Database, clerk: Actor) -> None:
    flow = through_holder(runner, Business.REPLACEMENT, "expired")
    runner.take_card(flow, snapshot(number=OLD_CARD))
    assert runner.complete(flow)
    fill(flow, **{"material:id_original": "1"})  # entered, the step not completed
    resumed = FlowRunner(LocalCounterApi(db, clerk, runner.api.rules)).resume(
        flow.application_id or 0
    )
    assert resumed.current.id == StepId.MATERIALS
    assert resumed.get(StepId.HOLDER, "phone") == "13800000000"
    assert resumed.completed == [StepId.REASON, StepId.HOLDER, StepId.OLD_CARD]


def test_a_returning_customer_fills_the_holder_step(
    runner: FlowRunner, db: Database, clerk: Actor
) -> None:
    known_holder(db, clerk)
    flow = runner.start(Business.LOSS_REPORT)
    fill(flow, document_number=HOLDER_NUMBER.lower())
    recall = runner.find_holder(DocumentType.RESIDENT_ID, HOLDER_NUMBER)
    assert runner.apply_holder(flow, recall)
    assert flow.get(StepId.HOLDER, "name") == "王芳"
    assert [c.card_number for c in flow.context.cards] == [OLD_CARD]
    fill(flow, document_number="440524188001010014")  # typed on: the answer is stale
    assert not runner.apply_holder(flow, recall)


def test_another_clerk_cannot_take_the_same_business_for_the_same_person(
    runner: FlowRunner, db: Database, rules
) -> None:  # type: ignore[no-untyped-def]
    through_holder(runner, Business.REPLACEMENT, "expired")
    other = FlowRunner(LocalCounterApi(db, add_member(db, "0102", Role.CLERK, "刘强"), rules))
    flow = other.start(Business.REPLACEMENT)
    fill(flow, reason="expired")
    other.complete(flow)
    holder(flow)
    with pytest.raises(TakenByAnotherClerk) as taken:
        other.complete(flow)
    assert (taken.value.staff_no, taken.value.staff_name) == ("0101", "王芳")
    assert flow.current.id == StepId.HOLDER  # nothing moved: the clerk is told, nothing lost


def test_a_mismatching_card_is_accepted_only_by_another_supervisor(
    runner: FlowRunner, db: Database, supervisor: Actor, rules
) -> None:  # type: ignore[no-untyped-def]
    flow = through_holder(runner, Business.REPLACEMENT, "expired")
    runner.take_card(flow, snapshot(name="王方", number=OLD_CARD))
    assert flow.problems()[0].detail == "name"
    with pytest.raises(PermissionDenied):
        runner.authorise_override(flow, "0101", PASSWORD, "旧写法")  # a clerk
    accepted = runner.authorise_override(flow, "0201", PASSWORD, "卡面为旧写法")
    assert accepted.staff_no == "0201" and flow.problems() == []
    own = FlowRunner(LocalCounterApi(db, supervisor, rules)).start(Business.REPLACEMENT)
    with pytest.raises(FourEyesViolation):
        FlowRunner(LocalCounterApi(db, supervisor, rules)).authorise_override(
            own, "0201", PASSWORD, "x"
        )


def test_a_reissue_records_the_formal_loss_first(
    runner: FlowRunner, db: Database, clerk: Actor
) -> None:
    known_holder(db, clerk)
    flow = through_holder(runner, Business.REISSUE, None)
    assert flow.current.id == StepId.LOSS
    fill(flow, card=OLD_CARD)
    assert flow.problems()[0].detail == "active"
    runner.record_formal_loss(flow)
    assert flow.problems() == []
    assert runner.complete(flow)
    fill(flow, **{"material:id_original": "1"})
    assert runner.complete(flow)
    fill(flow, collected="1")
    assert runner.complete(flow)
    print_form(runner, flow)
    assert runner.complete(flow)
    assert runner.complete(flow) is False
    with db.transaction() as session:
        application = session.get(Application, flow.application_id)
        assert application is not None and application.state is State.SUBMITTED
        card = session.get(Card, application.old_card_id)
        assert card is not None and card.status is CardStatus.LOST_FORMAL


def test_a_loss_report_is_recorded_with_its_confirmation(
    runner: FlowRunner, db: Database, clerk: Actor
) -> None:
    known_holder(db, clerk)
    flow = through_holder(runner, Business.LOSS_REPORT, None)
    fill(flow, **{"material:id_original": "1"})
    assert runner.complete(flow)
    fill(flow, card=OLD_CARD, action="report_temporary")
    assert runner.complete(flow) is False
    [kept] = runner.documents_of(flow)
    assert kept.kind is DocumentKind.LOSS_REPORT_CONFIRMATION
    pdf, _ = documents.next_print(db, kept.document_id)
    assert pdf.startswith(b"%PDF")
    assert [c.status for c in flow.context.cards] == [CardStatus.ACTIVE]  # as it was asked
    runner.refresh_cards(flow)
    assert [c.status for c in flow.context.cards] == [CardStatus.LOST_TEMPORARY]


def test_pickup_hands_over_the_new_card_and_cancels_the_old(
    runner: FlowRunner, db: Database, clerk: Actor, supervisor: Actor, rules
) -> None:  # type: ignore[no-untyped-def]
    person_id = known_holder(db, clerk)
    with db.transaction() as session:
        old_id = session.execute(select(Card.id).where(Card.card_number == OLD_CARD)).scalar_one()
    summary = applications.create_draft(
        db,
        clerk,
        Business.REPLACEMENT,
        Reason.EXPIRED,
        person_id,
        rules.outlet.code,
        old_card_id=old_id,
    )
    summary = applications.transition(db, clerk, summary.id, Action.SUBMIT, summary.version)
    for action in (Action.APPROVE, Action.START_PRODUCTION, Action.MARK_READY):
        summary = applications.transition(db, supervisor, summary.id, action, summary.version)
    receipt = summary.receipt_no or ""

    flow = runner.start(Business.PICKUP)
    fill(flow, receipt_no=receipt)
    assert runner.apply_collectable(flow, receipt, runner.find_collectable(receipt))
    assert runner.complete(flow)
    fill(flow, holder_document_number=HOLDER_NUMBER)
    assert runner.complete(flow)
    runner.take_card(flow, snapshot(number=NEW_CARD))
    assert runner.complete(flow)
    fill(flow, **{"material:id_original": "1", "material:acceptance_receipt": "1"})
    assert runner.complete(flow)
    assert runner.complete(flow) is False
    with db.transaction() as session:
        application = session.get(Application, summary.id)
        assert application is not None and application.state is State.ISSUED
        new = session.get(Card, application.new_card_id)
        assert new is not None and new.card_number == NEW_CARD
        assert session.get(Card, old_id).status is CardStatus.CANCELLED  # type: ignore[union-attr]
    [kept] = runner.documents_of(flow)
    assert kept.kind is DocumentKind.PICKUP_CONFIRMATION


def test_an_approved_correction_leads_into_a_replacement(
    runner: FlowRunner, db: Database, supervisor: Actor
) -> None:
    flow = runner.start(Business.CORRECTION)
    fill(flow, reason="id_number")
    runner.complete(flow)
    holder(flow, document_number="340524800101001", sex="1", birth_date="1980-01-01")
    runner.complete(flow)
    fill(flow, certificate_no="2026-0012", certificate_office="玄武分局")
    runner.complete(flow)
    fill(flow, **{"material:id_original": "1", "material:change_certificate": "1"})
    runner.complete(flow)
    print_form(runner, flow)
    runner.complete(flow)
    runner.complete(flow)
    assert corrections.awaiting_replacement(db, runner.api.actor) == []  # not approved yet
    applications.transition(
        db, supervisor, flow.application_id or 0, Action.APPROVE, flow.version or 0
    )
    [waiting] = corrections.awaiting_replacement(db, runner.api.actor)
    assert waiting.items == ("id_number",) and "*" in waiting.masked_number

    follow = runner.start_follow_up(waiting.application_id)
    assert follow.get(StepId.REASON, "reason") == "information_change"
    assert follow.get(StepId.HOLDER, "document_number") == "34052419800101001X"
    assert runner.complete(follow) and runner.complete(follow)  # reason, holder: the draft
    assert corrections.awaiting_replacement(db, runner.api.actor) == []
    # Cancelling that replacement's draft gives the correction back: the card is still wanted.
    runner.cancel(follow, "the customer will come back with the old card")
    [again] = corrections.awaiting_replacement(db, runner.api.actor)
    assert again.application_id == waiting.application_id
    again_flow = runner.start_follow_up(waiting.application_id)  # applied once: kept corrected
    assert runner.complete(again_flow) and runner.complete(again_flow)
    assert corrections.awaiting_replacement(db, runner.api.actor) == []
    found = runner.find_holder(DocumentType.RESIDENT_ID, "34052419800101001X")
    assert found.record is not None and found.record.person_id == follow.context.person_id


def test_the_log_carries_no_number_or_name(
    runner: FlowRunner, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    flow = through_holder(runner, Business.REPLACEMENT, "expired")
    runner.take_card(flow, snapshot(number=OLD_CARD))
    runner.complete(flow)
    logged = caplog.text
    assert "step completed" in logged and "replacement" in logged
    for secret in (HOLDER_NUMBER, "王芳", OLD_CARD, "13800000000"):
        assert secret not in logged


# A draft as the version before the typed interface stored it: the same keys, no waiver proof.
EARLIER_DRAFT = {
    "flow": {
        "step": "materials",
        "completed": ["reason", "holder", "old_card"],
        "values": {
            "reason": {"reason": "expired"},
            "holder": {
                "document_type": "resident_id",
                "document_number": HOLDER_NUMBER,
                "name": "王芳",
                "sex": "2",
                "birth_date": "1949-12-31",
                "representative": "none",
                "phone": "13800000000",
            },
            "old_card": {
                "card_number": OLD_CARD,
                "card_name": "王芳",
                "card_ssn": HOLDER_NUMBER,
                "card_sex": "2",
                "card_birth_date": "1949-12-31",
                "override_by": "",
                "override_reason": "",
            },
            "materials": {"material:id_original": "1"},
        },
    },
    "holder": {
        "name": "王芳",
        "document_type": "resident_id",
        "document_number": HOLDER_NUMBER,
        "sex": "2",
        "birth_date": "1949-12-31",
    },
    "representative": None,
    "card_check": {
        "card_number": OLD_CARD,
        "unreadable": False,
        "differences": [],
        "override_by": None,
        "override_reason": None,
    },
    "fee": {"amount": "20.00", "waiver": None},
    "correction": None,
    "materials": {"id_original": False, "old_card": False},
}


def test_a_draft_stored_by_the_earlier_version_resumes_and_submits(
    runner: FlowRunner, db: Database, clerk: Actor
) -> None:
    person_id = known_holder(db, clerk)
    draft = applications.create_draft(
        db, clerk, Business.REPLACEMENT, Reason.EXPIRED, person_id, runner.api.rules.outlet.code
    )
    with db.transaction() as session:
        stored = session.get(Application, draft.id)
        assert stored is not None
        stored.details = EARLIER_DRAFT
    flow = runner.resume(draft.id)
    assert flow.current.id == StepId.MATERIALS
    assert flow.get(StepId.MATERIALS, "material:id_original") == "1"
    holder = flow.answer(StepId.HOLDER, HolderAnswer)
    assert holder is not None and holder.holder.name == "王芳"
    fill(flow, **{"material:old_card": "1"})
    assert runner.complete(flow)
    if flow.current.id == StepId.FEE:
        fill(flow, collected="1")
        assert runner.complete(flow)
    print_form(runner, flow)
    assert runner.complete(flow)
    assert runner.complete(flow) is False
    assert flow.receipt_no is not None
    with db.transaction() as session:
        submitted = session.get(Application, draft.id)
        assert submitted is not None and submitted.state is State.SUBMITTED
        assert submitted.details["card_check"]["card_number"] == OLD_CARD
        assert submitted.old_card_id is not None
