"""The outlet's daily report: per business and clerk, what was accepted, approved, rejected and
issued that day, and the fees collected.

The counts come from the audit trail, which holds every transition with its time: an
application rejected, corrected and resubmitted on one day counts as accepted twice. Accepted,
approved and rejected count for the clerk who took the application; issued for the clerk who
handed the card out; fees for the clerk who took the application, on the day they were paid.
The day runs from local midnight to local midnight.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.application import Action, Business
from counter_app.domain.roles import Permission
from counter_app.domain.rules import Outlet
from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.store.database import Database
from counter_app.store.models import Application, AuditEvent, Fee, Staff

# Who may read the outlet's figures: those who decide, and IT at the command line.
COUNTED = (Action.SUBMIT, Action.APPROVE, Action.REJECT, Action.ISSUE)
CSV_HEADER = (
    "date",
    "outlet",
    "business",
    "clerk_no",
    "clerk_name",
    "accepted",
    "approved",
    "rejected",
    "issued",
    "fees",
)


@dataclass(frozen=True)
class DailyLine:
    business: Business
    clerk_no: str
    clerk_name: str
    accepted: int = 0
    approved: int = 0
    rejected: int = 0
    issued: int = 0
    fees: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class Totals:
    accepted: int
    approved: int
    rejected: int
    issued: int
    fees: Decimal


@dataclass(frozen=True)
class DailyReport:
    day: date
    outlet: Outlet
    lines: tuple[DailyLine, ...]  # by business (in the lifecycle's order), then staff number
    made_by: Actor
    made_at: datetime

    @property
    def totals(self) -> Totals:
        return Totals(
            sum(line.accepted for line in self.lines),
            sum(line.approved for line in self.lines),
            sum(line.rejected for line in self.lines),
            sum(line.issued for line in self.lines),
            sum((line.fees for line in self.lines), Decimal("0.00")),
        )


def daily_report(
    db: Database, actor: Actor, outlet: Outlet, day: date, zone: tzinfo | None = None
) -> DailyReport:
    """The figures of `day` (local to `zone`, the workstation's by default); audited."""
    actor.require(Permission.VIEW_REPORTS)
    start, end = _bounds(day, zone)
    counts: dict[tuple[Business, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    fees: dict[tuple[Business, str], Decimal] = defaultdict(Decimal)
    with db.transaction() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.actor, AuditEvent.object_id).where(
                AuditEvent.at >= start,
                AuditEvent.at < end,
                AuditEvent.object_type == "application",
                AuditEvent.action.in_([action.value for action in COUNTED]),
            )
        ).all()
        makers = _makers(session, outlet.code, {int(e.object_id) for e in events})
        for action, actor_no, object_id in events:
            if (taken := makers.get(int(object_id))) is None:
                continue  # another outlet's application
            business, maker_no = taken
            clerk_no = actor_no if action == Action.ISSUE else maker_no
            counts[(business, clerk_no)][action] += 1
        paid = session.execute(
            select(Fee.amount, Application.business, Staff.staff_no)
            .join(Application, Application.id == Fee.application_id)
            .join(Staff, Staff.id == Application.maker_id)
            .where(Application.outlet_code == outlet.code, Fee.paid_at >= start, Fee.paid_at < end)
        ).all()
        for amount, business, clerk_no in paid:
            fees[(business, clerk_no)] += amount
        keys = set(counts) | set(fees)
        names = _names(session, {clerk_no for _, clerk_no in keys})
        audit.record(session, actor, "daily_report", "report", day.isoformat(), detail=outlet.code)
    order = list(Business)
    lines = tuple(
        DailyLine(
            business,
            clerk_no,
            names.get(clerk_no, ""),
            counts[(business, clerk_no)][Action.SUBMIT],
            counts[(business, clerk_no)][Action.APPROVE],
            counts[(business, clerk_no)][Action.REJECT],
            counts[(business, clerk_no)][Action.ISSUE],
            fees[(business, clerk_no)].quantize(Decimal("0.01")),
        )
        for business, clerk_no in sorted(keys, key=lambda k: (order.index(k[0]), k[1]))
    )
    return DailyReport(day, outlet, lines, actor, datetime.now(UTC))


def to_csv(report: DailyReport) -> str:
    """One row per business and clerk, then a total row (business `total`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    common = (report.day.isoformat(), report.outlet.code)
    for line in report.lines:
        writer.writerow(
            (
                *common,
                line.business.value,
                line.clerk_no,
                line.clerk_name,
                line.accepted,
                line.approved,
                line.rejected,
                line.issued,
                f"{line.fees:.2f}",
            )
        )
    totals = report.totals
    writer.writerow(
        (
            *common,
            "total",
            "",
            "",
            totals.accepted,
            totals.approved,
            totals.rejected,
            totals.issued,
            f"{totals.fees:.2f}",
        )
    )
    return out.getvalue()


def to_pdf(report: DailyReport) -> bytes:
    """The printed report (Chinese, the font embedded like every document)."""
    # ReportLab only when a PDF is wanted: the other commands start faster without it.
    from counter_app.printing.daily_report import (
        DailyReportData,
        DailyReportLine,
        build_daily_report,
    )
    from counter_app.printing.data import StaffMember

    return build_daily_report(
        DailyReportData(
            report.outlet,
            report.day,
            tuple(
                DailyReportLine(
                    line.business,
                    StaffMember(line.clerk_no, line.clerk_name),
                    line.accepted,
                    line.approved,
                    line.rejected,
                    line.issued,
                    line.fees,
                )
                for line in report.lines
            ),
            StaffMember(report.made_by.staff_no, report.made_by.name),
            report.made_at,
        )
    )


def _bounds(day: date, zone: tzinfo | None) -> tuple[datetime, datetime]:
    if zone is None:
        start = datetime.combine(day, time()).astimezone()  # the workstation's midnight
        end = datetime.combine(day + timedelta(days=1), time()).astimezone()
    else:
        start = datetime.combine(day, time(), zone)
        end = datetime.combine(day + timedelta(days=1), time(), zone)
    return start, end


def _makers(
    session: Session, outlet_code: str, application_ids: Iterable[int]
) -> dict[int, tuple[Business, str]]:
    rows = session.execute(
        select(Application.id, Application.business, Staff.staff_no)
        .join(Staff, Staff.id == Application.maker_id)
        .where(Application.id.in_(list(application_ids)), Application.outlet_code == outlet_code)
    ).all()
    return {row.id: (row.business, row.staff_no) for row in rows}


def _names(session: Session, staff_numbers: set[str]) -> dict[str, str]:
    rows = session.execute(
        select(Staff.staff_no, Staff.name).where(Staff.staff_no.in_(staff_numbers))
    ).all()
    return {row.staff_no: row.name for row in rows}
