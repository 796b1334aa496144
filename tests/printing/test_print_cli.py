"""`counter-app print sample --out DIR`, run as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.cli.main import main
from counter_app.printing import DocumentKind
from tests.printing.conftest import SAMPLES

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_sample_writes_one_pdf_per_document_and_lists_them(tmp_path: Path) -> None:
    out = tmp_path / "samples"
    done = subprocess.run(
        [sys.executable, "-m", "counter_app", "print", "sample", "--out", str(out)],
        capture_output=True,
        encoding="utf-8",
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    listed = [Path(line) for line in done.stdout.splitlines()]
    assert sorted(path.name for path in listed) == sorted(f"{name}.pdf" for name in SAMPLES)
    assert sorted(out.iterdir()) == sorted(listed)
    for path in listed:
        assert path.read_bytes().startswith(b"%PDF-")
    for kind in DocumentKind:
        assert any(path.name.startswith(kind.value) for path in listed)


def test_a_negative_reprint_count_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["print", "sample", "--out", str(tmp_path), "--reprint", "-1"]) == 1
    assert "--reprint" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_an_unwritable_folder_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["print", "sample", "--out", str(blocker / "sub")]) == 1
    assert "cannot create" in capsys.readouterr().err
