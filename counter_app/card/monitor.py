"""Watches the PC/SC service for readers and cards coming and going, on a thread of its own.

Each turn lists the readers and waits in SCardGetStatusChange, with the PnP pseudo-reader in the
list so that a reader plugged in or out wakes the wait. The wait is finite (500 ms), so stop() is
prompt and a service that died is noticed and retried. What changed goes to a callback as
`reader_state` events, on the monitor's thread. No Qt here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from smartcard import scard

from counter_app.card.errors import CardError, NoReader, ServiceUnavailable
from counter_app.card.pcsc import Context, check
from counter_app.card.reader_state import (
    CardInserted,
    CardWithdrawn,
    Event,
    ReaderAdded,
    ReaderRemoved,
    ServiceDown,
    ServiceUp,
)

log = logging.getLogger(__name__)

PNP_NOTIFICATION = "\\\\?PnP?\\Notification"  # \\?PnP?\Notification
WAIT_MS = 500
RETRY_S = 0.5
QUIET_PAUSE_S = 0.05  # a wait that woke for nothing we report (our own read's "in use" flags)
_NOT_WAITED = {scard.SCARD_E_TIMEOUT, scard.SCARD_E_CANCELLED}

RawState = tuple[str, int, bytes]  # reader name, event state, ATR, as SCardGetStatusChange says


class WatchContext(Protocol):
    """What the monitor needs of a PC/SC context; tests give it a fake one."""

    def reader_names(self) -> list[str]: ...

    def get_status_change(
        self, states: list[tuple[str, int]], timeout_ms: int
    ) -> list[RawState] | None:
        """The readers' states once one differs from `states`; None after the timeout."""
        ...

    def cancel(self) -> None: ...

    def close(self) -> None: ...


class WatchingContext(Context):
    """A PC/SC context that can also wait for changes."""

    def get_status_change(
        self, states: list[tuple[str, int]], timeout_ms: int
    ) -> list[RawState] | None:
        hresult, result = scard.SCardGetStatusChange(self.handle, timeout_ms, states)
        if hresult in _NOT_WAITED:
            return None
        check(hresult, "waiting for reader changes")
        return [(name, state, bytes(atr)) for name, state, atr in result]

    def cancel(self) -> None:
        scard.SCardCancel(self.handle)  # wakes a wait on another thread; harmless otherwise


@dataclass(frozen=True)
class Seen:
    """One reader as the last wait left it."""

    present: bool
    atr: bytes
    events: int  # the service's count of insertions and removals (the state's upper 16 bits)


def seen_from(state: int, atr: bytes) -> Seen | None:
    """None for a reader the service no longer knows."""
    if state & scard.SCARD_STATE_UNKNOWN:
        return None
    present = bool(state & scard.SCARD_STATE_PRESENT)
    return Seen(present, atr if present else b"", (state >> 16) & 0xFFFF)


def changes(before: dict[str, Seen], after: dict[str, Seen]) -> list[Event]:
    """The events that lead from `before` to `after`: removals first, a card before its reader
    goes and after it comes."""
    events: list[Event] = []
    for name, was in before.items():
        if name not in after:
            if was.present:
                events.append(CardWithdrawn(name))
            events.append(ReaderRemoved(name))
    for name, now in after.items():
        was = before.get(name)
        if was is None:
            events.append(ReaderAdded(name))
            if now.present:
                events.append(CardInserted(name, now.atr))
            continue
        # Out and back in between two looks: the count moved (or the ATR differs) — another
        # card, perhaps, and certainly a fresh read.
        swapped = was.present and now.present and (was.atr, was.events) != (now.atr, now.events)
        if was.present and (swapped or not now.present):
            events.append(CardWithdrawn(name))
        if now.present and (swapped or not was.present):
            events.append(CardInserted(name, now.atr))
    return events


class Monitor:
    """Calls `on_event` with each change, from its own thread between start() and stop().

    `after_poll` runs on the same thread after every turn (the Qt bridge reads cards there, so
    events and reads reach the state machine in order). `poll()` is one turn, for tests.
    """

    def __init__(
        self,
        on_event: Callable[[Event], None],
        context_factory: Callable[[], WatchContext] = WatchingContext,
        *,
        wait_ms: int = WAIT_MS,
        retry_s: float = RETRY_S,
        after_poll: Callable[[], None] | None = None,
    ) -> None:
        self._on_event, self._factory = on_event, context_factory
        self._wait_ms, self._retry_s, self._after_poll = wait_ms, retry_s, after_poll
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._context: WatchContext | None = None
        self._service_up: bool | None = None  # None: not asked yet
        self._use_pnp = True
        self._forget_readers()

    # -- the thread ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="card-monitor", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> bool:
        """Ends the thread; False if it is still busy (a card read) after `timeout_s`."""
        self._stopping.set()
        context = self._context
        if context is not None:
            try:
                context.cancel()
            except Exception:  # a context dying under us: the finite wait ends anyway
                log.debug("cancelling the wait failed", exc_info=True)
        if self._thread is None:
            return True
        self._thread.join(timeout_s)
        stopped = not self._thread.is_alive()
        if stopped:
            self._thread = None
        else:
            log.warning("the card monitor did not stop within %.1f s", timeout_s)
        return stopped

    def _run(self) -> None:
        try:
            while not self._stopping.is_set():
                try:
                    self.poll()
                    if self._after_poll is not None and not self._stopping.is_set():
                        self._after_poll()
                except Exception:  # the thread must outlive any one bad turn
                    log.exception("card monitor turn failed")
                    self._stopping.wait(self._retry_s)
        finally:
            self._drop_context()
            self._service_up = None  # a restarted monitor reports the service afresh

    # -- one turn ------------------------------------------------------------------------------
    def poll(self) -> None:
        """Connect if need be, wait up to `wait_ms` for a change, and report what changed."""
        if self._context is None and not self._connect():
            self._stopping.wait(self._retry_s)
            return
        try:
            self._watch()
        except ServiceUnavailable as error:
            log.warning("the PC/SC service went away: %s", error)
            self._drop_context()
            self._report_service(up=False)
            self._stopping.wait(self._retry_s)
        except CardError as error:  # an odd answer: look again shortly, with a fresh list
            log.info("watching the readers failed: %s", error)
            self._stopping.wait(self._retry_s)

    def _connect(self) -> bool:
        try:
            self._context = self._factory()
        except CardError as error:
            if self._service_up is not False:
                log.warning("no PC/SC service: %s", error)
            self._report_service(up=False)
            return False
        self._report_service(up=True)
        return True

    def _watch(self) -> None:
        context = self._context
        assert context is not None
        names = context.reader_names()
        # What we last saw of each reader, so the wait returns only when something differs.
        wanted = [(name, self._pass_back.get(name, scard.SCARD_STATE_UNAWARE)) for name in names]
        if self._use_pnp:
            wanted.append((PNP_NOTIFICATION, self._pnp_state))
        if not wanted:
            self._stopping.wait(self._wait_ms / 1000)
            result = None
        else:
            try:
                result = context.get_status_change(wanted, self._wait_ms)
            except NoReader:
                if not self._use_pnp:
                    raise
                log.info("this PC/SC service has no PnP notification: polling for readers")
                self._use_pnp = False
                return
        after = {name: self._seen[name] for name in names if name in self._seen}
        self._pass_back = {name: self._pass_back[name] for name in names if name in self._pass_back}
        for name, state, atr in result or []:
            unflagged = state & ~scard.SCARD_STATE_CHANGED
            if name == PNP_NOTIFICATION:
                self._pnp_state = unflagged
                continue
            self._pass_back[name] = unflagged
            seen = seen_from(state, atr)
            if seen is None:
                after.pop(name, None)
            else:
                after[name] = seen
        events = changes(self._seen, after)
        self._seen = after
        for event in events:
            self._on_event(event)
        if result is not None and not events:
            self._stopping.wait(QUIET_PAUSE_S)

    # -- the service ---------------------------------------------------------------------------
    def _report_service(self, up: bool) -> None:
        """Tell once per change, not at every retry."""
        if self._service_up is up:
            return
        self._service_up = up
        self._on_event(ServiceUp() if up else ServiceDown())

    def _drop_context(self) -> None:
        context, self._context = self._context, None
        if context is not None:
            try:
                context.close()
            except Exception:  # a dead service may not take the release either
                log.debug("releasing the PC/SC context failed", exc_info=True)
        self._forget_readers()

    def _forget_readers(self) -> None:
        self._seen: dict[str, Seen] = {}
        self._pass_back: dict[str, int] = {}
        self._pnp_state = scard.SCARD_STATE_UNAWARE
