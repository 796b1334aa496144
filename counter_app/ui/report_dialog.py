"""The outlet's daily report from the supervisor's menu: choose the day, see the figures, save
them as PDF or CSV, or print them after a preview.

Every figure is read, built and written off the GUI thread; each reading is an audit event, so
the report is read when asked for (Show), and what is saved or printed is what was shown.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.api.models import DailyReport
from counter_app.printing.formatting import amount
from counter_app.services.reports import to_csv, to_pdf
from counter_app.ui.busy import busy_indicator
from counter_app.ui.jobs import WidgetJobs
from counter_app.ui.labels import business_label
from counter_app.ui.messages import describe_error
from counter_app.ui.page_context import PageContext
from counter_app.ui.print_preview import PrintPreview
from counter_app.ui.tables import fill_table, read_only_table

PDF, CSV = ".pdf", ".csv"


def report_file(report: DailyReport, suffix: str) -> bytes:
    """The report as a PDF or CSV file's bytes (slow for a PDF: call it off the GUI thread)."""
    if suffix == PDF:
        return to_pdf(report)
    if suffix == CSV:
        return to_csv(report).encode()
    raise ValueError(f"a daily report is saved as {PDF} or {CSV}, not {suffix!r}")


def write_report(report: DailyReport, path: Path) -> Path:
    path.write_bytes(report_file(report, path.suffix.lower()))
    return path


class ReportDialog(QDialog):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.report: DailyReport | None = None
        self.preview: PrintPreview | None = None
        self._reads = 0
        self.setWindowTitle(self.tr("Daily report"))
        self.setMinimumSize(720, 480)

        day_label = QLabel(self.tr("Business &day:"))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("report_day")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate.currentDate())
        self.day.dateChanged.connect(lambda _: self._forget())
        day_label.setBuddy(self.day)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setObjectName("report_show")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.read)
        self.table = read_only_table("report_lines")
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        self.busy_indicator = busy_indicator("report_busy")
        self.busy_indicator.setMaximumWidth(120)
        self._jobs = WidgetJobs(self, context.background, self.busy_indicator)
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.pdf_button.setObjectName("report_pdf")
        self.pdf_button.setAutoDefault(False)
        self.pdf_button.clicked.connect(lambda: self._choose_file(PDF))
        self.csv_button = QPushButton(self.tr("Save as &CSV…"))
        self.csv_button.setObjectName("report_csv")
        self.csv_button.setAutoDefault(False)
        self.csv_button.clicked.connect(lambda: self._choose_file(CSV))
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.print_button.setObjectName("report_print")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_report)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        day_row = QHBoxLayout()
        day_row.addWidget(day_label)
        day_row.addWidget(self.day)
        day_row.addWidget(self.show_button)
        day_row.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_indicator)
        bottom.addStretch(1)
        for button in (self.pdf_button, self.csv_button, self.print_button, self.close_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(day_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self._show()
        self.day.setFocus()

    @property
    def busy(self) -> bool:
        return self._jobs.busy

    @property
    def chosen_day(self) -> date:
        return self.day.date().toPython()  # type: ignore[return-value]

    # -- reading --------------------------------------------------------------------------------
    def read(self) -> None:
        self._reads += 1
        read, api, day = self._reads, self._context.api, self.chosen_day
        self.message.setText(self.tr("Reading the figures…"))
        self._jobs.run(
            lambda: api.daily_report(day),
            lambda report: self._arrived(read, report),
            self._failed,
        )

    def _arrived(self, read: int, report: DailyReport) -> None:
        if read != self._reads:
            return
        self.report = report
        self.message.clear()
        self._show()

    def _failed(self, error: Exception) -> None:
        self.message.setText(describe_error(error))

    def _forget(self) -> None:
        """Another day: what is shown no longer answers it."""
        self._reads += 1
        self.report = None
        self.message.clear()
        self._show()

    def _show(self) -> None:
        report = self.report
        headers = (
            self.tr("Business"),
            self.tr("Clerk"),
            self.tr("Accepted"),
            self.tr("Approved"),
            self.tr("Rejected"),
            self.tr("Issued"),
            self.tr("Fees"),
        )
        rows: list[list[QTableWidgetItem]] = []
        if report is not None:
            rows = [
                [
                    QTableWidgetItem(business_label(line.business)),
                    QTableWidgetItem(f"{line.clerk_no} {line.clerk_name}"),
                    *self._figures(
                        line.accepted, line.approved, line.rejected, line.issued, line.fees
                    ),
                ]
                for line in report.lines
            ]
            totals = report.totals
            rows.append(
                [
                    QTableWidgetItem(self.tr("Total")),
                    QTableWidgetItem(""),
                    *self._figures(
                        totals.accepted,
                        totals.approved,
                        totals.rejected,
                        totals.issued,
                        totals.fees,
                    ),
                ]
            )
            if not report.lines:
                self.message.setText(self.tr("No business on this day."))
        fill_table(self.table, headers, rows)
        for button in (self.pdf_button, self.csv_button, self.print_button):
            button.setEnabled(report is not None)

    @staticmethod
    def _figures(
        accepted: int, approved: int, rejected: int, issued: int, fees: Decimal
    ) -> list[QTableWidgetItem]:
        texts = (str(accepted), str(approved), str(rejected), str(issued), amount(fees))
        return [QTableWidgetItem(text) for text in texts]

    # -- saving and printing --------------------------------------------------------------------
    def _choose_file(self, suffix: str) -> None:
        if self.report is None:
            return
        kind = self.tr("PDF files (*.pdf)") if suffix == PDF else self.tr("CSV files (*.csv)")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the daily report"),
            str(Path.home() / f"daily-report-{self.report.day.isoformat()}{suffix}"),
            kind,
        )
        if name:
            path = Path(name)
            self.save_as(path if path.suffix.lower() == suffix else path.with_suffix(suffix))

    def save_as(self, path: Path) -> None:
        """Write the report shown to `path` (.pdf or .csv)."""
        report = self.report
        if report is None:
            return
        self.message.setText(self.tr("Saving…"))
        self._jobs.run(
            lambda: write_report(report, path),
            lambda written: self.message.setText(
                self.tr("Saved to %1.").replace("%1", str(written))
            ),
            self._save_failed,
        )

    def _save_failed(self, error: Exception) -> None:
        if isinstance(error, OSError):
            self.message.setText(
                self.tr("The file cannot be written (%1). Choose another place.").replace(
                    "%1", error.strerror or type(error).__name__
                )
            )
        else:
            self._failed(error)

    def print_report(self) -> None:
        report = self.report
        if report is None:
            return
        self._jobs.run(
            lambda: report_file(report, PDF),
            lambda pdf: self._open_preview(report, pdf),
            self._failed,
        )

    def _open_preview(self, report: DailyReport, pdf: bytes) -> None:
        day = report.day.isoformat()
        send, printer = self._context.send, self._context.printer()
        if self.preview is not None:
            self.preview.deleteLater()
        self.preview = PrintPreview(
            self._context.background,
            pdf,
            self.tr("Daily report %1").replace("%1", day),
            lambda: send(pdf, printer, f"counter_app daily report {day}"),
            printer=printer,
            parent=self,
        )
        self.preview.open()
