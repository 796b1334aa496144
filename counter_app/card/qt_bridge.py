"""The card monitor and card reads on a worker thread, their situations on the GUI thread.

The one Qt module of the card layer. The worker thread owns the order of things: monitor events
and read results reach the state machine one at a time, and a card is read on that same thread
right after the turn that saw it arrive. Each new `Situation` crosses to the GUI thread through
a queued signal, so the window never waits on the card and sees every change in order.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from counter_app.card.errors import CardError
from counter_app.card.monitor import RETRY_S, WAIT_MS, Monitor, WatchContext, WatchingContext
from counter_app.card.reader import read_card
from counter_app.card.reader_state import (
    Event,
    IllegalTransition,
    ReaderState,
    ReaderStateMachine,
    ReadFailed,
    ReadFinished,
    ReadStarted,
    Situation,
)
from counter_app.card.snapshot import CardSnapshot

log = logging.getLogger(__name__)

ReadCard = Callable[[str], CardSnapshot]


class CardWatcher(QObject):
    """Watches the readers from start() to stop(); `situation_changed` carries each new
    Situation on the GUI thread. `situation` is None until the monitor's first report.

    Real use: `CardWatcher()`. Tests give a fake `read` (reader name → snapshot, or raise a
    CardError) and a fake `context_factory`; `feed()` injects an event as if the monitor sent it.
    """

    situation_changed = Signal(object)
    _relay = Signal(object)  # emitted on the worker thread, delivered queued on the GUI thread

    def __init__(
        self,
        read: ReadCard = read_card,
        context_factory: Callable[[], WatchContext] = WatchingContext,
        *,
        wait_ms: int = WAIT_MS,
        retry_s: float = RETRY_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._read = read
        self._machine = ReaderStateMachine()
        self._lock = threading.Lock()  # feed() may come from the worker and from tests at once
        self._read_again = threading.Event()
        self._stopped = False
        self._announced = False  # the first situation goes out even if it is the initial one
        self.situation: Situation | None = None
        self._relay.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._monitor = Monitor(
            self.feed,
            context_factory,
            wait_ms=wait_ms,
            retry_s=retry_s,
            after_poll=self._read_if_wanted,
        )

    # -- GUI thread ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._monitor.running

    def start(self) -> None:
        if self.running:
            return
        with self._lock:
            self._machine = ReaderStateMachine()  # a restarted monitor reports everything anew
            self._announced = False
        self._stopped = False
        self._monitor.start()

    def stop(self, timeout_s: float = 5.0) -> bool:
        """Stops and joins the worker; nothing is delivered after this, even from a late read."""
        self._stopped = True
        return self._monitor.stop(timeout_s)

    def read_again(self) -> None:
        """After an error the clerk can fix (another program held the reader): read once more."""
        self._read_again.set()

    @Slot(object)
    def _deliver(self, situation: Situation) -> None:
        if self._stopped:
            return
        self.situation = situation
        self.situation_changed.emit(situation)

    # -- any thread ----------------------------------------------------------------------------
    def feed(self, event: Event) -> Situation | None:
        """Moves the state machine on; the new situation, or None if the event was refused."""
        with self._lock:
            before = self._machine.situation
            try:
                situation = self._machine.handle(event)
            except IllegalTransition as refused:
                log.warning("card event refused: %s", refused)
                return None
            if situation != before or not self._announced:
                self._announced = True
                try:
                    self._relay.emit(situation)
                except RuntimeError:  # the window (and this object's C++ half) is gone
                    log.debug("card situation after the watcher was deleted", exc_info=True)
            return situation

    # -- worker thread -------------------------------------------------------------------------
    def _read_if_wanted(self) -> None:
        with self._lock:
            situation = self._machine.situation
        again = self._read_again.is_set()
        self._read_again.clear()
        wanted = situation.state is ReaderState.CARD_PRESENT or (
            again and situation.state is ReaderState.ERROR
        )
        if not wanted:
            return
        reader = situation.reader
        assert reader is not None
        started = self.feed(ReadStarted(reader))
        if started is None or started.state is not ReaderState.READING:
            return
        try:
            snapshot = self._read(reader)
        except CardError as error:
            log.info("reading the card in %s failed: %s", reader, error)
            self.feed(ReadFailed(reader, error))
        except Exception as error:  # a bug in decoding must not kill the watcher
            log.exception("reading the card in %s failed unexpectedly", reader)
            self.feed(ReadFailed(reader, error))
        else:
            self.feed(ReadFinished(reader, snapshot))
