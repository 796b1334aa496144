"""News of applications changing state, as Qt signals on the GUI thread.

The change feed (store/changes.py) calls back on its own thread; the relay's signals cross to
the GUI thread queued, so receivers may touch widgets. After `stop` nothing more is delivered,
even what the feed's thread was about to hand over.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from counter_app.store.changes import Change, ChangeFeed, OnChange, OnStatus, change_feed
from counter_app.store.database import Database

FeedFactory = Callable[[Database, OnChange, OnStatus], ChangeFeed]


class _Relay(QObject):
    change = Signal(int, object)  # the feed's generation, the Change
    status = Signal(int, bool)


class LiveUpdates(QObject):
    """`changed(Change)` for every state change; `online_changed(bool)` when the connection comes
    or goes (True again after an outage: reload, the changes meanwhile are not replayed)."""

    changed = Signal(object)
    online_changed = Signal(bool)

    def __init__(
        self, db: Database, parent: QObject | None = None, feed_factory: FeedFactory = change_feed
    ) -> None:
        super().__init__(parent)
        self._db, self._feed_factory = db, feed_factory
        self._feed: ChangeFeed | None = None
        # Each start is a new generation; news of a stopped one is dropped on arrival.
        self._generation = 0
        self.online: bool | None = None  # None: not connected yet
        self._relay = _Relay(self)
        self._relay.change.connect(self._deliver_change, Qt.ConnectionType.QueuedConnection)
        self._relay.status.connect(self._deliver_status, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self._feed is not None

    def start(self) -> None:
        if self._feed is not None:
            return
        self._generation += 1
        generation, relay = self._generation, self._relay
        self._feed = self._feed_factory(
            self._db,
            lambda change: relay.change.emit(generation, change),
            lambda online: relay.status.emit(generation, online),
        )
        self._feed.start()

    def stop(self, timeout: float = 0.0) -> None:
        """Ends the feed; `timeout` > 0 waits that long for its thread (0: never blocks, the
        daemon thread ends by itself within a poll)."""
        feed, self._feed = self._feed, None
        self._generation += 1
        self.online = None
        if feed is not None:
            feed.stop(timeout)

    @Slot(int, object)
    def _deliver_change(self, generation: int, change: Change) -> None:
        if generation == self._generation:
            self.changed.emit(change)

    @Slot(int, bool)
    def _deliver_status(self, generation: int, online: bool) -> None:
        if generation == self._generation and online != self.online:
            self.online = online
            self.online_changed.emit(online)
