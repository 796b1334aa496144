"""The daily report's figures, its CSV and its PDF (read back with poppler)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from counter_app.domain.application import Action, Business, Reason
from counter_app.domain.person import DocumentType, Holder, Sex
from counter_app.domain.roles import Role
from counter_app.domain.rules import Outlet
from counter_app.services import applications, people, reports
from counter_app.services.actor import Actor
from counter_app.services.errors import PermissionDenied
from counter_app.store.database import Database
from counter_app.store.models import AuditEvent, Fee
from tests.printing import poppler
from tests.services.conftest import add_member

OUTLET = Outlet("南京市玄武区社保卡服务网点", "320100001")
ID_NUMBER = "11010519491231002X"


def paid(db: Database, application_id: int, amount: str, when: datetime) -> None:
    with db.transaction() as session:
        session.add(Fee(application_id=application_id, amount=Decimal(amount), paid_at=when))


@pytest.fixture
def day_of_work(db: Database) -> tuple[Database, Actor]:
    """王芳 takes three replacements (one rejected, fixed and resubmitted) and hands out a card
    刘强 took; 刘强 takes a reissue; fees paid today and yesterday; another outlet's work."""
    wang = add_member(db, "0101", Role.CLERK, "王芳")
    liu = add_member(db, "0102", Role.CLERK, "刘强")
    zhao = add_member(db, "0201", Role.SUPERVISOR, "赵敏")
    holder = Holder(
        document_type=DocumentType.RESIDENT_ID, document_number=ID_NUMBER, name="张伟", sex=Sex.MALE
    )
    person_id = people.add_person(db, wang, holder)

    def take(clerk: Actor, business: Business, outlet_code: str = OUTLET.code) -> object:
        reason = Reason.LOST if business is Business.REISSUE else Reason.EXPIRED
        draft = applications.create_draft(db, clerk, business, reason, person_id, outlet_code)
        return applications.transition(db, clerk, draft.id, Action.SUBMIT, draft.version)

    def act(actor: Actor, summary, action: Action, note: str | None = None):  # type: ignore[no-untyped-def]
        return applications.transition(db, actor, summary.id, action, summary.version, note)

    now = datetime.now(UTC)
    first = take(wang, Business.REPLACEMENT)
    act(zhao, first, Action.APPROVE)
    paid(db, first.id, "20", now)
    second = take(wang, Business.REPLACEMENT)
    rejected = act(zhao, second, Action.REJECT, "照片不清晰")
    act(wang, act(wang, rejected, Action.REOPEN), Action.SUBMIT)
    yesterday = take(wang, Business.REPLACEMENT)
    paid(db, yesterday.id, "35", now - timedelta(days=1))
    reissue = take(liu, Business.REISSUE)
    paid(db, reissue.id, "20.00", now)
    done = act(zhao, reissue, Action.APPROVE)
    done = act(zhao, act(zhao, done, Action.START_PRODUCTION), Action.MARK_READY)
    act(wang, done, Action.ISSUE)
    elsewhere = take(liu, Business.REPLACEMENT, "999999999")
    paid(db, elsewhere.id, "20", now)
    return db, zhao


def lines_of(report: reports.DailyReport) -> dict[tuple[str, str], tuple]:
    return {
        (line.business.value, line.clerk_no): (
            line.clerk_name,
            line.accepted,
            line.approved,
            line.rejected,
            line.issued,
            line.fees,
        )
        for line in report.lines
    }


def test_the_figures_per_business_and_clerk(day_of_work: tuple[Database, Actor]) -> None:
    db, supervisor = day_of_work
    report = reports.daily_report(db, supervisor, OUTLET, datetime.now(UTC).date(), UTC)
    assert lines_of(report) == {
        ("replacement", "0101"): ("王芳", 4, 1, 1, 0, Decimal("20.00")),
        ("reissue", "0101"): ("王芳", 0, 0, 0, 1, Decimal("0.00")),
        ("reissue", "0102"): ("刘强", 1, 1, 0, 0, Decimal("20.00")),
    }
    assert [(line.business, line.clerk_no) for line in report.lines] == [
        (Business.REPLACEMENT, "0101"),
        (Business.REISSUE, "0101"),
        (Business.REISSUE, "0102"),
    ]
    assert report.totals == reports.Totals(5, 2, 1, 1, Decimal("40.00"))
    with db.transaction() as session:
        event = session.query(AuditEvent).order_by(AuditEvent.seq.desc()).first()
        assert event is not None
        assert (event.action, event.actor, event.detail) == ("daily_report", "0201", OUTLET.code)


def test_another_day_is_empty_but_for_yesterdays_fee(
    day_of_work: tuple[Database, Actor],
) -> None:
    db, supervisor = day_of_work
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    report = reports.daily_report(db, supervisor, OUTLET, yesterday, UTC)
    assert lines_of(report) == {("replacement", "0101"): ("王芳", 0, 0, 0, 0, Decimal("35.00"))}


def test_a_clerk_may_not_read_the_report(db: Database) -> None:
    clerk = add_member(db, "0101", Role.CLERK)
    with pytest.raises(PermissionDenied):
        reports.daily_report(db, clerk, OUTLET, datetime.now(UTC).date())


def test_csv_has_a_row_per_line_and_the_totals(day_of_work: tuple[Database, Actor]) -> None:
    db, supervisor = day_of_work
    day = datetime.now(UTC).date()
    rows = reports.to_csv(reports.daily_report(db, supervisor, OUTLET, day, UTC)).splitlines()
    assert rows == [
        "date,outlet,business,clerk_no,clerk_name,accepted,approved,rejected,issued,fees",
        f"{day},320100001,replacement,0101,王芳,4,1,1,0,20.00",
        f"{day},320100001,reissue,0101,王芳,0,0,0,1,0.00",
        f"{day},320100001,reissue,0102,刘强,1,1,0,0,20.00",
        f"{day},320100001,total,,,5,2,1,1,40.00",
    ]


def printed_lines(pdf: bytes) -> list[str]:
    """The words pdftotext finds, joined into lines by their height on the page."""
    _, words = poppler.words(pdf)
    rows: dict[tuple[int, int], list[poppler.Word]] = {}
    for word in words:
        rows.setdefault((word.page, round(word.y_max)), []).append(word)
    return [
        " ".join(word.text for word in sorted(row, key=lambda w: w.x_min))
        for _, row in sorted(rows.items())
    ]


def test_the_pdf_prints_the_same_figures_in_chinese(day_of_work: tuple[Database, Actor]) -> None:
    db, supervisor = day_of_work
    day = datetime.now(UTC).date()
    pdf = reports.to_pdf(reports.daily_report(db, supervisor, OUTLET, day, UTC))
    text = poppler.text(pdf)
    assert "受理编号" not in text  # a report belongs to no application
    lines = printed_lines(pdf)
    for expected in (
        "网点业务日报",
        "Daily Report",
        OUTLET.name,
        day.isoformat(),
        "赵敏（工号 0201）",
    ):
        assert expected in text
    assert any(line.endswith("王芳（工号 0101） 4 1 1 0 ¥20.00") for line in lines), lines
    assert any(line.endswith("王芳（工号 0101） 0 0 0 1 ¥0.00") for line in lines), lines
    assert any(line.endswith("刘强（工号 0102） 1 1 0 0 ¥20.00") for line in lines), lines
    assert any(line.startswith("合计") and line.endswith("5 2 1 1 ¥40.00") for line in lines)
    assert ID_NUMBER not in text and "002X" not in text
    fonts = poppler.fonts(pdf)
    assert fonts and all(font.embedded and font.subset for font in fonts)
    assert not any("Helvetica" in font.name for font in fonts)
