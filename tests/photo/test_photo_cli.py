"""`counter-app photo prepare`: every exit code, the JSON on stdout, the file written or not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from counter_app.cli.main import main
from counter_app.photo import standard as std
from counter_app.resources import load_rules
from tests.photo import samples

LIMITS = load_rules().photo_file_size


def write_png(path: Path, image: np.ndarray) -> Path:
    path.write_bytes(samples.png(image))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["photo", "prepare", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_exit_0_writes_the_photo_and_reports_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_png(tmp_path / "astronaut.png", samples.astronaut())
    out = tmp_path / "photo.jpg"
    code, stdout, _ = run(capsys, str(source), "--out", str(out), "--json")
    assert code == 0
    report = json.loads(stdout)
    data = out.read_bytes()
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    assert image.shape == (std.HEIGHT, std.WIDTH, 3)
    assert (report["width"], report["height"], report["bytes"]) == (358, 441, len(data))
    assert LIMITS.min_bytes <= len(data) <= LIMITS.max_bytes
    face = report["face"]
    assert 0 <= face["x"] <= std.WIDTH - face["width"]
    assert 0 <= face["y"] <= std.HEIGHT - face["height"]
    assert std.FACE_WIDTH[0] <= face["width"] <= std.FACE_WIDTH[1]
    assert report["background"] == "made_white"
    assert {check["code"] for check in report["checks"]} == set(samples.PROBLEM_CASES)
    assert all(check["passed"] for check in report["checks"])


def test_exit_0_without_json_says_it_in_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_png(tmp_path / "astronaut.png", samples.astronaut())
    out = tmp_path / "photo.jpg"
    code, stdout, _ = run(capsys, str(source), "--out", str(out))
    assert code == 0
    assert stdout.startswith(f"{out}: 358×441, {out.stat().st_size} bytes")


@pytest.mark.parametrize("code", ["several_faces", "background"])
def test_exit_1_lists_the_problems_and_writes_nothing(
    code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_png(tmp_path / "in.png", samples.PROBLEM_CASES[code]())
    out = tmp_path / "photo.jpg"
    exit_code, stdout, stderr = run(capsys, str(source), "--out", str(out), "--json")
    assert exit_code == 1
    assert json.loads(stdout) == {"problems": [code]}
    assert f"{code}: " in stderr
    assert not out.exists()


def test_exit_2_for_a_missing_file_or_one_that_is_no_image(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "photo.jpg"
    code, stdout, stderr = run(capsys, str(tmp_path / "absent.jpg"), "--out", str(out))
    assert code == 2 and stdout == ""
    assert "cannot read" in stderr and "absent.jpg" in stderr
    text = tmp_path / "notes.jpg"
    text.write_text("not a photo", encoding="utf-8")
    code, _, stderr = run(capsys, str(text), "--out", str(out))
    assert code == 2 and "not an image" in stderr
    assert not out.exists()


def test_exit_2_when_the_rules_limits_cannot_be_met(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = load_rules().source_name
    rules_file = tmp_path / shipped
    text = (Path(__file__).parents[2] / "counter_app/resources" / shipped).read_text("utf-8")
    rules_file.write_text(
        text.replace("min_bytes = 9216", "min_bytes = 1024").replace(
            "max_bytes = 40960", "max_bytes = 1100"
        ),
        encoding="utf-8",
    )
    source = write_png(tmp_path / "astronaut.png", samples.astronaut())
    out = tmp_path / "photo.jpg"
    code = main(["--rules", str(rules_file), "photo", "prepare", str(source), "--out", str(out)])
    assert code == 2
    assert "byte limits" in capsys.readouterr().err
    assert not out.exists()


def test_exit_3_when_the_output_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_png(tmp_path / "astronaut.png", samples.astronaut())
    out = tmp_path / "no such folder" / "photo.jpg"
    code, _, stderr = run(capsys, str(source), "--out", str(out))
    assert code == 3
    assert "cannot write" in stderr


def test_the_command_and_the_package_leave_opencv_unloaded_until_used() -> None:
    probe = (
        "import sys\n"
        "import counter_app.photo, counter_app.photo.standard, counter_app.photo.problems\n"
        "import counter_app.photo.framing, counter_app.cli.photo_commands\n"
        "from counter_app.cli.commands import build_parser\n"
        "build_parser()\n"
        "print(sorted(m for m in ('cv2', 'numpy') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"


def test_the_cascade_comes_from_the_opencv_wheel() -> None:
    from counter_app.photo.faces import CASCADE

    assert (Path(cv2.data.haarcascades) / CASCADE).is_file()
    assert Path(cv2.data.haarcascades).is_relative_to(Path(cv2.__file__).parent)
