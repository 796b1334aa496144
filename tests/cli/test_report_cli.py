"""`counter-app report daily`, run as a real subprocess on the demo outlet's day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from counter_app.store.database import Database
from tests.cli.test_cli import cli
from tests.printing import poppler


def test_daily_report_as_csv_and_pdf(db: Database, tmp_path: Path) -> None:
    assert cli(db.url, "demo", "seed").returncode == 0
    today = date.today().isoformat()
    csv_file, pdf_file = tmp_path / "day.csv", tmp_path / "day.PDF"

    done = cli(db.url, "report", "daily", "--date", today, "--out", str(csv_file))
    assert done.returncode == 0, done
    assert "accepted 5, approved 2, rejected 1, issued 0, fees 0.00" in done.stdout
    rows = csv_file.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("date,outlet,business,clerk_no")
    outlet = rows[1].split(",")[1]
    assert rows[1:] == [
        f"{today},{outlet},replacement,0101,王芳,2,1,0,0,0.00",
        f"{today},{outlet},replacement,0102,刘强,1,0,1,0,0.00",
        f"{today},{outlet},reissue,0101,王芳,1,1,0,0,0.00",
        f"{today},{outlet},correction,0102,刘强,1,0,0,0,0.00",
        f"{today},{outlet},total,,,5,2,1,0,0.00",
    ]

    done = cli(db.url, "report", "daily", "--date", today, "--out", str(pdf_file))
    assert done.returncode == 0, done
    text = poppler.text(pdf_file.read_bytes())
    assert "网点业务日报" in text and "王芳（工号 0101）" in text and today in text


def test_daily_report_refuses_an_unknown_format_and_a_bad_date(
    sqlite_url: str, tmp_path: Path
) -> None:
    assert cli(sqlite_url, "db", "upgrade").returncode == 0
    wrong = cli(sqlite_url, "report", "daily", "--out", str(tmp_path / "day.txt"))
    assert wrong.returncode == 1 and ".pdf or .csv" in wrong.stderr
    assert not (tmp_path / "day.txt").exists()
    bad_day = cli(sqlite_url, "report", "daily", "--date", "21.11.2026", "--out", "x.csv")
    assert bad_day.returncode == 2 and "is not a date" in bad_day.stderr
