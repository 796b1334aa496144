"""Printing through a real CUPS queue (cups-pdf) and every printer error the clerk can meet."""

from __future__ import annotations

import getpass
import io
import re
import stat
import subprocess
import uuid
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from counter_app.printing import dispatch
from counter_app.printing.dispatch import (
    NoPrintService,
    PrinterDisabled,
    PrinterError,
    PrinterNotFound,
    PrintJobRefused,
    default_printer,
    list_printers,
    print_pdf,
)
from tests import cups_env
from tests.cups_env import PrivateCups

# The fixtures, under the names the tests ask for (tests/conftest.py does not import them).
cups = cups_env.cups
cups_queue = cups_env.cups_queue

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
CHINESE = "社会保障卡换卡受理回执"
real_cups = pytest.mark.cups


def make_pdf(marker: str) -> bytes:
    """One A4 page: a Chinese line in WenQuanYi Micro Hei and an ASCII marker."""
    if "TestWQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("TestWQY", FONT, subfontIndex=0))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("TestWQY", 16)
    page.drawString(72, 760, CHINESE)
    page.drawString(72, 730, marker)
    page.showPage()
    page.save()
    return buffer.getvalue()


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_text_of_bytes(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert pages, info.stdout
    return int(pages.group(1))


@pytest.fixture
def marker() -> str:
    return f"COUNTER-APP-{uuid.uuid4().hex[:12].upper()}"


# --- printing ----------------------------------------------------------------------------------
@real_cups
def test_prints_the_pdf_on_the_chosen_printer(cups_queue: PrivateCups, marker: str) -> None:
    pdf = make_pdf(marker)
    assert CHINESE in pdf_text_of_bytes(pdf)  # what is sent reads back, so the check is fair

    job = print_pdf(pdf, cups_queue.printer, "Acceptance receipt")

    assert re.fullmatch(rf"{cups_queue.printer}-\d+", job)
    printed = cups_queue.wait_for_pdf(timeout=30, job=job)
    assert printed.name == f"Acceptance_receipt-job_{job.rsplit('-', 1)[1]}.pdf"
    text = pdf_text(printed)
    assert marker in text
    assert CHINESE in text
    assert pdf_pages(printed) == 1


@real_cups
def test_copies_reach_cups(cups_queue: PrivateCups, marker: str) -> None:
    job = print_pdf(make_pdf(marker), cups_queue.printer, "Two copies", copies=2)

    printed = cups_queue.wait_for_pdf(timeout=30, job=job)
    assert marker in pdf_text(printed)
    assert cups_queue.impressions(job) == 2  # one page, twice


@real_cups
def test_cups_default_printer_is_used_when_none_is_chosen(
    cups_queue: PrivateCups, marker: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The user's own lpoptions and LPDEST/PRINTER would override the server's default.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("LPDEST", raising=False)
    monkeypatch.delenv("PRINTER", raising=False)
    cups_queue.add_queue("Counter")
    cups_queue.run("lpadmin", "-d", "Counter")

    assert default_printer() == "Counter"
    job = print_pdf(make_pdf(marker), None, "Default printer")

    assert job.startswith("Counter-")
    assert marker in pdf_text(cups_queue.wait_for_pdf(timeout=30, job=job))


@real_cups
def test_lists_the_queues(cups_queue: PrivateCups) -> None:
    assert list_printers() == [cups_queue.printer]


@real_cups
def test_title_is_one_line(cups_queue: PrivateCups, marker: str) -> None:
    job = print_pdf(make_pdf(marker), cups_queue.printer, "Pickup\nconfirmation\t")

    printed = cups_queue.wait_for_pdf(timeout=30, job=job)
    assert printed.name.startswith("Pickup_confirmation-job_")


# --- what the clerk is told ----------------------------------------------------------------------
@real_cups
def test_unknown_printer(cups_queue: PrivateCups) -> None:
    with pytest.raises(PrinterNotFound, match="'NoSuchPrinter' does not exist") as caught:
        print_pdf(make_pdf("x"), "NoSuchPrinter", "Receipt")
    assert caught.value.printer == "NoSuchPrinter"
    assert cups_queue.jobs() == []


@pytest.mark.parametrize("name", ["-d", "two words", "a/b/c", "", "x" * 200])
def test_impossible_printer_names_are_not_passed_to_cups(name: str) -> None:
    with pytest.raises(PrinterNotFound, match="not a valid printer name"):
        print_pdf(b"%PDF-1.4", name, "Receipt")


@real_cups
def test_no_printer_and_no_default(
    cups_queue: PrivateCups, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("LPDEST", raising=False)
    monkeypatch.delenv("PRINTER", raising=False)

    assert default_printer() is None
    with pytest.raises(PrinterNotFound, match="No printer is chosen"):
        print_pdf(make_pdf("x"), None, "Receipt")


@real_cups
def test_stopped_queue_is_refused_before_cups_holds_the_job(cups_queue: PrivateCups) -> None:
    cups_queue.disable("paper jam")

    with pytest.raises(PrinterDisabled, match="is stopped") as caught:
        print_pdf(make_pdf("x"), cups_queue.printer, "Receipt")

    assert caught.value.reason == "paper jam"
    assert cups_queue.jobs() == []  # nothing waits to come out once someone resumes the queue


@real_cups
def test_cups_itself_holds_jobs_for_a_stopped_queue(cups_queue: PrivateCups) -> None:
    """Why a stopped queue is refused: lp succeeds and the page silently waits."""
    cups_queue.disable()
    job = subprocess.run(
        ["lp", "-d", cups_queue.printer, "-"],
        input=make_pdf("held"),
        capture_output=True,
        env=cups_queue.env(),
        check=True,
    )
    assert b"request id is" in job.stdout
    assert len(cups_queue.jobs()) == 1
    cups_queue.cancel_all()


@real_cups
def test_rejecting_queue(cups_queue: PrivateCups) -> None:
    cups_queue.reject("maintenance")

    with pytest.raises(PrinterDisabled, match="not accepting") as caught:
        print_pdf(make_pdf("x"), cups_queue.printer, "Receipt")

    assert caught.value.reason == "maintenance"
    assert cups_queue.jobs() == []


@real_cups
def test_job_refused_by_cups_carries_lps_message(cups_queue: PrivateCups) -> None:
    # "all" is no keyword for deny: name the user lp sends as.
    cups_queue.run("lpadmin", "-p", cups_queue.printer, "-u", f"deny:{getpass.getuser()}")

    with pytest.raises(PrintJobRefused, match="refused the job") as caught:
        print_pdf(make_pdf("x"), cups_queue.printer, "Receipt")

    assert "Not allowed to print" in caught.value.reason
    assert cups_queue.jobs() == []


@real_cups
def test_cups_not_running(cups_queue: PrivateCups) -> None:
    cups_queue.stop()

    with pytest.raises(NoPrintService, match="not running"):
        print_pdf(make_pdf("x"), cups_queue.printer, "Receipt")
    with pytest.raises(NoPrintService):
        print_pdf(make_pdf("x"), None, "Receipt")
    with pytest.raises(NoPrintService):
        list_printers()
    with pytest.raises(NoPrintService):
        default_printer()

    cups_queue.start()  # and back: the queue is still there and prints
    assert list_printers() == [cups_queue.printer]


def test_unreachable_cups_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-such.sock"))
    with pytest.raises(NoPrintService):
        print_pdf(b"%PDF-1.4", "Anything", "Receipt")


def test_missing_cups_client(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(NoPrintService, match="not installed"):
        print_pdf(b"%PDF-1.4", "Anything", "Receipt")


def test_a_hanging_cups_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "lpstat"
    fake.write_text("#!/bin/sh\nexec /bin/sleep 30\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(dispatch, "STATUS_TIMEOUT", 0.3)
    with pytest.raises(NoPrintService, match=r"did not answer within 0\.3 seconds"):
        list_printers()


def test_every_error_is_a_printer_error() -> None:
    for kind in (NoPrintService, PrinterNotFound, PrinterDisabled, PrintJobRefused):
        assert issubclass(kind, PrinterError)


@pytest.mark.parametrize("copies", [0, -1])
def test_copies_below_one_are_a_programming_error(copies: int) -> None:
    with pytest.raises(ValueError, match="copies"):
        print_pdf(b"%PDF-1.4", "Anything", "Receipt", copies=copies)


def test_an_empty_pdf_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="empty"):
        print_pdf(b"", "Anything", "Receipt")


# --- reading lpstat ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (
            "printer Front is idle.  enabled since Sat 21 Nov 2026\n"
            "Front accepting requests since Sat 21 Nov 2026\n",
            (True, True, {"printer": "", "accepting": ""}),
        ),
        (
            "printer front now printing front-7.  enabled since Sat 21 Nov 2026\n"
            "front accepting requests since Sat 21 Nov 2026\n",
            (True, True, {"printer": "", "accepting": ""}),
        ),
        (
            "printer Front disabled since Sat 21 Nov 2026 -\n\tPaper Jam\n"
            "Front accepting requests since Sat 21 Nov 2026\n",
            (False, True, {"printer": "Paper Jam", "accepting": ""}),
        ),
        (
            "printer Front is idle.  enabled since Sat 21 Nov 2026\n\tmaintenance\n"
            "Front not accepting requests since Sat 21 Nov 2026 -\n\tmaintenance\n",
            (True, False, {"printer": "maintenance", "accepting": "maintenance"}),
        ),
        ("", (None, None, {"printer": "", "accepting": ""})),
    ],
)
def test_reads_lpstat_whatever_the_case_of_the_name(output: str, expected: tuple) -> None:
    assert dispatch._parse_status("FRONT", output) == expected
