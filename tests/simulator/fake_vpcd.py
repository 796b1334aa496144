"""pcscd's vpcd driver in miniature: listens on an ephemeral port and talks to one card."""

from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import dataclass, field

GET_ATR = b"\x04"


class FakeVpcd:
    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.server.getsockname()[1]

    def accept(self, timeout: float = 5.0) -> CardConnection:
        self.server.settimeout(timeout)
        sock, _ = self.server.accept()
        sock.settimeout(timeout)
        return CardConnection(sock)

    def close(self) -> None:
        self.server.close()


class CardConnection:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def send(self, payload: bytes) -> None:
        # Like vpcd: the length and the payload in two separate writes, Nagle left on.
        self.sock.sendall(struct.pack(">H", len(payload)))
        self.sock.sendall(payload)

    def receive(self) -> bytes:
        (length,) = struct.unpack(">H", self._exactly(2))
        return self._exactly(length)

    def control(self, code: int) -> None:
        self.send(bytes([code]))

    def atr(self) -> bytes:
        self.send(GET_ATR)
        return self.receive()

    def transmit(self, apdu: bytes) -> bytes:
        self.send(apdu)
        return self.receive()

    def closed_by_card(self) -> bool:
        """True once the card has closed its end (recv gives EOF)."""
        try:
            return self.sock.recv(1) == b""
        except ConnectionResetError:
            return True

    def close(self) -> None:
        self.sock.close()

    def _exactly(self, count: int) -> bytes:
        data = b""
        while len(data) < count:
            chunk = self.sock.recv(count - len(data))
            if not chunk:
                raise ConnectionError("the card closed the connection")
            data += chunk
        return data


@dataclass
class Visit:
    """One card's stay in the polling reader."""

    accepted_at: float
    atr: bytes | None = None
    closed_at: float | None = None


@dataclass
class PollingVpcd:
    """Accepts card after card and polls each for its ATR every 50 ms, as pcscd does (400 ms)."""

    visits: list[Visit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._vpcd = FakeVpcd()
        self.port = self._vpcd.port
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(5)
        self._vpcd.close()

    def wait_for(self, predicate, timeout: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate(self.visits):
                return True
            time.sleep(0.01)
        return False

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                card = self._vpcd.accept(timeout=0.1)
            except (TimeoutError, OSError):
                continue
            visit = Visit(time.monotonic())
            self.visits.append(visit)
            try:
                while not self._stopping.is_set():
                    visit.atr = card.atr()
                    time.sleep(0.05)
            except (ConnectionError, OSError):
                pass
            visit.closed_at = time.monotonic()
            card.close()
