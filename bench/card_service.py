"""The card benchmarks' own pcscd, which only the private namespaces of scripts/bench.sh allow:
there its socket and vpcd ports never meet the workstation's service or another run's."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from counter_app.simulator.pcscd import Pcscd


def why_unavailable() -> str | None:
    """None when a private pcscd can be started here; else what is missing."""
    if os.environ.get("COUNTER_APP_CARD_NAMESPACE") != "1":
        return "needs its own pcscd in private namespaces: scripts/bench.sh as root"
    if shutil.which("pcscd") is None:
        return "pcscd is not installed (scripts/setup.sh)"
    return None


@contextmanager
def private_pcscd() -> Iterator[None]:
    service = Pcscd()
    service.start()
    try:
        yield
    finally:
        service.stop()
