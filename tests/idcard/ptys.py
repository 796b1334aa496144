"""Pseudo-terminals whose far end misbehaves as a test wants: silent, noisy, or scripted."""

from __future__ import annotations

import os
import select
import threading
import tty
from collections.abc import Callable

from counter_app.idcard.frames import COMMAND_SIZE, Frame, FrameDecoder

# No AA byte: noise that can never contain a preamble.
NOISE = bytes(range(0x00, 0xAA)) * 2


class ScriptedPty:
    """A real pty; each whole command frame read on the master end gets `respond(frame)`'s
    bytes back (None: no answer). Its slave end's path is `port`."""

    def __init__(self, respond: Callable[[Frame], bytes | None]) -> None:
        self._respond = respond
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        self.commands: list[Frame] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        decoder = FrameDecoder(COMMAND_SIZE)
        while not self._stop.is_set():
            ready, _, _ = select.select([self._master], [], [], 0.05)
            if not ready:
                continue
            decoder.feed(os.read(self._master, 4096))
            while (frame := decoder.next_frame()) is not None:
                self.commands.append(frame)
                answer = self._respond(frame)
                if answer is not None:
                    os.write(self._master, answer)

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        os.close(self._master)
        os.close(self._slave)

    def __enter__(self) -> ScriptedPty:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def silent() -> ScriptedPty:
    return ScriptedPty(lambda frame: None)


def noisy() -> ScriptedPty:
    return ScriptedPty(lambda frame: NOISE)


def answering(answer: bytes) -> ScriptedPty:
    """Every command gets the same bytes back."""
    return ScriptedPty(lambda frame: answer)
