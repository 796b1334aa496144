"""`counter-app idcard read` as a process of its own, against the simulated reader's process
and against ptys that misbehave: the JSON field by field, and every exit code."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from counter_app.cli.commands import build_parser
from counter_app.idcard.frames import answer_frame
from tests.idcard import ptys
from tests.idcard.conftest import SimulatedReader, cli

COMMON_RESIDENT = {"card_type": "resident", "ethnicity": "01"}
EXPECTED: dict[str, dict[str, Any]] = {
    "wang_xiaoming": {
        **COMMON_RESIDENT,
        "name": "王小明",
        "sex": "1",
        "birth_date": "1985-03-12",
        "address": "南京市玄武区中山路18号",
        "id_number": "320102198503121234",
        "issuing_authority": "南京市公安局玄武分局",
        "valid_from": "2015-05-10",
        "valid_to": "2035-05-10",
    },
    "chen_jing": {
        **COMMON_RESIDENT,
        "name": "陈静",
        "sex": "2",
        "birth_date": "1962-02-18",
        "address": "南京市秦淮区夫子庙贡院街1号",
        "id_number": "320104196202180429",
        "issuing_authority": "南京市公安局秦淮分局",
        "valid_from": "2009-06-01",
        "valid_to": "long_term",
    },
    "ma_lin_expired": {
        "card_type": "resident",
        "name": "马琳",
        "sex": "2",
        "ethnicity": "03",
        "birth_date": "1995-08-17",
        "address": "南京市秦淮区七家湾8号",
        "id_number": "320104199508170024",
        "issuing_authority": "南京市公安局秦淮分局",
        "valid_from": "2015-10-20",
        "valid_to": "2025-10-20",
    },
    "chan_taiman": {
        "card_type": "hk_mo_tw",
        "name": "陈大文",
        "sex": "1",
        "ethnicity": None,
        "birth_date": "1992-03-15",
        "address": "南京市鼓楼区汉中路120号",
        "id_number": "810000199203150036",
        "issuing_authority": "南京市公安局鼓楼分局",
        "valid_from": "2024-05-06",
        "valid_to": "2029-05-06",
        "pass_number": "H12345678",
        "issue_count": "01",
    },
    "john_smith": {
        "card_type": "foreign",
        "name": "史密斯",
        "sex": "1",
        "ethnicity": None,
        "birth_date": "1980-12-15",
        "address": None,
        "id_number": "USA320080121510",
        "issuing_authority": None,
        "valid_from": "2019-04-01",
        "valid_to": "2029-04-01",
        "english_name": "SMITH, JOHN WILLIAM",
        "nationality": "USA",
    },
    "anna_mueller": {
        "card_type": "foreign_2023",
        "name": "安娜",
        "sex": "2",
        "ethnicity": None,
        "birth_date": "1985-04-19",
        "address": None,
        "id_number": "932276198504190026",
        "issuing_authority": None,
        "valid_from": "2024-01-15",
        "valid_to": "2034-01-15",
        "english_name": "ZHANG-MUELLER, ANNA MARIA KATHARINA ELISABETH",
        "nationality": "DEU",
        "issue_count": "00",
    },
}


def expired(valid_to: str) -> bool:
    return valid_to != "long_term" and date.fromisoformat(valid_to) < date.today()


@pytest.mark.parametrize("key", list(EXPECTED))
def test_json_of_each_card_type_field_by_field(
    idcard_reader: SimulatedReader, no_settings: Path, key: str
) -> None:
    port = idcard_reader.insert(key)
    result = cli("idcard", "read", "--port", port, "--json", runtime=idcard_reader.directory,
                 config=no_settings)  # fmt: skip
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    expected = {**EXPECTED[key], "expired": expired(EXPECTED[key]["valid_to"])}
    assert sorted(printed) == sorted(expected)
    for field, value in expected.items():
        assert printed[field] == value, field
    assert printed["expired"] is (key == "ma_lin_expired")


def human_output(reader: SimulatedReader, key: str, config: Path) -> str:
    """What `idcard read` prints for the card `key`, without --json (it must succeed)."""
    port = reader.insert(key)
    result = cli("idcard", "read", "--port", port, runtime=tmp_dir(config), config=config)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_without_json_numbers_are_masked(idcard_reader: SimulatedReader, no_settings: Path) -> None:
    printed = human_output(idcard_reader, "chan_taiman", no_settings)
    assert "810000********0036" in printed
    assert "H12****78" in printed
    assert "810000199203150036" not in printed
    assert "H12345678" not in printed
    assert "陈大文" in printed


def test_an_expired_card_says_so(idcard_reader: SimulatedReader, no_settings: Path) -> None:
    printed = human_output(idcard_reader, "ma_lin_expired", no_settings)
    assert "2015-10-20 to 2025-10-20 — EXPIRED" in printed
    assert "回族 (03)" in printed


def test_no_card_exits_3_at_once(idcard_reader: SimulatedReader, no_settings: Path) -> None:
    idcard_reader.remove()
    started = time.monotonic()
    result = cli("idcard", "read", "--port", idcard_reader.port, runtime=idcard_reader.directory,
                 config=no_settings)  # fmt: skip
    assert result.returncode == 3, result.stderr
    assert "no ID card on the reader" in result.stderr
    assert result.stdout == ""
    assert time.monotonic() - started < 5.0  # never waited for the 5 s timeout


@pytest.mark.parametrize("kind", ["missing", "regular file", "character device"])
def test_a_port_that_is_no_serial_device_exits_2(
    tmp_path: Path, no_settings: Path, kind: str
) -> None:
    regular = tmp_path / "ttyUSB0"
    regular.write_bytes(b"")
    port = {"missing": str(tmp_path / "nothing"), "regular file": str(regular),
            "character device": "/dev/null"}[kind]  # fmt: skip
    result = cli("idcard", "read", "--port", port, runtime=tmp_path, config=no_settings)
    assert result.returncode == 2
    assert f"{port} cannot be opened as a serial port" in result.stderr


def test_no_reader_anywhere_exits_2(tmp_path: Path, no_settings: Path) -> None:
    result = cli("idcard", "read", runtime=tmp_path, config=no_settings)
    assert result.returncode == 2
    assert "no ID card reader found" in result.stderr


@pytest.mark.parametrize(
    ("far_end", "message"), [(ptys.silent, "does not answer"), (ptys.noisy, "answers garbage")]
)
def test_a_silent_or_noisy_reader_exits_6(
    tmp_path: Path, no_settings: Path, far_end: Callable[[], ptys.ScriptedPty], message: str
) -> None:
    with far_end() as pty:
        result = cli("idcard", "read", "--port", pty.port, "--timeout", "0.3", runtime=tmp_path,
                     config=no_settings)  # fmt: skip
    assert result.returncode == 6
    assert message in result.stderr


def test_a_bad_checksum_exits_6_without_waiting(tmp_path: Path, no_settings: Path) -> None:
    bad = answer_frame(0x9F, bytes(4))[:-1] + b"\x00"
    with ptys.answering(bad) as pty:
        started = time.monotonic()
        result = cli("idcard", "read", "--port", pty.port, runtime=tmp_path, config=no_settings)
        assert time.monotonic() - started < 5.0
    assert result.returncode == 6
    assert "checksum" in result.stderr


def test_the_default_wait_is_5_seconds() -> None:
    args = build_parser("idcard").parse_args(["idcard", "read"])
    assert args.timeout == 5.0
    assert args.port is None and not args.json


def write_setting(config: Path, port: str) -> None:
    """The way the window stores it: QSettings, INI format, in the user's config folder."""
    settings = QSettings(
        str(config / "counter_app" / "counter_app.ini"), QSettings.Format.IniFormat
    )
    settings.setValue("idcard/port", port)
    settings.sync()


def test_the_port_comes_from_the_setting(
    idcard_reader: SimulatedReader, tmp_path: Path, no_settings: Path
) -> None:
    idcard_reader.insert("li_xiuying")
    write_setting(no_settings, idcard_reader.port)
    # An empty runtime folder: the simulator cannot be found, only the setting names it.
    result = cli("idcard", "read", "--json", runtime=tmp_path, config=no_settings)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id_number"] == "320106199007240648"


def test_the_option_comes_before_the_setting(
    idcard_reader: SimulatedReader, tmp_path: Path, no_settings: Path
) -> None:
    idcard_reader.insert("zhang_wei")
    write_setting(no_settings, "/dev/null")
    result = cli("idcard", "read", "--json", "--port", idcard_reader.port, runtime=tmp_path,
                 config=no_settings)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "张伟"
    broken = cli("idcard", "read", runtime=tmp_path, config=no_settings)
    assert broken.returncode == 2
    assert "/dev/null" in broken.stderr


def test_without_option_or_setting_the_reader_is_found_by_its_sam_status(
    idcard_reader: SimulatedReader, no_settings: Path
) -> None:
    idcard_reader.insert("zhou_min")
    result = cli("idcard", "read", "--json", runtime=idcard_reader.directory, config=no_settings)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "周敏"


def tmp_dir(config: Path) -> Path:
    """An empty runtime folder beside the config folder."""
    runtime = config.parent / "runtime"
    runtime.mkdir(exist_ok=True)
    return runtime
