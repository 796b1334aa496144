"""The simulated reader from other processes: start it, lay a card on it, take it off, find it.

The reader is one detached process per state directory (the simulator's runtime directory by
default: $COUNTER_APP_RUNTIME_DIR, /run/counter_app for root, else the user's runtime
directory), which holds:
  idcard.json   {pid, port}: written by the reader once its pty is open, deleted when it stops
  idcard.card   the key of the card on the reader (absent: none)
  idcard.log    the reader's output
  idcard.lock   serialises start, insert, remove and unplug between processes (flock)
Like a real reader, it stays plugged in (same port) while cards come and go.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import counter_app
from counter_app.idcard.simulator.process import CARD_FILE, STATE_FILE
from counter_app.idcard.simulator.profiles import load_idcard_profiles

LOG_FILE = "idcard.log"
LOCK_FILE = "idcard.lock"
START_TIMEOUT = 10.0
STOP_TIMEOUT = 3.0
_MODULE = "counter_app.idcard.simulator"


class IdCardSimulatorError(RuntimeError):
    """The simulated reader could not be started, or there is no such card; says why."""


@dataclass(frozen=True)
class ReaderProcess:
    pid: int
    port: str


def state_dir(directory: Path | None = None) -> Path:
    if directory is not None:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        return directory
    # The social security card simulator's runtime directory: one place for both.
    from counter_app.simulator.control import runtime_dir

    return runtime_dir()


def running(directory: Path | None = None) -> ReaderProcess | None:
    """The reader's process and port, when it runs."""
    try:
        record = json.loads((state_dir(directory) / STATE_FILE).read_text(encoding="utf-8"))
        reader = ReaderProcess(int(record["pid"]), str(record["port"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return reader if _alive(reader.pid) else None


def simulated_port(directory: Path | None = None) -> str | None:
    """The simulated reader's port (the slave end of its pty) when it runs, else None."""
    reader = running(directory)
    return reader.port if reader else None


def card_on_reader(directory: Path | None = None) -> str | None:
    try:
        return (state_dir(directory) / CARD_FILE).read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def insert(profile_key: str, directory: Path | None = None) -> str:
    """Lay the card `profile_key` on the reader (started if need be); the reader's port."""
    profiles = load_idcard_profiles()
    if profile_key not in profiles:
        raise IdCardSimulatorError(
            f"no simulated ID card {profile_key!r}; the cards are: {', '.join(profiles)}"
        )
    directory = state_dir(directory)
    with _locked(directory):
        reader = _start(directory)
        partial = directory / f".{CARD_FILE}.{os.getpid()}"
        partial.write_text(profile_key + "\n", encoding="utf-8")
        partial.replace(directory / CARD_FILE)
    return reader.port


def remove(directory: Path | None = None) -> bool:
    """Take the card off the reader: True if one lay there."""
    directory = state_dir(directory)
    with _locked(directory):
        had_card = card_on_reader(directory) is not None
        (directory / CARD_FILE).unlink(missing_ok=True)
    return had_card


def start(directory: Path | None = None) -> ReaderProcess:
    """The reader's process, started (without a card) unless it runs."""
    directory = state_dir(directory)
    with _locked(directory):
        return _start(directory)


def unplug(directory: Path | None = None) -> bool:
    """Stop the reader's process (its port disappears), card and all: True if it ran."""
    directory = state_dir(directory)
    with _locked(directory):
        (directory / CARD_FILE).unlink(missing_ok=True)
        reader = running(directory)
        if reader is None:
            return False
        _stop(reader.pid)
        (directory / STATE_FILE).unlink(missing_ok=True)
        return True


def _start(directory: Path) -> ReaderProcess:
    if (reader := running(directory)) is not None:
        return reader
    # The child imports this very counter_app, whatever the caller's sys.path was.
    root = str(Path(counter_app.__file__).resolve().parent.parent)
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, (root, environment.get("PYTHONPATH", "")))
    )
    with (directory / LOG_FILE).open("wb") as output:
        # A session of its own: the reader outlives the command that started it.
        child = subprocess.Popen(
            [sys.executable, "-m", _MODULE, "--state-dir", str(directory)],
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=directory,
            env=environment,
            start_new_session=True,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while (reader := running(directory)) is None or reader.pid != child.pid:
        if child.poll() is not None or time.monotonic() > deadline:
            if child.poll() is None:
                _stop(child.pid)
            log_text = (directory / LOG_FILE).read_text(encoding="utf-8", errors="replace")
            last = log_text.strip().splitlines()[-1:] or ["it left no output"]
            raise IdCardSimulatorError(f"the simulated ID card reader did not start: {last[0]}")
        time.sleep(0.01)
    return reader


def _alive(pid: int) -> bool:
    """A live reader process: not gone, not a zombie, not someone else's reused pid."""
    try:
        os.kill(pid, 0)
        command_line = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (ProcessLookupError, PermissionError, FileNotFoundError):
        return False
    except OSError:
        return True  # no /proc to check against
    return _MODULE.encode() in command_line


def _stop(pid: int) -> None:
    """SIGTERM, then SIGKILL for a reader that ignores it; returns once the process is gone."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)
        if _gone_within(pid, STOP_TIMEOUT):
            return
    raise IdCardSimulatorError(f"the simulated ID card reader (pid {pid}) does not stop")


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while True:
        _reap(pid)
        if not _alive(pid):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)


def _reap(pid: int) -> None:
    """Collect our own child's exit, so it does not linger as a zombie."""
    with contextlib.suppress(ChildProcessError):  # another process's child: not ours to reap
        os.waitpid(pid, os.WNOHANG)


@contextmanager
def _locked(directory: Path) -> Iterator[None]:
    with (directory / LOCK_FILE).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
