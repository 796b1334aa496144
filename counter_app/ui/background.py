"""The one way the window runs slow work: off the GUI thread, the answer back on it."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    finished = Signal(int, bool, object)  # job id, succeeded, result or exception


class _Job(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._job_id, self._work, self._relay = job_id, work, relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the caller's failure callback
            self._relay.finished.emit(self._job_id, False, error)
        else:
            self._relay.finished.emit(self._job_id, True, result)


class Background(QObject):
    """Runs callables on a thread pool; `busy_changed` drives the busy indicators."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver)
        self._pending: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None]]] = {}
        self._ids = itertools.count(1)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None] = lambda _: None,
        on_failure: Callable[[Exception], None] = lambda _: None,
    ) -> None:
        """Without callbacks the result is dropped; a failure is logged either way."""
        job_id = next(self._ids)
        was_busy = self.busy
        self._pending[job_id] = (on_success, on_failure)
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(_Job(job_id, work, self._relay))

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, succeeded: bool, payload: object) -> None:
        on_success, on_failure = self._pending.pop(job_id)
        if not self.busy:
            self.busy_changed.emit(False)
        if succeeded:
            on_success(payload)
        else:
            log.info("background work failed: %s", payload)
            on_failure(payload)  # type: ignore[arg-type]

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the pool's threads (shutdown and tests)."""
        return self._pool.waitForDone(msecs)
