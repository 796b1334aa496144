"""One contract for both implementations of the interface: the same calls, the same answers,
the same refusals."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest

from counter_app.api import errors
from counter_app.api.models import Credentials, NewCard, NewDraft, QueueFilter
from counter_app.domain.application import Action, Business, Reason, State
from counter_app.domain.details import ApplicationDetails, CardCheck
from counter_app.domain.roles import Role
from counter_app.printing.data import ApplicationFormData, StaffMember
from counter_app.printing.kinds import DocumentKind
from counter_app.services.people import add_card
from tests.contract.conftest import PASSWORD, SignIn
from tests.services.test_rules import ALL_MATERIALS, DAMAGED_FEE, OLD_CARD, WANG


def submitted(clerk, db):  # type: ignore[no-untyped-def]
    """A replacement taken the way the steps take it, through the interface alone."""
    person_id = clerk.record_holder(WANG)
    assert clerk.holder(person_id).holder.name == WANG.name
    assert clerk.find_holder(WANG.document_type, WANG.document_number) is not None
    add_card(db, clerk.actor, person_id, NewCard(OLD_CARD, "2.00"))
    assert [c.card_number for c in clerk.cards_of(person_id, date.today())] == [OLD_CARD]
    details = ApplicationDetails(holder=WANG)
    summary = clerk.start_draft(
        NewDraft(Business.REPLACEMENT, Reason.DAMAGED, person_id, details, uuid.uuid4())
    )
    version = clerk.save_draft(summary.id, summary.version, details, Reason.DAMAGED)
    assert clerk.load_draft(summary.id).application_id == summary.id
    assert [d.application_id for d in clerk.my_drafts()] == [summary.id]
    assert clerk.open_drafts() == 1
    form = ApplicationFormData(
        clerk.rules.outlet,
        Business.REPLACEMENT,
        Reason.DAMAGED,
        WANG,
        StaffMember(clerk.actor.staff_no, clerk.actor.name),
        date.today(),
    )
    document_id = clerk.keep_document(DocumentKind.APPLICATION_FORM, form, summary.id)
    pdf, reprint = clerk.next_print(document_id)
    assert pdf.startswith(b"%PDF") and reprint == 0
    assert clerk.print_document(document_id, None, lambda pdf, printer, title: "job 1") == 1
    from counter_app.api.models import Submission

    done = clerk.submit(
        Submission(
            summary.id,
            version,
            Reason.DAMAGED,
            replace(
                details, card_check=CardCheck(OLD_CARD), fee=DAMAGED_FEE, materials=ALL_MATERIALS
            ),
            OLD_CARD,
            "2.00",
        )
    )
    assert done.summary.state is State.SUBMITTED
    return person_id, done


def test_a_replacement_from_draft_to_decision(sign_in: SignIn, outlet) -> None:  # type: ignore[no-untyped-def]
    clerk = sign_in("0101")
    assert clerk.actor.role is Role.CLERK and clerk.rules.outlet.code
    person_id, done = submitted(clerk, outlet)
    mine = clerk.own_applications([State.SUBMITTED])
    assert [row.application_id for row in mine] == [done.summary.id]
    assert clerk.own_application(done.summary.id).state is State.SUBMITTED
    with pytest.raises(errors.PermissionDenied):
        clerk.queue_page()
    supervisor = sign_in("0201")
    page = supervisor.queue_page(QueueFilter(business=Business.REPLACEMENT))
    assert [row.application_id for row in page.rows] == [done.summary.id]
    assert supervisor.decidable_count() == 1
    detail = supervisor.application_detail(done.summary.id)
    assert detail.clerk_no == "0101" and detail.state is State.SUBMITTED
    assert supervisor.revealed_numbers(done.summary.id).document_number == WANG.document_number
    kept = {d.kind for d in supervisor.document_history(done.summary.id)}
    assert DocumentKind.ACCEPTANCE_RECEIPT in kept
    receipt = supervisor.find_receipt(done.summary.receipt_no or "")
    assert supervisor.document_preview(receipt)[1].startswith(b"%PDF")
    # A supervisor decides on the clerk's screen: a wrong password is the authoriser's refusal.
    with pytest.raises(errors.BadCredentials):
        clerk.authorised(Credentials("0201", "wrong-one1"), "decide", done.summary.id)
    deciding = clerk.authorised(Credentials("0201", PASSWORD), "decide", done.summary.id)
    approved = deciding.transition(done.summary.id, Action.APPROVE, detail.version)
    assert approved.state is State.APPROVED
    with pytest.raises(errors.AlreadyDecided) as late:
        supervisor.transition(done.summary.id, Action.REJECT, detail.version, "late")
    assert late.value.staff_no == "0201"
    assert clerk.open_drafts() == 0  # the clerk's session is still good
    assert [hit.person_id for hit in clerk.find_people("王小明")] == [person_id]
    assert clerk.person_file(person_id).holder.name == WANG.name
    assert supervisor.daily_report(date.today()).outlet.code == clerk.rules.outlet.code


def test_pickup_and_losses(sign_in: SignIn, outlet) -> None:  # type: ignore[no-untyped-def]
    from counter_app.api.models import LossAction, LossRequest

    clerk = sign_in("0101")
    assert clerk.find_for_pickup("none-such") is None
    assert clerk.corrections_awaiting_replacement() == []
    person_id = clerk.record_holder(WANG)
    add_card(outlet, clerk.actor, person_id, NewCard(OLD_CARD, "2.00"))
    report = LossRequest(person_id, OLD_CARD, LossAction.REPORT_FORMAL, date.today())
    kept = clerk.report_loss(report)
    assert [k.kind for k in kept] == [DocumentKind.LOSS_REPORT_CONFIRMATION]
    with pytest.raises(errors.AlreadyLost) as refused:
        clerk.report_loss(report)
    assert refused.value.expires_on is None
    clerk.record_not_genuine(OLD_CARD, "id-1", "pickup")


def test_staff_administration(sign_in: SignIn) -> None:
    admin = sign_in("0001")
    admin.add_staff("0102", "孙丽", Role.CLERK, "newclerk2026")
    assert "0102" in {member.staff_no for member in admin.list_staff()}
    with pytest.raises(errors.AlreadyExists):
        admin.add_staff("0102", "孙丽", Role.CLERK, "newclerk2026")
    with pytest.raises(errors.WeakPassword):
        admin.change_password("0102", "short")
    admin.unlock_staff("0102")
    clerk = sign_in("0101")
    clerk.lock_screen()
    clerk.unlock_screen(PASSWORD)
    clerk.sign_out()
