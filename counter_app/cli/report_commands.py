"""`counter-app report daily --date D --out FILE`: the outlet's daily report as PDF or CSV."""

from __future__ import annotations

from argparse import ArgumentTypeError, Namespace, _SubParsersAction
from datetime import date
from pathlib import Path

from counter_app.cli.common import EXIT_OK, CommandFailed, system_api

FORMATS = (".pdf", ".csv")


def register(commands: _SubParsersAction) -> None:
    parser = commands.add_parser("report", help="the outlet's reports")
    actions = parser.add_subparsers(dest="report_action", required=True)
    daily = actions.add_parser(
        "daily", help="per business and clerk: accepted, approved, rejected, issued, fees"
    )
    daily.add_argument(
        "--date", type=_day, default=date.today(), metavar="YYYY-MM-DD", help="default: today"
    )
    daily.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="a .pdf or a .csv file"
    )
    daily.set_defaults(handler=daily_report)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArgumentTypeError(f"{text!r} is not a date like 2026-11-21") from None


def daily_report(args: Namespace) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in FORMATS:
        raise CommandFailed(f"{args.out}: the file name must end in .pdf or .csv")
    # The answer's file formats (no database, and ReportLab only for a PDF).
    from counter_app.services.reports import to_csv, to_pdf

    api = system_api(args)
    report = api.daily_report(args.date)
    content = to_pdf(report) if suffix == ".pdf" else to_csv(report).encode()
    try:
        args.out.write_bytes(content)
    except OSError as error:
        raise CommandFailed(f"cannot write {args.out}: {error.strerror}") from error
    totals = report.totals
    print(
        f"{args.out}: {report.day} {report.outlet.code}, {len(report.lines)} line(s), "
        f"accepted {totals.accepted}, approved {totals.approved}, rejected {totals.rejected}, "
        f"issued {totals.issued}, fees {totals.fees:.2f}"
    )
    return EXIT_OK
