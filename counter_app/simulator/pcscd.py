"""A pcscd of our own, in the foreground, for the card tests and benchmarks.

Run it inside private mount and network namespaces (scripts/in-card-namespace.sh) so that its
socket and its vpcd ports never meet the workstation's own service or another run's.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable

from counter_app.card.errors import CardError
from counter_app.card.pcsc import Context

READERS = ("Virtual PCD 00 00", "Virtual PCD 00 01")


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise TimeoutError(f"timed out waiting until {what}")


def reader_states() -> dict[str, bool]:
    """Reader name → card present; empty when the service is down."""
    try:
        with Context() as context:
            return {status.name: status.card_present for status in context.statuses()}
    except CardError:
        return {}


class Pcscd:
    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["pcscd", "--foreground"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for(lambda: set(READERS) <= set(reader_states()), "pcscd lists the virtual readers")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None
