"""Every business's steps and branches, checked without Qt or a database."""

from __future__ import annotations

import pytest

from counter_app.domain.application import Business, State
from counter_app.domain.card import CardStatus, LossKind
from counter_app.workflows.context import Collectable, KnownCard
from counter_app.workflows.flow import StepNotComplete
from counter_app.workflows.log_fields import log_fields
from counter_app.workflows.names import StepId
from counter_app.workflows.problems import Code
from counter_app.workflows.steps.cards import take_card
from counter_app.workflows.steps.paperwork import form_fingerprint
from tests.workflows.conftest import HOLDER_NUMBER, card_no, fill, holder, snapshot


def codes(flow) -> set[Code]:
    return {problem.code for problem in flow.problems()}


def ids(flow) -> list[str]:
    return [step.id for step in flow.visible_steps()]


# -- replacement ------------------------------------------------------------------------------
def test_replacement_for_an_expired_card_has_no_fee_step(begin) -> None:
    flow = begin(Business.REPLACEMENT)
    assert flow.current.id == StepId.REASON
    fill(flow, reason="expired")
    assert StepId.FEE not in ids(flow)
    fill(flow, reason="damaged")
    assert StepId.FEE in ids(flow)  # 20.00 in the Nanjing rules


def test_next_is_refused_until_the_step_is_valid(begin) -> None:
    flow = begin(Business.REPLACEMENT)
    with pytest.raises(StepNotComplete) as refused:
        flow.advance()
    assert refused.value.problems[0].code is Code.REQUIRED
    assert flow.current.id == StepId.REASON


def test_the_holder_step_reports_the_expected_check_character(begin) -> None:
    flow = begin(Business.REPLACEMENT)
    fill(flow, reason="expired")
    flow.advance()
    holder(flow, document_number="110105194912310021")
    [problem] = flow.problems()
    assert (problem.field, problem.code, problem.detail) == (
        "document_number",
        Code.ID_CHECK_CHARACTER,
        "X",
    )


def test_sex_and_birth_date_must_agree_with_the_number(begin) -> None:
    flow = begin(Business.REPLACEMENT)
    fill(flow, reason="expired")
    flow.advance()
    holder(flow, sex="1", birth_date="1949-12-30")
    assert codes(flow) == {Code.SEX_DISAGREES, Code.BIRTH_DATE_DISAGREES}


def test_a_fifteen_digit_number_is_refused_outside_a_correction(begin) -> None:
    flow = begin(Business.REPLACEMENT)
    fill(flow, reason="expired")
    flow.advance()
    holder(flow, document_number="340524800101001")
    assert codes(flow) == {Code.ID_FIFTEEN_DIGITS}


def test_control_characters_and_overlong_text_are_refused(begin) -> None:
    flow = begin(Business.REPLACEMENT)
    fill(flow, reason="expired")
    flow.advance()
    holder(flow, name="王\u202e芳")
    assert codes(flow) == {Code.CONTROL_CHARACTERS}
    holder(flow, address="路" * 10_000)
    assert codes(flow) == {Code.TOO_LONG}


def test_a_minor_needs_a_guardian_then_their_identity(begin) -> None:
    flow = begin(Business.REPLACEMENT)
    fill(flow, reason="expired")
    flow.advance()
    # Born 2015-06-01: 11 years old on the test day.
    child = "110105201506010011"
    from counter_app.domain.idnumber import check_character

    child = child[:17] + check_character(child[:17])
    holder(flow, document_number=child, sex="1", birth_date="2015-06-01", name="王小明")
    assert codes(flow) == {Code.GUARDIAN_NEEDED}
    fill(flow, representative="guardian")
    assert flow.problems() == []
    assert StepId.REPRESENTATIVE in ids(flow)
    flow.advance()
    assert flow.current.id == StepId.REPRESENTATIVE
    fill(flow, name="王芳", document_number=child, relationship="母子")
    assert codes(flow) == {Code.SAME_PERSON}
    fill(flow, document_number=HOLDER_NUMBER)
    assert flow.problems() == []


def test_the_holder_in_person_skips_the_representative_step(begin) -> None:
    flow = begin(Business.REPLACEMENT)
    fill(flow, reason="expired")
    flow.advance()
    holder(flow)
    flow.advance()
    assert flow.current.id == StepId.OLD_CARD


def _at_old_card(begin, reason: str = "expired"):
    flow = begin(Business.REPLACEMENT)
    fill(flow, reason=reason)
    flow.advance()
    holder(flow)
    flow.advance()
    return flow


def test_the_old_card_must_be_read_and_match(begin) -> None:
    flow = _at_old_card(begin)
    assert codes(flow) == {Code.CARD_NOT_READ}
    take_card(flow, StepId.OLD_CARD, snapshot())
    assert flow.problems() == []


def test_a_mismatching_card_needs_a_supervisor_override(begin) -> None:
    flow = _at_old_card(begin)
    take_card(flow, StepId.OLD_CARD, snapshot(name="王方", sex="1"))
    [problem] = flow.problems()
    assert problem.code is Code.CARD_DIFFERS
    assert problem.detail == "name,sex"
    fill(flow, override_by="0201", override_reason="卡面姓名为旧写法")
    assert flow.problems() == []
    # Another card taken afterwards forgets the override.
    take_card(flow, StepId.OLD_CARD, snapshot(name="李四"))
    assert codes(flow) == {Code.CARD_DIFFERS}


def test_a_third_generation_card_read_without_psam_differs_everywhere(begin) -> None:
    flow = _at_old_card(begin)
    take_card(flow, StepId.OLD_CARD, snapshot(name="", ssn="", sex="", born=None))
    assert flow.problems()[0].detail == "name,number,sex,birth_date"


def test_a_damaged_card_may_be_unreadable_with_its_number_typed(begin) -> None:
    flow = _at_old_card(begin, "damaged")
    fill(flow, unreadable="1", typed_card_number="A12345670")
    assert codes(flow) <= {Code.CARD_NUMBER, Code.CARD_CHECK_CHARACTER}
    fill(flow, typed_card_number=card_no("A1234567"))
    assert flow.problems() == []
    expired = _at_old_card(begin, "expired")
    assert "unreadable" not in {field.name for field in expired.current.fields(expired)}


def _through_card(begin, reason: str = "damaged"):
    flow = _at_old_card(begin, reason)
    take_card(flow, StepId.OLD_CARD, snapshot())
    flow.advance()
    return flow


def test_materials_follow_the_rules_and_an_agent_brings_more(begin) -> None:
    flow = _through_card(begin)
    assert flow.current.id == StepId.MATERIALS
    missing = {p.field for p in flow.problems()}
    assert missing == {"material:id_original", "material:old_card"}
    fill(flow, **{"material:id_original": "1", "material:old_card": "1"})
    assert flow.problems() == []
    flow.set("representative", "agent", StepId.HOLDER)
    missing = {p.field for p in flow.problems()}
    assert missing == {"material:agent_id", "material:power_of_attorney"}


def test_the_fee_is_collected_or_waived_with_proof(begin) -> None:
    flow = _through_card(begin)
    fill(flow, **{"material:id_original": "1", "material:old_card": "1"})
    flow.advance()
    assert flow.current.id == StepId.FEE
    assert flow.current.shown(flow) == {"amount": "20.00"}
    assert codes(flow) == {Code.FEE_NOT_COLLECTED}
    fill(flow, waiver="disability")
    assert codes(flow) == {Code.REQUIRED}  # the waiver's proof
    fill(flow, waiver_proof="32010019491231")
    assert flow.problems() == []
    assert flow.current.shown(flow) == {"amount": "0.00"}


def test_the_form_must_be_printed_again_after_a_change(begin) -> None:
    flow = _through_card(begin, "expired")
    fill(flow, **{"material:id_original": "1", "material:old_card": "1"})
    flow.advance()
    assert flow.current.id == StepId.FORM
    assert codes(flow) == {Code.FORM_NOT_PRINTED}
    fill(flow, printed=form_fingerprint(flow))
    assert codes(flow) == {Code.FORM_NOT_SIGNED}
    fill(flow, signed="1")
    assert flow.problems() == []
    flow.set("phone", "13800000000", StepId.HOLDER)
    assert codes(flow) == {Code.FORM_NOT_PRINTED}
    assert StepId.HOLDER not in flow.completed  # the changed step is to be looked at again


# -- reissue ----------------------------------------------------------------------------------
def _at_loss(begin, cards: tuple[KnownCard, ...]):
    flow = begin(Business.REISSUE)
    assert flow.current.id == StepId.HOLDER  # the reason is fixed: lost
    holder(flow)
    flow.advance()
    flow.context.cards = cards
    assert flow.current.id == StepId.LOSS
    return flow


def test_a_reissue_needs_a_formal_loss(begin) -> None:
    number = card_no("A1234567")
    flow = _at_loss(begin, (KnownCard(1, number, CardStatus.LOST_TEMPORARY, LossKind.TEMPORARY),))
    fill(flow, card=number)
    [problem] = flow.problems()
    assert (problem.code, problem.detail) == (Code.LOSS_NOT_FORMAL, "lost_temporary")
    flow.context.cards = (KnownCard(1, number, CardStatus.LOST_FORMAL, LossKind.FORMAL),)
    assert flow.problems() == []


def test_a_reissue_already_under_way_is_named(begin) -> None:
    number = card_no("A1234567")
    card = KnownCard(1, number, CardStatus.LOST_FORMAL, LossKind.FORMAL, 77, "32010020261120001")
    flow = _at_loss(begin, (card,))
    fill(flow, card=number)
    [problem] = flow.problems()
    assert (problem.code, problem.detail) == (Code.REISSUE_UNDER_WAY, "32010020261120001")
    flow.application_id = 77
    assert flow.problems() == []


def test_without_a_recorded_card_the_number_is_typed_and_checked(begin) -> None:
    flow = _at_loss(begin, ())
    fill(flow, card="A1234567")
    assert codes(flow) == {Code.CARD_NUMBER}
    fill(flow, card=card_no("A1234567"))
    assert codes(flow) == {Code.LOSS_NOT_FORMAL}


# -- correction -------------------------------------------------------------------------------
def test_a_fifteen_digit_number_is_upgraded_not_typed(begin) -> None:
    flow = begin(Business.CORRECTION)
    fill(flow, reason="id_number")
    flow.advance()
    holder(flow, document_number="340524800101001", sex="1", birth_date="1980-01-01")
    assert flow.problems() == []
    flow.advance()
    assert flow.current.id == StepId.CORRECTION
    assert flow.current.shown(flow) == {
        "old_value": "340524800101001",
        "new_value": "34052419800101001X",
    }
    assert {f.name for f in flow.current.fields(flow) if f.kind == "text"} == {
        "certificate_no",
        "certificate_office",
    }
    assert {p.field for p in flow.problems()} == {"certificate_no", "certificate_office"}
    fill(flow, certificate_no="(2026)宁公户证字第0012号", certificate_office="南京市公安局玄武分局")
    assert flow.problems() == []


def test_a_wrong_eighteen_character_number_may_stand_as_the_old_one(begin) -> None:
    flow = begin(Business.CORRECTION)
    fill(flow, reason="id_number")
    flow.advance()
    holder(flow, document_number="110105194912310021")  # wrong check character, as recorded
    assert flow.problems() == []
    flow.advance()
    fill(flow, new_value="110105194912310021", certificate_no="1", certificate_office="2")
    assert codes(flow) == {Code.SAME_AS_OLD}
    fill(flow, new_value="110105194912310022")
    assert codes(flow) == {Code.ID_CHECK_CHARACTER}
    fill(flow, new_value=HOLDER_NUMBER)
    assert flow.problems() == []


def test_another_item_needs_no_certificate(begin) -> None:
    flow = begin(Business.CORRECTION)
    fill(flow, reason="other_item")
    flow.advance()
    holder(flow, address="南京市玄武区中山路1号")
    flow.advance()
    fill(flow, item="address", new_value="南京市鼓楼区北京西路2号")
    assert flow.problems() == []
    assert flow.current.shown(flow) == {"old_value": "南京市玄武区中山路1号"}
    fill(flow, item="birth_date", new_value="2099-01-01")
    assert codes(flow) == {Code.FUTURE_DATE}


# -- pickup -----------------------------------------------------------------------------------
def _collectable(state: State = State.READY) -> Collectable:
    return Collectable(
        5,
        3,
        state,
        "3201000012026112000001",
        "王芳",
        "resident_id",
        HOLDER_NUMBER,
        card_no("A1234567"),
    )


def test_pickup_needs_a_ready_application_found_by_its_receipt(begin) -> None:
    flow = begin(Business.PICKUP)
    fill(flow, receipt_no=" 3201000012026112000001\n")
    assert codes(flow) == {Code.RECEIPT_NOT_FOUND}
    flow.context.collectable = _collectable(State.APPROVED)
    assert [(p.code, p.detail) for p in flow.problems()] == [(Code.NOT_READY, "approved")]
    flow.context.collectable = _collectable()
    assert flow.problems() == []


def test_pickup_checks_the_document_and_the_new_card(begin) -> None:
    flow = begin(Business.PICKUP)
    flow.context.collectable = _collectable()
    fill(flow, receipt_no="3201000012026112000001")
    flow.advance()
    fill(flow, holder_document_number="440524188001010014")
    assert codes(flow) == {Code.HOLDER_DOCUMENT_DIFFERS}
    fill(flow, holder_document_number=HOLDER_NUMBER.lower())
    flow.advance()
    assert flow.current.id == StepId.NEW_CARD
    take_card(flow, StepId.NEW_CARD, snapshot())  # the old card again
    assert codes(flow) == {Code.NEW_CARD_IS_OLD}
    take_card(flow, StepId.NEW_CARD, snapshot(name="王方", number=card_no("B7654321")))
    assert [(p.code, p.detail) for p in flow.problems()] == [(Code.NEW_CARD_DIFFERS, "name")]
    take_card(flow, StepId.NEW_CARD, snapshot(number=card_no("B7654321")))
    assert flow.problems() == []


def test_an_agent_collecting_shows_their_own_document(begin) -> None:
    flow = begin(Business.PICKUP)
    flow.context.collectable = _collectable()
    fill(flow, receipt_no="3201000012026112000001")
    flow.advance()
    fill(flow, collector="agent", holder_document_number=HOLDER_NUMBER)
    flow.advance()
    assert flow.current.id == StepId.REPRESENTATIVE
    fill(flow, name="李四", document_number=HOLDER_NUMBER, relationship="邻居")
    assert codes(flow) == {Code.SAME_PERSON}


# -- loss report ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("status", "reissue", "action", "expected"),
    [
        (CardStatus.ACTIVE, None, "report_temporary", set()),
        (CardStatus.ACTIVE, None, "record_hotline", set()),
        (CardStatus.ACTIVE, None, "cancel", {Code.NOT_LOST}),
        (CardStatus.LOST_TEMPORARY, None, "report_formal", set()),
        (CardStatus.LOST_TEMPORARY, None, "report_temporary", {Code.ALREADY_LOST}),
        (CardStatus.LOST_TEMPORARY, None, "cancel", set()),
        (CardStatus.LOST_FORMAL, None, "report_temporary", {Code.ALREADY_LOST}),
        (CardStatus.LOST_FORMAL, None, "cancel", set()),
        (CardStatus.LOST_FORMAL, 9, "cancel", {Code.REISSUE_UNDER_WAY}),
        (CardStatus.CANCELLED, None, "report_formal", {Code.CARD_CANCELLED}),
        (CardStatus.PENDING_PICKUP, None, "report_temporary", {Code.NOT_COLLECTED}),
        (CardStatus.PENDING_PICKUP, None, "cancel", {Code.NOT_COLLECTED}),
    ],
)
def test_loss_report_rules(begin, status, reissue, action, expected) -> None:
    flow = begin(Business.LOSS_REPORT)
    holder(flow)
    flow.advance()
    fill(flow, **{"material:id_original": "1"})
    flow.advance()
    assert flow.current.id == StepId.LOSS_ACTION
    number = card_no("A1234567")
    flow.context.cards = (KnownCard(1, number, status, None, reissue, "R1" if reissue else None),)
    fill(flow, card=number, action=action, called_on="2026-11-22")
    assert codes(flow) == expected


def test_a_hotline_report_lapses_from_the_day_of_the_call(begin) -> None:
    flow = begin(Business.LOSS_REPORT)
    holder(flow)
    flow.advance()
    fill(flow, **{"material:id_original": "1"})
    flow.advance()
    number = card_no("A1234567")
    flow.context.cards = (KnownCard(1, number, CardStatus.ACTIVE),)
    fill(flow, card=number, action="record_hotline")
    assert codes(flow) == {Code.REQUIRED}  # the day of the call
    fill(flow, called_on="2026-11-01")  # 15 days' validity: lapsed on 2026-11-16
    [problem] = flow.problems()
    assert (problem.code, problem.detail) == (Code.HOTLINE_REPORT_LAPSED, "2026-11-16")
    fill(flow, called_on="2026-11-20")
    assert flow.problems() == []


# -- drafts and logs --------------------------------------------------------------------------
def test_a_draft_resumes_at_the_first_step_not_completed(begin) -> None:
    flow = _through_card(begin)
    fill(flow, **{"material:id_original": "1"})
    saved = flow.snapshot()
    resumed = begin(Business.REPLACEMENT)
    resumed.restore(saved)
    assert resumed.current.id == StepId.MATERIALS
    assert resumed.get(StepId.MATERIALS, "material:id_original") == "1"
    assert resumed.completed == [StepId.REASON, StepId.HOLDER, StepId.OLD_CARD]


def test_a_draft_whose_checks_fail_today_resumes_there(begin) -> None:
    flow = _through_card(begin)
    saved = flow.snapshot()
    saved["values"][StepId.HOLDER]["birth_date"] = "1949-12-30"  # an old draft, now wrong
    resumed = begin(Business.REPLACEMENT)
    resumed.restore(saved)
    assert resumed.current.id == StepId.HOLDER


def test_the_log_fields_carry_no_number_or_name(begin) -> None:
    flow = _through_card(begin)
    text = repr(log_fields(flow))
    for secret in (HOLDER_NUMBER, "王芳", card_no("A1234567"), "1949"):
        assert secret not in text
    assert "replacement" in text and "materials" in text
