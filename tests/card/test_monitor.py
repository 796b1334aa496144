"""The reader monitor against a pretend PC/SC service: what it reports, and its thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from smartcard import scard

from counter_app.card import monitor as monitor_module
from counter_app.card.errors import ServiceUnavailable
from counter_app.card.monitor import (
    PNP_NOTIFICATION,
    Monitor,
    Seen,
    WatchingContext,
    changes,
    seen_from,
)
from counter_app.card.reader_state import (
    CardInserted,
    CardWithdrawn,
    Event,
    ReaderAdded,
    ReaderRemoved,
    ServiceDown,
    ServiceUp,
)
from tests.card.fake_pcsc import ATR, FakeService

OTHER_ATR = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")


class Events:
    """What the monitor reported, from whichever thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: list[Event] = []

    def __call__(self, event: Event) -> None:
        with self._lock:
            self._seen.append(event)

    def take(self) -> list[Event]:
        with self._lock:
            seen, self._seen = self._seen, []
            return seen

    def wait_for(self, wanted: list[Event], timeout: float = 2.0) -> float:
        """Seconds until the reports so far end with `wanted` (they are then taken)."""
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            with self._lock:
                if self._seen[-len(wanted) :] == wanted:
                    self._seen = []
                    return time.monotonic() - start
            time.sleep(0.005)
        raise AssertionError(f"expected {wanted}, saw {self.take()}")


@pytest.fixture
def events() -> Events:
    return Events()


def polling(service: FakeService, events: Events) -> Monitor:
    """A monitor turned by hand: no thread, no waiting."""
    return Monitor(events, service.context, wait_ms=0, retry_s=0)


# -- what changed, from two looks --------------------------------------------------------------


def test_changes_report_removals_first_and_a_card_with_its_reader() -> None:
    before = {"A": Seen(True, ATR, 1), "B": Seen(False, b"", 0)}
    after = {"B": Seen(True, ATR, 1), "C": Seen(True, ATR, 1)}
    assert changes(before, after) == [
        CardWithdrawn("A"),
        ReaderRemoved("A"),
        CardInserted("B", ATR),
        ReaderAdded("C"),
        CardInserted("C", ATR),
    ]


@pytest.mark.parametrize(
    "now", [Seen(True, ATR, 3), Seen(True, OTHER_ATR, 1)], ids=["count moved", "other ATR"]
)
def test_a_card_swapped_between_two_looks_is_taken_out_and_put_in(now: Seen) -> None:
    before = {"A": Seen(True, ATR, 1)}
    assert changes(before, {"A": now}) == [CardWithdrawn("A"), CardInserted("A", now.atr)]


def test_nothing_changed_means_no_events() -> None:
    looks = {"A": Seen(True, ATR, 1), "B": Seen(False, b"", 4)}
    assert changes(looks, dict(looks)) == []


def test_reader_states_are_read_from_the_pcsc_bits() -> None:
    present = scard.SCARD_STATE_PRESENT | scard.SCARD_STATE_INUSE | (5 << 16)
    assert seen_from(present, ATR) == Seen(True, ATR, 5)
    assert seen_from(scard.SCARD_STATE_EMPTY | (6 << 16), ATR) == Seen(False, b"", 6)
    assert seen_from(scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE, b"") is None


# -- turns by hand -----------------------------------------------------------------------------


def test_readers_and_cards_coming_and_going(events: Events) -> None:
    service = FakeService("Reader A")
    service.insert("Reader A")
    monitor = polling(service, events)
    monitor.poll()
    assert events.take() == [ServiceUp(), ReaderAdded("Reader A"), CardInserted("Reader A", ATR)]
    monitor.poll()
    assert events.take() == []
    service.remove("Reader A")
    monitor.poll()
    assert events.take() == [CardWithdrawn("Reader A")]
    service.add_reader("Reader B")
    service.insert("Reader B", OTHER_ATR)
    monitor.poll()
    assert events.take() == [ReaderAdded("Reader B"), CardInserted("Reader B", OTHER_ATR)]
    service.remove_reader("Reader B")
    monitor.poll()
    assert events.take() == [CardWithdrawn("Reader B"), ReaderRemoved("Reader B")]


def test_a_quick_reinsertion_is_reported_as_out_and_in(events: Events) -> None:
    service = FakeService("Reader A")
    service.insert("Reader A")
    monitor = polling(service, events)
    monitor.poll()
    events.take()
    service.swap("Reader A")
    monitor.poll()
    assert events.take() == [CardWithdrawn("Reader A"), CardInserted("Reader A", ATR)]


def test_the_service_going_away_is_reported_once_and_retried_until_back(events: Events) -> None:
    service = FakeService("Reader A")
    monitor = polling(service, events)
    monitor.poll()
    assert events.take() == [ServiceUp(), ReaderAdded("Reader A")]
    service.stop()
    for _ in range(3):
        monitor.poll()
    assert events.take() == [ServiceDown()]
    made = service.contexts_made
    service.start()
    monitor.poll()  # a new context: the old one died with the service
    assert service.contexts_made == made + 1
    assert events.take() == [ServiceUp(), ReaderAdded("Reader A")]


def test_no_service_at_the_start_is_reported_once(events: Events) -> None:
    service = FakeService("Reader A", up=False)
    monitor = polling(service, events)
    monitor.poll()
    monitor.poll()
    assert events.take() == [ServiceDown()]
    service.start()
    monitor.poll()
    assert events.take() == [ServiceUp(), ReaderAdded("Reader A")]


def test_a_service_without_pnp_notification_is_watched_all_the_same(events: Events) -> None:
    service = FakeService("Reader A")
    service.pnp = False
    monitor = polling(service, events)
    monitor.poll()
    monitor.poll()
    assert events.take() == [ServiceUp(), ReaderAdded("Reader A")]
    service.add_reader("Reader B")
    monitor.poll()
    assert events.take() == [ReaderAdded("Reader B")]


# -- the thread --------------------------------------------------------------------------------


@pytest.fixture
def running() -> Iterator[Callable[[Monitor], Monitor]]:
    started: list[Monitor] = []

    def start(monitor: Monitor) -> Monitor:
        started.append(monitor)
        monitor.start()
        return monitor

    yield start
    for monitor in started:
        monitor.stop()


def test_the_pnp_pseudo_reader_wakes_the_wait_for_a_new_reader(
    events: Events, running: Callable[[Monitor], Monitor]
) -> None:
    service = FakeService()
    running(Monitor(events, service.context, wait_ms=10_000))
    events.wait_for([ServiceUp()])
    service.add_reader("Reader A")
    # Far sooner than the ten-second wait: the PnP notification woke it.
    assert events.wait_for([ReaderAdded("Reader A")]) < 1.0
    service.insert("Reader A")
    assert events.wait_for([CardInserted("Reader A", ATR)]) < 1.0


def test_stop_is_prompt_and_joins_the_thread(
    events: Events, running: Callable[[Monitor], Monitor]
) -> None:
    service = FakeService("Reader A")
    monitor = running(Monitor(events, service.context, wait_ms=10_000))
    events.wait_for([ServiceUp(), ReaderAdded("Reader A")])
    started = time.monotonic()
    assert monitor.stop(timeout_s=5)
    assert time.monotonic() - started < 1.0
    assert not monitor.running


def test_the_thread_notices_the_service_dying_and_coming_back(
    events: Events, running: Callable[[Monitor], Monitor]
) -> None:
    service = FakeService("Reader A")
    service.insert("Reader A")
    running(Monitor(events, service.context, retry_s=0.05))
    events.wait_for([ServiceUp(), ReaderAdded("Reader A"), CardInserted("Reader A", ATR)])
    service.stop()
    events.wait_for([ServiceDown()])
    time.sleep(0.2)  # several retries meanwhile, reported as nothing
    assert events.take() == []
    service.start()
    events.wait_for([ServiceUp(), ReaderAdded("Reader A"), CardInserted("Reader A", ATR)])


def test_a_failing_callback_does_not_end_the_thread(running: Callable[[Monitor], Monitor]) -> None:
    service = FakeService("Reader A")
    reported = Events()

    def fragile(event: Event) -> None:
        reported(event)
        if isinstance(event, ReaderAdded):
            raise RuntimeError("a bug downstream")

    monitor = running(Monitor(fragile, service.context, retry_s=0.01))
    reported.wait_for([ServiceUp(), ReaderAdded("Reader A")])
    service.insert("Reader A")
    reported.wait_for([CardInserted("Reader A", ATR)])
    assert monitor.running


def test_after_poll_runs_on_the_monitor_thread(running: Callable[[Monitor], Monitor]) -> None:
    service = FakeService("Reader A")
    threads: set[str] = set()
    running(
        Monitor(
            lambda _: None,
            service.context,
            wait_ms=10,
            after_poll=lambda: threads.add(threading.current_thread().name),
        )
    )
    deadline = time.monotonic() + 2
    while not threads and time.monotonic() < deadline:
        time.sleep(0.01)
    assert threads == {"card-monitor"}


# -- the real context's wait -------------------------------------------------------------------


def real_context() -> WatchingContext:
    context = WatchingContext.__new__(WatchingContext)  # no pcscd needed to test the wrapper
    context.handle = 1
    return context


def test_the_pcsc_wait_answers_none_on_timeout_and_the_states_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = iter(
        [
            (scard.SCARD_E_TIMEOUT, []),
            (scard.SCARD_S_SUCCESS, [("Reader A", scard.SCARD_STATE_PRESENT, list(ATR))]),
            (scard.SCARD_E_NO_SERVICE, []),
        ]
    )
    asked: list[object] = []

    def fake_wait(handle: int, timeout: int, states: list[tuple[str, int]]) -> object:
        asked.append((handle, timeout, states))
        return next(answers)

    monkeypatch.setattr(monitor_module.scard, "SCardGetStatusChange", fake_wait)
    context = real_context()
    wanted = [("Reader A", 0), (PNP_NOTIFICATION, 0)]
    assert context.get_status_change(wanted, 500) is None
    assert asked == [(1, 500, wanted)]
    assert context.get_status_change(wanted, 500) == [("Reader A", scard.SCARD_STATE_PRESENT, ATR)]
    with pytest.raises(ServiceUnavailable):
        context.get_status_change(wanted, 500)


def test_the_pnp_name_is_the_pcsc_one() -> None:
    assert PNP_NOTIFICATION == r"\\?PnP?\Notification"
