"""The supervisor's queue, the clerk's own list and the detail view, through the services."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from counter_app.domain.application import Action, Business, Reason, State
from counter_app.domain.details import from_json
from counter_app.domain.flags import Flag, application_flags
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Role
from counter_app.printing.kinds import DocumentKind
from counter_app.services import applications, documents, people, queue
from counter_app.services.actor import Actor
from counter_app.services.errors import PermissionDenied
from counter_app.services.queue import QueueFilter, QueueOrder
from counter_app.store.database import Database
from counter_app.store.models import Application, AuditEvent, Fee, Material
from tests.printing import poppler
from tests.services.conftest import add_member

OUTLET = "320100001"
ID_NUMBER = "11010519491231002X"
OVERRIDE = {"card_check": {"override_reason": "卡面姓名为旧名"}}
WAIVED = {"fee": {"waiver": "subsistence"}}
AGENT = {"representative": {"kind": "agent", "name": "李四"}}
ID_FIX = {"correction": {"items": [{"field": "id_number", "old": "1", "new": "2"}]}}
NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def test_flags_are_read_from_what_the_steps_wrote() -> None:
    assert application_flags(from_json({})) == frozenset()
    assert application_flags(from_json(None)) == frozenset()
    assert application_flags(from_json(OVERRIDE)) == {Flag.CARD_OVERRIDE}
    assert application_flags(from_json({"card_check": {"override_reason": "  "}})) == frozenset()
    assert application_flags(from_json(WAIVED)) == {Flag.FEE_WAIVED}
    assert (
        application_flags(from_json({"fee": {"waiver": None}, "representative": None}))
        == frozenset()
    )
    assert application_flags(from_json(AGENT)) == {Flag.AGENT}
    assert application_flags(from_json({"representative": {"kind": "guardian"}})) == {Flag.AGENT}
    assert application_flags(from_json(ID_FIX)) == {Flag.ID_CORRECTION}
    name_fix = {"correction": {"items": [{"field": "name", "old": "a", "new": "b"}]}}
    assert application_flags(from_json(name_fix)) == frozenset()
    assert application_flags(from_json({**OVERRIDE, **WAIVED, **AGENT, **ID_FIX})) == set(Flag)


class Outlet:
    """Two clerks, two supervisors, one holder; applications submitted at chosen times."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.wang = add_member(db, "0101", Role.CLERK, "王芳")
        self.liu = add_member(db, "0102", Role.CLERK, "刘强")
        self.zhao = add_member(db, "0201", Role.SUPERVISOR, "赵敏")
        self.sun = add_member(db, "0202", Role.SUPERVISOR, "孙丽")
        holder = Holder(
            document_type=DocumentType.RESIDENT_ID,
            document_number=ID_NUMBER,
            name="张伟",
            sex=Sex.MALE,
        )
        self.person_id = people.add_person(db, self.wang, holder)

    def submit(
        self,
        clerk: Actor,
        minutes_ago: int,
        business: Business = Business.REPLACEMENT,
        details: dict | None = None,
        outlet: str = OUTLET,
    ) -> applications.ApplicationSummary:
        reason = Reason.LOST if business is Business.REISSUE else Reason.DAMAGED
        draft = applications.create_draft(
            self.db, clerk, business, reason, self.person_id, outlet, details=from_json(details)
        )
        done = applications.transition(self.db, clerk, draft.id, Action.SUBMIT, draft.version)
        with self.db.transaction() as session:  # as if submitted then
            session.execute(
                update(Application)
                .where(Application.id == done.id)
                .values(submitted_at=NOW - timedelta(minutes=minutes_ago))
                .execution_options(synchronize_session=False)
            )
        return done


@pytest.fixture
def outlet(db: Database) -> Outlet:
    return Outlet(db)


def ids(page: queue.QueuePage) -> list[int]:
    return [row.application_id for row in page.rows]


def test_queue_lists_the_outlets_submitted_applications_oldest_first(outlet: Outlet) -> None:
    newer = outlet.submit(outlet.wang, 5)
    older = outlet.submit(outlet.liu, 50, Business.REISSUE, details=AGENT)
    outlet.submit(outlet.liu, 90, outlet="999999999")  # another outlet's
    draft = applications.create_draft(
        outlet.db, outlet.wang, Business.REPLACEMENT, Reason.DAMAGED, outlet.person_id, OUTLET
    )
    assert draft.state is State.DRAFT
    page = queue.queue_page(outlet.db, outlet.zhao, OUTLET, now=NOW)
    assert ids(page) == [older.id, newer.id] and page.total == 2
    first = page.rows[0]
    assert (first.business, first.reason) == (Business.REISSUE, Reason.LOST)
    assert (first.clerk_no, first.clerk_name) == ("0102", "刘强")
    assert first.waiting == timedelta(minutes=50)
    assert first.flags == {Flag.AGENT}
    assert first.holder_name == "张伟"
    assert first.document_number == "110105********002X"
    assert first.receipt_no == older.receipt_no and first.version == older.version
    assert first.decidable
    assert queue.queue_count(outlet.db, outlet.zhao, OUTLET, now=NOW) == 2


def test_queue_filters_by_business_clerk_age_and_flag(outlet: Outlet) -> None:
    plain = outlet.submit(outlet.wang, 5)
    waived = outlet.submit(outlet.wang, 30, details={**WAIVED, **OVERRIDE})
    reissue = outlet.submit(outlet.liu, 60, Business.REISSUE, details=ID_FIX)

    def matching(**where: object) -> list[int]:
        page = queue.queue_page(outlet.db, outlet.zhao, OUTLET, QueueFilter(**where), now=NOW)
        assert page.total == len(page.rows)
        return ids(page)

    assert matching(business=Business.REISSUE) == [reissue.id]
    assert matching(clerk_no="0101") == [waived.id, plain.id]
    assert matching(waiting_at_least=timedelta(minutes=30)) == [reissue.id, waived.id]
    assert matching(flag=Flag.FEE_WAIVED) == [waived.id]
    assert matching(flag=Flag.CARD_OVERRIDE) == [waived.id]
    assert matching(flag=Flag.ID_CORRECTION) == [reissue.id]
    assert matching(flag=Flag.AGENT) == []
    assert matching(clerk_no="0101", flag=Flag.FEE_WAIVED, business=Business.REISSUE) == []


def test_queue_sorts_and_pages(outlet: Outlet) -> None:
    made = [outlet.submit(outlet.wang if n % 2 else outlet.liu, 10 * n) for n in range(1, 8)]
    oldest_first = [m.id for m in reversed(made)]
    db, zhao = outlet.db, outlet.zhao
    first = queue.queue_page(db, zhao, OUTLET, offset=0, limit=3, now=NOW)
    second = queue.queue_page(db, zhao, OUTLET, offset=3, limit=3, now=NOW)
    last = queue.queue_page(db, zhao, OUTLET, offset=6, limit=3, now=NOW)
    assert ids(first) + ids(second) + ids(last) == oldest_first
    assert (first.total, len(last.rows)) == (7, 1)
    newest = queue.queue_page(db, zhao, OUTLET, order=QueueOrder.NEWEST, now=NOW)
    assert ids(newest) == list(reversed(oldest_first))
    by_clerk = queue.queue_page(db, zhao, OUTLET, order=QueueOrder.CLERK, now=NOW)
    assert [row.clerk_no for row in by_clerk.rows] == ["0101"] * 4 + ["0102"] * 3
    assert ids(by_clerk)[:4] == [m.id for m in reversed(made) if m.maker_no == "0101"]
    with pytest.raises(ValueError):
        queue.queue_page(db, zhao, OUTLET, limit=0)


def test_a_supervisors_own_application_is_listed_but_not_decidable(outlet: Outlet) -> None:
    own = outlet.submit(outlet.zhao, 5)
    (row,) = queue.queue_page(outlet.db, outlet.zhao, OUTLET, now=NOW).rows
    assert row.application_id == own.id and not row.decidable
    (other_view,) = queue.queue_page(outlet.db, outlet.sun, OUTLET, now=NOW).rows
    assert other_view.decidable


def test_clerks_cannot_open_the_queue_nor_others_applications(outlet: Outlet) -> None:
    liu_s = outlet.submit(outlet.liu, 5)
    with pytest.raises(PermissionDenied):
        queue.queue_page(outlet.db, outlet.wang, OUTLET)
    with pytest.raises(PermissionDenied):
        queue.queue_count(outlet.db, outlet.wang, OUTLET)
    with pytest.raises(PermissionDenied):
        queue.application_detail(outlet.db, outlet.wang, liu_s.id)


def test_the_clerk_sees_their_submitted_and_rejected_applications(outlet: Outlet) -> None:
    waiting = outlet.submit(outlet.wang, 30)
    sent_back = outlet.submit(outlet.wang, 20)
    outlet.submit(outlet.liu, 10)
    rejected = applications.transition(
        outlet.db, outlet.zhao, sent_back.id, Action.REJECT, sent_back.version, "照片不清晰"
    )
    rows = {row.application_id: row for row in queue.own_applications(outlet.db, outlet.wang)}
    assert set(rows) == {waiting.id, sent_back.id}
    assert rows[waiting.id].state is State.SUBMITTED and rows[waiting.id].checker_no is None
    back = rows[sent_back.id]
    assert (back.state, back.reject_reason) == (State.REJECTED, "照片不清晰")
    assert (back.checker_no, back.checker_name) == ("0201", "赵敏")
    assert back.version == rejected.version and back.document_number == "110105********002X"
    # Reopened, fixed and resubmitted: back in the queue, off the rejected list.
    reopened = applications.transition(
        outlet.db, outlet.wang, back.application_id, Action.REOPEN, back.version
    )
    again = applications.transition(
        outlet.db, outlet.wang, reopened.id, Action.SUBMIT, reopened.version
    )
    mine = queue.own_applications(outlet.db, outlet.wang, [State.REJECTED])
    assert mine == ()
    assert again.id in ids(queue.queue_page(outlet.db, outlet.zhao, OUTLET))


def test_the_detail_shows_everything_with_numbers_masked(outlet: Outlet) -> None:
    details = {**AGENT, **WAIVED}
    made = outlet.submit(outlet.wang, 5, details=details)
    with outlet.db.transaction() as session:
        session.add(Material(application_id=made.id, code="id_original", provided=True))
        session.add(Material(application_id=made.id, code="household_register", provided=False))
        session.add(Fee(application_id=made.id, amount=Decimal("0.00"), waiver_code="subsistence"))
    seen = queue.application_detail(outlet.db, outlet.zhao, made.id)
    assert seen.details == from_json(details) and seen.flags == {Flag.AGENT, Flag.FEE_WAIVED}
    assert [(m.code, m.provided) for m in seen.materials] == [
        ("id_original", True),
        ("household_register", False),
    ]
    assert seen.fee is not None and (seen.fee.amount, seen.fee.waiver_code) == (0, "subsistence")
    assert seen.holder.document_number == "110105********002X"  # even to a supervisor
    assert (seen.clerk_no, seen.state, seen.decidable) == ("0101", State.SUBMITTED, True)
    assert seen.documents == ()
    own = queue.application_detail(outlet.db, outlet.wang, made.id)
    assert own.holder.document_number == "110105********002X"
    assert not own.decidable


def test_a_supervisor_reveals_the_numbers_and_the_audit_trail_says_who(outlet: Outlet) -> None:
    agent_number = "320102198001020011"
    agent = {"representative": {"kind": "agent", "name": "李四", "document_number": agent_number}}
    made = outlet.submit(outlet.wang, 5, details=agent)
    shown = queue.application_detail(outlet.db, outlet.zhao, made.id)
    assert agent_number not in str(shown.details)  # the steps' data is masked as well
    revealed = queue.revealed_numbers(outlet.db, outlet.zhao, made.id)
    assert (revealed.application_id, revealed.document_number) == (made.id, ID_NUMBER)
    assert revealed.details.representative is not None
    assert revealed.details.representative.document_number == agent_number
    with outlet.db.transaction() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "numbers_revealed")
        ).one()
        assert (event.object_type, event.object_id) == ("application", str(made.id))
        assert event.actor == outlet.zhao.staff_no
        assert ID_NUMBER not in f"{event.detail} {event.from_state} {event.to_state}"
    # A clerk may not, not even on their own application; nothing is recorded for them.
    with pytest.raises(PermissionDenied):
        queue.revealed_numbers(outlet.db, outlet.wang, made.id)
    with outlet.db.transaction() as session:
        count = select(func.count()).where(AuditEvent.action == "numbers_revealed")
        assert session.execute(count).scalar_one() == 1


def test_the_detail_lists_kept_documents_and_previews_them_as_first_printed(
    outlet: Outlet,
    rules,  # type: ignore[no-untyped-def]
) -> None:
    made = outlet.submit(outlet.wang, 5)
    document_id = documents.keep_acceptance_receipt(outlet.db, outlet.wang, made.id, rules)
    documents.record_print(outlet.db, outlet.wang, document_id, "job 1")
    documents.record_print(outlet.db, outlet.wang, document_id, "job 2")
    (kept,) = queue.application_detail(outlet.db, outlet.zhao, made.id).documents
    assert (kept.id, kept.kind, kept.print_count) == (
        document_id,
        DocumentKind.ACCEPTANCE_RECEIPT,
        2,
    )
    kind, pdf = queue.document_preview(outlet.db, outlet.zhao, document_id)
    text = poppler.text(pdf)
    assert kind is DocumentKind.ACCEPTANCE_RECEIPT
    assert made.receipt_no is not None and made.receipt_no in text
    assert "重打" not in text and "REPRINT" not in text
    stranger = add_member(outlet.db, "0103", Role.CLERK, "陈晨")
    with pytest.raises(PermissionDenied):
        queue.document_preview(outlet.db, stranger, document_id)
    with outlet.db.transaction() as session:  # who looked, and at what; the refusal left none
        viewed = select(AuditEvent.actor, AuditEvent.object_id, AuditEvent.detail).where(
            AuditEvent.action == "document_viewed"
        )
        assert session.execute(viewed).all() == [("0201", str(document_id), "acceptance_receipt")]
