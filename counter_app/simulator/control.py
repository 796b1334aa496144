"""Cards in the virtual readers: serve one in the foreground, or insert and remove them.

An inserted card is a detached `python -m counter_app.simulator serve` process connected to the
slot's vpcd port (slot 0 → 35963 "Virtual PCD 00 00", slot 1 → 35964 "Virtual PCD 00 01").
Per slot, the runtime directory holds:
  slotN.pid      JSON {pid, profile, host, port}, written by insert, deleted by remove
  slotN.ready    created by the card process when vpcd first talks to it
  slotN.log      the card process's output (rewritten at each insert)
  slotN.lock     serialises insert and remove between processes (flock)
  slotN.removed  its time stamp says when the slot was last emptied
The runtime directory is $COUNTER_APP_RUNTIME_DIR when set; /run/counter_app for root (pcscd
and vpcd are machine-wide, and root has no login session's runtime directory); otherwise
platformdirs' user runtime directory, $XDG_RUNTIME_DIR/counter_app, which disappears with the
login session just as the card processes' use does.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

import counter_app
from counter_app.resources.simulated_cards import CardProfile, load_profiles
from counter_app.simulator.psam import SimulatedPsam
from counter_app.simulator.security import PsamProfile, psam_profiles
from counter_app.simulator.sscard import SocialSecurityCard
from counter_app.simulator.vanishing import VanishingCard
from counter_app.simulator.vpcd import (
    DEFAULT_HOST,
    VPCD_PORTS,
    VirtualCard,
    VpcdClient,
    VpcdUnavailable,
)

log = logging.getLogger(__name__)

RUNTIME_DIR_ENV = "COUNTER_APP_RUNTIME_DIR"
# How the card process's last line begins when it fails (see cli.common.fail).
ERROR_PREFIX = "counter-app: "
ROOT_RUNTIME_DIR = Path("/run/counter_app")
SLOTS = (0, 1)
CONNECT_TIMEOUT = 3.0  # an inserted card gives up this soon when nothing listens
RECONNECT_TIMEOUT = 60.0  # …but waits this long for a restarting pcscd
READY_MARGIN = 2.0  # vpcd polls a new card within ~0.4 s of accepting it
STOP_TIMEOUT = 3.0
# pcscd polls every ~400 ms: a card back in the slot sooner may look as if it never left.
REINSERT_GAP = 0.6

# Our own card processes, so that their exit is reaped: a zombie would look alive to kill(pid, 0).
_children: dict[int, subprocess.Popen[bytes]] = {}


class SimulatorError(RuntimeError):
    """A card could not be inserted or removed; the message says why, for the clerk's trainer."""


@dataclass(frozen=True)
class SlotRecord:
    pid: int
    profile: str
    host: str
    port: int


# The foreground card


def serve(
    profile_key: str,
    *,
    host: str = DEFAULT_HOST,
    port: int = VPCD_PORTS[0],
    connect_timeout: float = 10.0,
    reconnect_timeout: float = RECONNECT_TIMEOUT,
    ready_file: Path | None = None,
    vanish_after: int | None = None,
) -> None:
    """Keep one card in vpcd's reader until SIGTERM/SIGINT/SIGHUP; SimulatorError if no vpcd.

    When vpcd closes the connection (pcscd restarting) the card reconnects, powered off.
    `vanish_after`: the card answers that many commands, then leaves the reader for good
    (vanishing.py, for the fault drills).
    """
    card: VirtualCard = build_card(profile_key)
    if vanish_after is not None:
        card = VanishingCard(card, vanish_after)

    def announce() -> None:
        log.info("card %s is in the reader", profile_key)
        if ready_file is not None:
            ready_file.write_text(f"{os.getpid()}\n")

    client = VpcdClient(card, host, port, on_first_message=announce)
    restore = _stop_on_signals(client)
    try:
        timeout = connect_timeout
        while client.connect(timeout):
            client.serve()
            if client.stopped:
                break
            card.power_off()
            timeout = reconnect_timeout
    except VpcdUnavailable as error:
        raise SimulatorError(str(error)) from None
    finally:
        restore()


def _stop_on_signals(client: VpcdClient) -> Callable[[], None]:
    if threading.current_thread() is not threading.main_thread():
        return lambda: None  # signal handlers can only be set from the main thread
    signals = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
    previous = {sig: signal.signal(sig, lambda *_: client.stop()) for sig in signals}

    def restore() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return restore


# Cards in slots, from other processes


def runtime_dir() -> Path:
    """Where the slots' pid files live (see the module's docstring); created on demand."""
    if configured := os.environ.get(RUNTIME_DIR_ENV):
        directory = Path(configured)
    elif os.geteuid() == 0:
        directory = ROOT_RUNTIME_DIR
    else:
        with warnings.catch_warnings():
            # Without XDG_RUNTIME_DIR platformdirs warns and falls back to /tmp/runtime-<uid>.
            warnings.simplefilter("ignore")
            directory = Path(platformdirs.user_runtime_dir("counter_app"))
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory


def port_for(slot: int) -> int:
    _check_slot(slot)
    return VPCD_PORTS[slot]


def insert(
    profile_key: str,
    slot: int = 0,
    *,
    host: str = DEFAULT_HOST,
    port: int | None = None,
    connect_timeout: float = CONNECT_TIMEOUT,
) -> int:
    """Put the card `profile_key` into `slot`; the pid of its process.

    A different card already in the slot is removed first; the same card is left alone (its pid
    is returned). Returns once vpcd talks to the new card, or raises SimulatorError saying why
    it could not (unknown profile, nothing listening, the slot held by a foreign simulator).
    """
    build_card(profile_key)  # a bad profile fails here, before the slot is touched
    port = port_for(slot) if port is None else port
    directory = runtime_dir()
    with _slot_lock(directory, slot):
        current = _read_record(directory, slot)
        if current is not None and _is_running(current.pid):
            if (current.profile, current.host, current.port) == (profile_key, host, port):
                log.info("slot %d already holds %s (pid %d)", slot, profile_key, current.pid)
                return current.pid
            _stop(current.pid)
            _mark_removed(directory, slot)
        _slot_file(directory, slot, "pid").unlink(missing_ok=True)
        _wait_reinsert_gap(directory, slot)
        return _launch(directory, SlotRecord(0, profile_key, host, port), slot, connect_timeout)


def remove(slot: int = 0) -> bool:
    """Take the card out of `slot`: True if one was there, False if the slot was empty."""
    _check_slot(slot)
    directory = runtime_dir()
    with _slot_lock(directory, slot):
        current = _read_record(directory, slot)
        was_running = current is not None and _is_running(current.pid)
        if current is not None and was_running:
            _stop(current.pid)
            _mark_removed(directory, slot)
            log.info("removed %s from slot %d", current.profile, slot)
        _slot_file(directory, slot, "pid").unlink(missing_ok=True)
        _slot_file(directory, slot, "ready").unlink(missing_ok=True)
        return was_running


def inserted() -> dict[int, str]:
    """The profile key of the card in each occupied slot (a card still connecting included)."""
    directory = runtime_dir()
    cards = {}
    for slot in SLOTS:
        record = _read_record(directory, slot)
        if record is not None and _is_running(record.pid):
            cards[slot] = record.profile
    return cards


def log_file(slot: int) -> Path:
    """The output of the card process in `slot`, for a trainer wondering what the card saw."""
    _check_slot(slot)
    return _slot_file(runtime_dir(), slot, "log")


def profile(profile_key: str) -> CardProfile | PsamProfile:
    """A card profile, or a simulated PSAM's (simulated_cards.toml's [psams.*])."""
    profiles: dict[str, CardProfile | PsamProfile] = {**load_profiles(), **psam_profiles()}
    if profile_key not in profiles:
        raise SimulatorError(
            f"no simulated card {profile_key!r}; the cards are: {', '.join(profiles)}"
        )
    return profiles[profile_key]


def build_card(profile_key: str) -> SocialSecurityCard | SimulatedPsam:
    try:
        chosen = profile(profile_key)
        if isinstance(chosen, PsamProfile):
            return SimulatedPsam(chosen)
        return SocialSecurityCard(chosen)
    except ValueError as error:  # data that does not fit the chip's items
        raise SimulatorError(f"the card {profile_key} cannot be simulated: {error}") from None


def _check_slot(slot: int) -> None:
    if slot not in SLOTS:
        raise SimulatorError(f"there are readers for slots 0 and 1, not {slot}")


def _slot_file(directory: Path, slot: int, suffix: str) -> Path:
    return directory / f"slot{slot}.{suffix}"


@contextmanager
def _slot_lock(directory: Path, slot: int) -> Iterator[None]:
    with _slot_file(directory, slot, "lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read_record(directory: Path, slot: int) -> SlotRecord | None:
    try:
        return SlotRecord(**json.loads(_slot_file(directory, slot, "pid").read_text()))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError):
        log.warning("ignoring an unreadable pid file for slot %d", slot)
        return None


def _launch(directory: Path, wanted: SlotRecord, slot: int, connect_timeout: float) -> int:
    ready = _slot_file(directory, slot, "ready")
    ready.unlink(missing_ok=True)
    log_path = _slot_file(directory, slot, "log")
    command = [
        sys.executable,
        "-m",
        "counter_app.simulator",
        "serve",
        wanted.profile,
        "--host",
        wanted.host,
        "--port",
        str(wanted.port),
        "--connect-timeout",
        str(connect_timeout),
        "--ready-file",
        str(ready),
    ]
    with log_path.open("wb") as output:
        # A session of its own: the card outlives the command that inserted it and ignores
        # the terminal's Ctrl+C.
        child = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=directory,
            env=_child_environment(),
            start_new_session=True,
        )
    _children[child.pid] = child
    record = SlotRecord(child.pid, wanted.profile, wanted.host, wanted.port)
    _slot_file(directory, slot, "pid").write_text(json.dumps(asdict(record)) + "\n")

    deadline = time.monotonic() + connect_timeout + READY_MARGIN
    while not ready.exists():
        if child.poll() is not None:
            _slot_file(directory, slot, "pid").unlink(missing_ok=True)
            raise SimulatorError(
                f"the card could not be put into slot {slot}: {_last_line(log_path)}"
            )
        if time.monotonic() > deadline:
            _stop(child.pid)
            _slot_file(directory, slot, "pid").unlink(missing_ok=True)
            raise SimulatorError(
                f"vpcd at {wanted.host}:{wanted.port} took the connection but never talked to "
                f"the card: another simulator, not started by counter_app, may hold slot {slot}"
            )
        time.sleep(0.02)
    log.info("inserted %s into slot %d (pid %d)", wanted.profile, slot, child.pid)
    return child.pid


def _child_environment() -> dict[str, str]:
    # The card process must import this very counter_app, whatever the caller's sys.path was.
    root = str(Path(counter_app.__file__).resolve().parent.parent)
    environment = dict(os.environ)
    paths = [root, *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    environment["PYTHONPATH"] = os.pathsep.join(paths)
    return environment


def _last_line(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return "it left no output"
    # The card process ends with "counter-app: <why>" (the command line's failure line).
    return lines[-1].removeprefix(ERROR_PREFIX) if lines else "it exited without output"


def _is_running(pid: int) -> bool:
    """Whether `pid` is a live card process (not a zombie, not an unrelated reused pid)."""
    child = _children.get(pid)
    if child is not None and child.poll() is not None:
        del _children[pid]
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return False  # another user's process: never one of ours
    try:
        command_line = Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return False
    except OSError:
        return True  # no /proc to check against: trust the pid file
    # A zombie has an empty command line; a reused pid has someone else's.
    return b"counter_app.simulator" in command_line


def _stop(pid: int) -> None:
    """SIGTERM, then SIGKILL if the card process does not exit; returns once it has."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        child = _children.get(pid)
        if child is not None:
            # Our own child: wait for its exit itself. Its command line empties while it is
            # still exiting, which _is_running would take for gone too early.
            try:
                child.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                log.warning("card process %d ignored signal %d", pid, sig)
                continue
            _children.pop(pid, None)
            return
        deadline = time.monotonic() + STOP_TIMEOUT
        while time.monotonic() < deadline:
            if not _is_running(pid):
                _children.pop(pid, None)
                return
            time.sleep(0.02)
        log.warning("card process %d ignored signal %d", pid, sig)
    raise SimulatorError(f"the card process {pid} does not exit")


def _mark_removed(directory: Path, slot: int) -> None:
    _slot_file(directory, slot, "removed").touch()  # an existing file gets a new time stamp


def _wait_reinsert_gap(directory: Path, slot: int) -> None:
    try:
        removed_at = _slot_file(directory, slot, "removed").stat().st_mtime
    except FileNotFoundError:
        return
    wait = REINSERT_GAP - (time.time() - removed_at)
    if wait > 0:
        time.sleep(wait)
