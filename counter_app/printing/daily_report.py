"""网点业务日报 Daily report (A4): per business and clerk, what the outlet did on one day.

Counts and fees only: no holder, document or card number appears on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import partial

from reportlab.platypus import Flowable

from counter_app.domain.application import Business
from counter_app.domain.rules import Label, Outlet
from counter_app.printing import blocks, formatting, labels
from counter_app.printing.blocks import Field
from counter_app.printing.data import StaffMember
from counter_app.printing.frame import A4, DocumentFrame, render

TITLE = Label("网点业务日报", "Daily Report")
HEADER = (
    Label("业务类型", "Business"),
    Label("经办柜员", "Clerk"),
    Label("受理", "Accepted"),
    Label("通过", "Approved"),
    Label("退回", "Rejected"),
    Label("发卡", "Issued"),
    Label("收费", "Fees"),
)
SHARES = (0.22, 0.22, 0.1, 0.1, 0.1, 0.1, 0.16)  # of the body's width, column by column
TOTAL = Label("合计", "Total")
NOTHING = Label("当日无业务", "No business on this day")


@dataclass(frozen=True)
class DailyReportLine:
    business: Business
    clerk: StaffMember
    accepted: int
    approved: int
    rejected: int
    issued: int
    fees: Decimal


@dataclass(frozen=True)
class DailyReportData:
    outlet: Outlet
    day: date
    lines: tuple[DailyReportLine, ...]
    made_by: StaffMember
    made_at: datetime


def build_daily_report(data: DailyReportData, reprint: int = 0) -> bytes:
    frame = DocumentFrame(TITLE, data.outlet, None, reprint, A4)
    return render(frame, partial(story, data))


def story(data: DailyReportData, width: float) -> list[Flowable]:
    # The outlet's name and code are in the page header.
    about = [
        Field(Label("营业日期", "Business day"), formatting.day(data.day), wide=True),
        Field(Label("制表人", "Prepared by"), blocks.staff(data.made_by)),
        Field(Label("制表时间", "Prepared at"), formatting.moment(data.made_at)),
    ]
    rows: list[list[blocks.Cell]] = [
        [
            blocks.named(labels.BUSINESS[line.business]),
            blocks.staff(line.clerk),
            *_figures(line.accepted, line.approved, line.rejected, line.issued, line.fees),
        ]
        for line in data.lines
    ]
    if not rows:
        rows.append([blocks.named(NOTHING), "", *_figures(0, 0, 0, 0, Decimal(0))])
    rows.append(
        [
            blocks.named(TOTAL),
            "",
            *_figures(
                sum(line.accepted for line in data.lines),
                sum(line.approved for line in data.lines),
                sum(line.rejected for line in data.lines),
                sum(line.issued for line in data.lines),
                sum((line.fees for line in data.lines), Decimal(0)),
            ),
        ]
    )
    return [
        blocks.grid(about, width),
        blocks.gap(10),
        blocks.columns(HEADER, rows, [share * width for share in SHARES]),
        blocks.gap(14),
        blocks.signatures([Label("制表", "Prepared by"), Label("复核", "Checked by")], width),
    ]


def _figures(
    accepted: int, approved: int, rejected: int, issued: int, fees: Decimal
) -> list[blocks.Cell]:
    return [str(accepted), str(approved), str(rejected), str(issued), formatting.amount(fees)]
