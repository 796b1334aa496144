"""What the drills do at the counter: a replacement of a damaged card (fee 20.00 taken) taken
through the runner up to its submission, for holders numbered 0, 1, 2…"""

from __future__ import annotations

from sqlalchemy import func, select

from counter_app.domain import idnumber
from counter_app.domain.application import Business, State
from counter_app.domain.roles import Role
from counter_app.printing.kinds import DocumentKind
from counter_app.services import auth, documents, staff
from counter_app.services.actor import Actor
from counter_app.store.database import Database
from counter_app.store.models import Application, Fee, KeptDocument
from counter_app.workflows.flow import Flow
from counter_app.workflows.names import StepId
from counter_app.workflows.runner import FlowRunner
from tests.workflows.conftest import card_no, fill, holder, snapshot

CLERK_NO, PASSWORD = "0101", "counter2026"


def add_clerk(db: Database) -> None:
    staff.add(db, Actor.system(), CLERK_NO, "王芳", Role.CLERK, PASSWORD)


def sign_in(db: Database) -> Actor:
    return auth.sign_in(db, CLERK_NO, PASSWORD, "ws-drill")


def holder_number(holder_no: int) -> str:
    """A woman born 1949-12-31, as the holder step's other fields say (an even sequence)."""
    first17 = f"11010519491231{2 * holder_no:03d}"
    return first17 + idnumber.check_character(first17)


def up_to_submission(runner: FlowRunner, holder_no: int = 0) -> Flow:
    """Every step done but the submission; the draft is kept at the submission step."""
    number = holder_number(holder_no)
    flow = runner.start(Business.REPLACEMENT)
    fill(flow, reason="damaged")
    runner.complete(flow)
    holder(flow, document_number=number, phone="13800000000")
    runner.complete(flow)
    runner.take_card(flow, snapshot(ssn=number, number=card_no(f"A{holder_no:07d}")))
    runner.complete(flow)
    fill(flow, **{"material:id_original": "1", "material:old_card": "1"})
    runner.complete(flow)
    fill(flow, collected="1")
    runner.complete(flow)
    document_id, _, _ = runner.prepare_form(flow)
    runner.api.record_print(document_id, "test-job")  # as the printer took it
    runner.form_printed(flow, document_id)
    fill(flow, signed="1")
    runner.complete(flow)
    assert flow.current.id == StepId.SUBMIT
    return flow


def applications_of(db: Database) -> int:
    with db.transaction() as session:
        return session.execute(select(func.count(Application.id))).scalar_one()


def assert_whole(db: Database, application_id: int) -> State:
    """The application is a draft with nothing of its submission, or submitted with all of it:
    its receipt number, the fee's voucher, and one kept receipt and voucher. Its state."""
    with db.transaction() as session:
        application = session.get(Application, application_id)
        assert application is not None
        fee = session.execute(select(Fee).where(Fee.application_id == application_id)).scalar()
        kinds = session.execute(
            select(KeptDocument.kind).where(KeptDocument.application_id == application_id)
        ).scalars()
        kept = sorted(kind for kind in kinds if kind != DocumentKind.APPLICATION_FORM.value)
        state, receipt_no = application.state, application.receipt_no
        voucher_no = fee.voucher_no if fee else None
    if state is State.DRAFT:
        assert (receipt_no, voucher_no, kept) == (None, None, [])
    else:
        assert state is State.SUBMITTED and receipt_no
        assert voucher_no == f"{receipt_no}F"
        assert kept == sorted(
            [DocumentKind.ACCEPTANCE_RECEIPT.value, DocumentKind.PAYMENT_VOUCHER.value]
        )
        assert documents.find_receipt(db, receipt_no)
    return state
