"""`counter-app print receipt` through a real CUPS queue: the original, then a marked reprint;
a stopped queue is named, and the receipt stays ready to print again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.store.database import Database
from tests import cups_env
from tests.cups_env import PrivateCups
from tests.printing.poppler import text

cups = cups_env.cups
cups_queue = cups_env.cups_queue
pytestmark = pytest.mark.cups


def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counter_app", "--db", url, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def demo_url(sqlite_url: str) -> str:
    assert cli(sqlite_url, "db", "upgrade").returncode == 0
    assert cli(sqlite_url, "demo", "seed").returncode == 0
    return sqlite_url


def first_receipt(url: str) -> str:
    from counter_app.services import documents

    return documents.history(Database(url))[0].receipt_no or ""


def test_original_then_reprint_come_out_of_the_printer(
    cups_queue: PrivateCups, demo_url: str
) -> None:
    receipt = first_receipt(demo_url)
    printer = ("--printer", cups_queue.printer)
    original = cli(demo_url, "print", "receipt", receipt, *printer)
    assert original.returncode == 0, original.stderr
    first = text(cups_queue.wait_for_pdf().read_bytes())
    again = cli(demo_url, "print", "receipt", receipt, *printer)
    assert again.returncode == 0 and "reprint" in again.stdout
    second = text(cups_queue.wait_for_pdf().read_bytes())
    assert receipt in first and "王小明" in first and "重打" not in first
    assert "重打 第 1 次" in second
    assert "320102198503121234" not in first + second


def test_a_stopped_printer_is_named_and_the_receipt_waits(
    cups_queue: PrivateCups, demo_url: str, tmp_path: Path
) -> None:
    receipt = first_receipt(demo_url)
    cups_queue.disable("out of paper")
    failed = cli(demo_url, "print", "receipt", receipt, "--printer", cups_queue.printer)
    assert failed.returncode == 5 and "kept" in failed.stderr
    assert "Traceback" not in failed.stderr
    cups_queue.enable()
    retried = cli(demo_url, "print", "receipt", receipt, "--printer", cups_queue.printer)
    assert retried.returncode == 0 and "print 1" in retried.stdout  # still the original
    assert "重打" not in text(cups_queue.wait_for_pdf().read_bytes())
