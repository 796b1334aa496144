"""Live changes: LISTEN/NOTIFY on a real PostgreSQL (also across a server restart), polling on
SQLite; both deliver a committed state change within two seconds and never a rolled-back one."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import update

from counter_app.domain.application import Action, State
from counter_app.services import applications
from counter_app.store.changes import Change, ChangeFeed, change_feed
from counter_app.store.database import Database
from counter_app.store.models import Application
from tests.postgres_cluster import ThrowawayCluster
from tests.store.conftest import OUTLET, make_submitted

DELIVERY_SECONDS = 2.0
RECONNECT_SECONDS = 30.0


class Receiver:
    """What a feed delivered, in order: changes and on/offline reports."""

    def __init__(self) -> None:
        self.changes: queue.Queue[Change] = queue.Queue()
        self.statuses: queue.Queue[bool] = queue.Queue()

    def next_change(self, seconds: float = DELIVERY_SECONDS) -> Change:
        try:
            return self.changes.get(timeout=seconds)
        except queue.Empty:
            raise AssertionError(f"no change delivered within {seconds} s") from None

    def wait_status(self, online: bool, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                if self.statuses.get(timeout=left) is online:
                    return
            except queue.Empty:
                break
        raise AssertionError(f"the feed did not report {'online' if online else 'offline'}")

    def drain(self) -> None:
        while not self.changes.empty():
            self.changes.get_nowait()


@pytest.fixture
def feed(db: Database) -> Iterator[tuple[ChangeFeed, Receiver]]:
    receiver = Receiver()
    started = change_feed(db, receiver.changes.put, receiver.statuses.put)
    started.start()
    receiver.wait_status(True, RECONNECT_SECONDS)
    try:
        yield started, receiver
    finally:
        started.stop()


def test_a_decision_reaches_the_feed_within_two_seconds(
    db: Database, feed: tuple[ChangeFeed, Receiver]
) -> None:
    _, receiver = feed
    summary, _, supervisor = make_submitted(db)
    seen = [receiver.next_change(), receiver.next_change()]  # created as a draft, submitted
    assert [c.state for c in seen] == [State.DRAFT, State.SUBMITTED]
    assert {c.application_id for c in seen} == {summary.id}
    assert seen[-1].outlet_code == OUTLET and seen[-1].version == summary.version
    approved = applications.transition(db, supervisor, summary.id, Action.APPROVE, summary.version)
    change = receiver.next_change()
    assert (change.application_id, change.state, change.version) == (
        summary.id,
        State.APPROVED,
        approved.version,
    )


def test_a_rolled_back_change_is_never_announced(
    db: Database, feed: tuple[ChangeFeed, Receiver]
) -> None:
    _, receiver = feed
    summary, _, _ = make_submitted(db)
    receiver.next_change(), receiver.next_change()
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.execute(
            update(Application).where(Application.id == summary.id).values(state="cancelled")
        )
        raise RuntimeError("the use case failed")
    with pytest.raises(AssertionError, match="no change"):
        receiver.next_change(DELIVERY_SECONDS + 1)


# --- a server restart in the middle of a session ------------------------------------------


@pytest.mark.postgres
def test_the_listener_comes_back_after_a_server_restart(
    own_cluster: tuple[ThrowawayCluster, str],
) -> None:
    cluster, url = own_cluster
    db = Database(url)
    db.upgrade()
    receiver = Receiver()
    listener = change_feed(db, receiver.changes.put, receiver.statuses.put)
    listener.start()
    try:
        receiver.wait_status(True, RECONNECT_SECONDS)
        summary, _, supervisor = make_submitted(db)
        assert receiver.next_change().state == State.DRAFT

        cluster.halt()
        receiver.wait_status(False, RECONNECT_SECONDS)
        assert not listener.online
        cluster.resume()
        receiver.wait_status(True, RECONNECT_SECONDS)
        receiver.drain()

        applications.transition(db, supervisor, summary.id, Action.REJECT, summary.version, "缺")
        change = receiver.next_change()
        assert (change.application_id, change.state) == (summary.id, State.REJECTED)
    finally:
        listener.stop()
        db.dispose()


def test_the_sqlite_poller_reads_while_a_writer_holds_the_lock(sqlite_url: str) -> None:
    db = Database(sqlite_url)
    db.upgrade()
    receiver = Receiver()
    with db.engine.connect() as writer:
        writer.execute(update(Application).values(version=Application.version))  # write lock
        poller = change_feed(db, receiver.changes.put, receiver.statuses.put)
        poller.start()
        try:
            # It reads what was committed, without queueing behind the open write.
            receiver.wait_status(True, DELIVERY_SECONDS)
        finally:
            writer.rollback()
            poller.stop()
    db.dispose()
