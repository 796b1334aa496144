"""The simulated reader's process: a pseudo-terminal whose slave end is the reader's port.

The process keeps the slave end open itself, raw, so that clients come and go without the
master seeing a hang-up, and bytes pass untouched both ways (no echo, no CR/LF translation).
Which card lies on the reader is read from the state directory's card file at each command,
so `insert` and `remove` in other processes take effect at once.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import tty
from pathlib import Path

from counter_app.idcard.errors import BadChecksum, BadLength
from counter_app.idcard.frames import COMMAND_SIZE, FrameDecoder
from counter_app.idcard.simulator.answers import SimulatedReader
from counter_app.idcard.simulator.profiles import IdCardProfile, load_idcard_profiles

log = logging.getLogger(__name__)

STATE_FILE = "idcard.json"  # {"pid": …, "port": …} while the reader runs
CARD_FILE = "idcard.card"  # the key of the card on the reader; absent: no card
READ_SIZE = 4096


class _Stopped(Exception):
    """A signal asked the reader to stop."""


def serve(directory: Path) -> None:
    """Run the reader until SIGTERM, SIGINT or SIGHUP; its port is written to the state file."""
    profiles = load_idcard_profiles()
    master, slave = os.openpty()
    tty.setraw(slave)
    port = os.ttyname(slave)
    state = directory / STATE_FILE
    reader = SimulatedReader(lambda: card_on_reader(directory, profiles))
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, _stop)
    try:
        _write_atomically(state, json.dumps({"pid": os.getpid(), "port": port}) + "\n")
        log.info("ID card reader on %s", port)
        _answer_forever(master, reader)
    except _Stopped:
        log.info("ID card reader stopped")
    finally:
        if _owner(state) == os.getpid():
            state.unlink(missing_ok=True)
        os.close(master)
        os.close(slave)


def card_on_reader(directory: Path, profiles: dict[str, IdCardProfile]) -> IdCardProfile | None:
    try:
        key = (directory / CARD_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return profiles.get(key)


def _answer_forever(master: int, reader: SimulatedReader) -> None:
    decoder = FrameDecoder(COMMAND_SIZE)
    while True:
        decoder.feed(os.read(master, READ_SIZE))
        while True:
            try:
                frame = decoder.next_frame()
            except (BadChecksum, BadLength) as error:
                log.info("refused a frame: %s", error)
                _write_all(master, reader.refusal(isinstance(error, BadChecksum)))
                continue
            if frame is None:
                break
            log.debug("command %04X %s", frame.head, frame.body.hex())
            _write_all(master, reader.answer(frame))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)  # readers never see half a file


def _owner(state: Path) -> int | None:
    try:
        return int(json.loads(state.read_text(encoding="utf-8"))["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _stop(*_: object) -> None:
    raise _Stopped
