"""The vpcd protocol: a virtual card connects to pcscd's vsmartcard-vpcd driver over TCP.

vpcd listens (35963 for "Virtual PCD 00 00", 35964 for "… 00 01") and the card is the client;
a connected card is a card in the reader, closing the socket removes it. Every message is a
2-byte big-endian length and a payload. A 1-byte payload is a control message (power off, power
on, reset, "send your ATR", which pcscd sends about every 400 ms to poll presence); a longer one
is a C-APDU, answered with the R-APDU. vpcd accepts one card per port: a second connection waits
unseen in the listen queue until the first closes.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import threading
import time
from collections.abc import Callable
from typing import Protocol

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
VPCD_PORTS = (35963, 35964)  # reader slots 0 and 1

POWER_OFF = 0x00
POWER_ON = 0x01
RESET = 0x02
GET_ATR = 0x04

NO_DIAGNOSIS = b"\x6f\x00"  # answered when the card itself fails, so the reader is not left hanging


class VirtualCard(Protocol):
    atr: bytes

    def power_on(self) -> None: ...

    def power_off(self) -> None: ...

    def reset(self) -> None: ...

    def transmit(self, apdu: bytes) -> bytes: ...


class VpcdUnavailable(ConnectionError):
    """Nothing accepted the connection before the deadline (pcscd down, vpcd not configured)."""


class CardVanished(Exception):
    """Raised by a card's transmit to leave the reader at once, the command unanswered, as a
    card pulled mid-read does (simulator/vanishing.py)."""


class VpcdClient:
    """One card's connection to one vpcd port.

    `connect` then `serve` in one thread; `stop` from any thread (or a signal handler) ends both.
    """

    def __init__(
        self,
        card: VirtualCard,
        host: str = DEFAULT_HOST,
        port: int = VPCD_PORTS[0],
        on_first_message: Callable[[], None] | None = None,
    ) -> None:
        self.card = card
        self.host = host
        self.port = port
        self._on_first_message = on_first_message
        self._stop = threading.Event()
        # Reentrant: stop() may run in a signal handler while this thread holds the lock.
        self._lock = threading.RLock()
        self._sock: socket.socket | None = None

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def connect(self, timeout: float = 10.0, retry_interval: float = 0.2) -> bool:
        """Connect, retrying until `timeout` seconds have passed; False if stopped meanwhile."""
        deadline = time.monotonic() + timeout
        while True:
            if self._stop.is_set():
                return False
            remaining = deadline - time.monotonic()
            try:
                sock = socket.create_connection((self.host, self.port), timeout=max(remaining, 0.1))
            except OSError as error:
                if remaining <= retry_interval:
                    raise VpcdUnavailable(
                        f"nothing accepted a card on {self.host}:{self.port} within {timeout:g} s"
                        f" ({error}); is pcscd running with vsmartcard-vpcd?"
                    ) from error
                self._stop.wait(retry_interval)
                continue
            with self._lock:
                if self._stop.is_set():
                    sock.close()
                    return False
                self._sock = _tune(sock)
            log.info("connected to vpcd at %s:%d", self.host, self.port)
            return True

    def serve(self) -> None:
        """Answer vpcd until it closes the connection or `stop` is called; then close."""
        sock = self._sock
        if sock is None:
            raise RuntimeError("serve() before connect()")
        first = True
        try:
            while not self._stop.is_set():
                header = _recv_exact(sock, 2)
                payload = _recv_exact(sock, struct.unpack(">H", header)[0]) if header else None
                if payload is None:
                    if not self._stop.is_set():
                        log.info("vpcd closed the connection")
                    break
                if first and self._on_first_message is not None:
                    self._on_first_message()
                first = False
                answer = self._handle(payload)
                if answer is not None:
                    sock.sendall(struct.pack(">H", len(answer)) + answer)
        except CardVanished:
            log.info("the card left the reader in the middle of a command")
            self._stop.set()
        except OSError as error:
            if not self._stop.is_set():
                log.warning("connection to vpcd lost: %s", error)
        finally:
            self.close()

    def stop(self) -> None:
        """Ask connect/serve to finish; safe from another thread and from a signal handler."""
        self._stop.set()
        with self._lock:
            if self._sock is not None:
                # shutdown, not close: it wakes a recv blocked in the serving thread.
                with contextlib.suppress(OSError):  # already shut down by vpcd
                    self._sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        with self._lock:
            sock, self._sock = self._sock, None
        if sock is not None:
            sock.close()
            log.info("card removed from %s:%d", self.host, self.port)

    def _handle(self, payload: bytes) -> bytes | None:
        if len(payload) == 1:
            return self._control(payload[0])
        if not payload:
            return None
        try:
            answer = self.card.transmit(payload)
        except CardVanished:
            raise
        except Exception:
            log.exception("the card failed on %s", payload.hex())
            answer = NO_DIAGNOSIS
        log.debug("%s -> %s", payload.hex(), answer.hex())
        return answer

    def _control(self, code: int) -> bytes | None:
        if code == GET_ATR:
            return self.card.atr
        if code == POWER_ON:
            self.card.power_on()
        elif code == POWER_OFF:
            self.card.power_off()
        elif code == RESET:
            self.card.reset()
        else:
            log.warning("unknown vpcd control message %#04x", code)
        log.debug("control %#04x", code)
        return None


def _tune(sock: socket.socket) -> socket.socket:
    sock.settimeout(None)
    # Without these every APDU round trip waits ~40 ms on delayed ACKs against vpcd's
    # two-part sends; with them it takes ~0.2 ms.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    _quickack(sock)
    return sock


def _quickack(sock: socket.socket) -> None:
    # Linux only, and not sticky: it has to be set again before every receive.
    if hasattr(socket, "TCP_QUICKACK"):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)


def _recv_exact(sock: socket.socket, count: int) -> bytes | None:
    """Exactly `count` bytes (vpcd sends length and payload separately); None once closed."""
    buffer = bytearray()
    while len(buffer) < count:
        _quickack(sock)
        chunk = sock.recv(count - len(buffer))
        if not chunk:
            return None
        buffer += chunk
    return bytes(buffer)
