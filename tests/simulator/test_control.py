"""Inserting and removing cards as background processes, against an in-test vpcd."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.resources.simulated_cards import load_profiles
from counter_app.simulator import control
from tests.simulator.fake_vpcd import FakeVpcd, PollingVpcd

PROFILES = load_profiles()


def atr_of(key: str) -> bytes:
    return bytes.fromhex("3B6D0000" + PROFILES[key].atr_historical)


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(control.RUNTIME_DIR_ENV, str(tmp_path))
    return tmp_path


@pytest.fixture
def vpcd(runtime: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PollingVpcd]:
    server = PollingVpcd()
    started: list[int] = []
    original = control._launch

    def launch_and_remember(*args, **kwargs) -> int:  # type: ignore[no-untyped-def]
        pid = original(*args, **kwargs)
        started.append(pid)
        return pid

    monkeypatch.setattr(control, "_launch", launch_and_remember)
    try:
        yield server
    finally:
        for slot in control.SLOTS:
            control.remove(slot)
        for pid in started:  # never leave a card process behind, whatever the test did
            if running(pid):
                os.kill(pid, signal.SIGKILL)
        server.stop()


def test_insert_list_remove(vpcd: PollingVpcd, runtime: Path) -> None:
    pid = control.insert("wang_xiaoming", 0, port=vpcd.port)
    assert running(pid)
    # insert returns once vpcd has talked to the card (its answer may still be on the way).
    assert vpcd.visits
    assert vpcd.wait_for(lambda visits: visits[-1].atr == atr_of("wang_xiaoming"))
    assert control.inserted() == {0: "wang_xiaoming"}
    record = json.loads((runtime / "slot0.pid").read_text())
    assert record == {
        "pid": pid,
        "profile": "wang_xiaoming",
        "host": "127.0.0.1",
        "port": vpcd.port,
    }

    assert control.remove(0) is True
    assert not running(pid)
    assert vpcd.wait_for(lambda visits: visits[-1].closed_at is not None)
    assert not (runtime / "slot0.pid").exists()
    assert control.inserted() == {}
    assert control.remove(0) is False


def test_inserting_the_same_card_again_keeps_it(vpcd: PollingVpcd) -> None:
    pid = control.insert("chen_jing", 0, port=vpcd.port)
    assert control.insert("chen_jing", 0, port=vpcd.port) == pid
    assert len(vpcd.visits) == 1


def test_inserting_another_card_replaces_the_first_after_a_gap(vpcd: PollingVpcd) -> None:
    first = control.insert("wang_xiaoming", 0, port=vpcd.port)
    second = control.insert("zhang_wei", 0, port=vpcd.port)
    assert second != first
    assert not running(first)
    assert control.inserted() == {0: "zhang_wei"}
    old, new = vpcd.visits[-2:]
    assert (old.atr, new.atr) == (atr_of("wang_xiaoming"), atr_of("zhang_wei"))
    # The old card really left before the new one came, long enough for pcscd to notice.
    assert old.closed_at is not None
    assert new.accepted_at - old.closed_at >= control.REINSERT_GAP - 0.05


def test_a_quick_reinsert_after_remove_still_waits_the_gap(vpcd: PollingVpcd) -> None:
    control.insert("wang_xiaoming", 0, port=vpcd.port)
    control.remove(0)
    removed = time.monotonic()
    control.insert("wang_xiaoming", 0, port=vpcd.port)
    assert time.monotonic() - removed >= control.REINSERT_GAP - 0.05


def test_an_unknown_profile_is_refused_before_touching_the_slot(
    vpcd: PollingVpcd, runtime: Path
) -> None:
    with pytest.raises(control.SimulatorError, match="no simulated card 'nobody'"):
        control.insert("nobody", 0, port=vpcd.port)
    assert not (runtime / "slot0.pid").exists()
    assert vpcd.visits == []


def test_a_profile_that_does_not_fit_the_chip_is_refused(
    vpcd: PollingVpcd, runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = dataclasses.replace(PROFILES["wang_xiaoming"], name="阿" * 26)
    monkeypatch.setattr(control, "load_profiles", lambda: {"broken": broken})
    with pytest.raises(control.SimulatorError, match=r"broken cannot be simulated: .*too long"):
        control.insert("broken", 0, port=vpcd.port)
    assert not (runtime / "slot0.pid").exists()


def test_an_unknown_slot_is_refused(runtime: Path) -> None:
    with pytest.raises(control.SimulatorError, match="slots 0 and 1"):
        control.insert("wang_xiaoming", 2)
    with pytest.raises(control.SimulatorError, match="slots 0 and 1"):
        control.remove(5)


def test_insert_with_nothing_listening_says_so_and_leaves_nothing(runtime: Path) -> None:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    start = time.monotonic()
    with pytest.raises(control.SimulatorError, match=r"slot 1: nothing accepted .* pcscd"):
        control.insert("wang_xiaoming", 1, port=port, connect_timeout=0.5)
    assert time.monotonic() - start < 3
    assert not (runtime / "slot1.pid").exists()
    assert control.inserted() == {}


def test_a_stale_pid_file_is_neither_listed_nor_killed(runtime: Path) -> None:
    # A pid that now belongs to some other program must never receive our SIGTERM.
    stranger = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        record = {"pid": stranger.pid, "profile": "zhou_min", "host": "127.0.0.1", "port": 1}
        (runtime / "slot1.pid").write_text(json.dumps(record))
        assert control.inserted() == {}
        assert control.remove(1) is False
        assert stranger.poll() is None
        assert not (runtime / "slot1.pid").exists()
    finally:
        stranger.kill()
        stranger.wait()


def test_two_slots_hold_two_cards(vpcd: PollingVpcd) -> None:
    other = PollingVpcd()
    try:
        control.insert("sun_li", 0, port=vpcd.port)
        control.insert("bank_debit", 1, port=other.port)
        assert control.inserted() == {0: "sun_li", 1: "bank_debit"}
        assert other.visits[-1].atr == atr_of("bank_debit")
        control.remove(1)
        assert control.inserted() == {0: "sun_li"}
    finally:
        control.remove(1)
        other.stop()


def test_the_runtime_directory_for_root_and_for_users(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(control.RUNTIME_DIR_ENV, raising=False)
    monkeypatch.setattr(Path, "mkdir", lambda *args, **kwargs: None)
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert control.runtime_dir() == Path("/run/counter_app")
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/run/user/1000")
    assert control.runtime_dir() == Path("/run/user/1000/counter_app")


def test_remove_kills_a_card_process_that_ignores_sigterm(
    runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(control, "STOP_TIMEOUT", 0.3)
    stubborn = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(30)",
            "counter_app.simulator",  # so that it passes for a card process
        ]
    )
    try:
        time.sleep(0.2)  # let it ignore SIGTERM before it gets one
        record = {"pid": stubborn.pid, "profile": "wang_xiaoming", "host": "127.0.0.1", "port": 1}
        (runtime / "slot0.pid").write_text(json.dumps(record))
        assert control.inserted() == {0: "wang_xiaoming"}
        assert control.remove(0) is True
        assert stubborn.wait(2) == -signal.SIGKILL
    finally:
        stubborn.kill()
        stubborn.wait()


def serve_process(port: int, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "counter_app.simulator",
            "serve",
            "sun_li",
            "--port",
            str(port),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def test_serve_stops_cleanly_on_sigterm() -> None:
    server = FakeVpcd()
    card = serve_process(server.port)
    try:
        connection = server.accept()
        assert connection.atr() == atr_of("sun_li")
        assert connection.transmit(bytes.fromhex("0084000008"))[-2:] == b"\x61\x08"
        card.send_signal(signal.SIGTERM)
        assert card.wait(5) == 0
        assert connection.closed_by_card()
    finally:
        card.kill()
        card.wait()
        server.close()


def test_serve_reconnects_when_vpcd_restarts() -> None:
    server = FakeVpcd()
    card = serve_process(server.port)
    try:
        first = server.accept()
        first.transmit(bytes.fromhex("00A404000F7378312E73682EC9E7BBE1B1A3D5CF"))
        first.close()  # pcscd going away: the card stays, powered off, and comes back
        second = server.accept()
        assert second.atr() == atr_of("sun_li")
        assert second.transmit(bytes.fromhex("00C000001B")) == b"\x69\x85"
        second.close()
    finally:
        card.kill()
        card.wait()
        server.close()


def test_serve_exits_1_when_no_vpcd_listens() -> None:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    card = serve_process(port, "--connect-timeout", "0.3")
    try:
        output, _ = card.communicate(timeout=10)
    finally:
        card.kill()
    assert card.returncode == 1
    assert b"is pcscd running" in output
