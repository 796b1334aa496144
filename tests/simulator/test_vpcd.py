"""The vpcd client against an in-test server playing pcscd's part; no real pcscd needed."""

from __future__ import annotations

import socket
import statistics
import threading
import time
from collections.abc import Iterator

import pytest

from counter_app.resources.simulated_cards import load_profiles
from counter_app.simulator.sscard import SocialSecurityCard
from counter_app.simulator.vpcd import VpcdClient, VpcdUnavailable
from tests.simulator.fake_vpcd import CardConnection, FakeVpcd

SELECT_SSSE = bytes.fromhex("00A404000F7378312E73682EC9E7BBE1B1A3D5CF")


class Serving:
    """A client connecting and serving in a thread, as the card process's main loop does."""

    def __init__(self, port: int, connect_timeout: float = 5.0) -> None:
        self.card = SocialSecurityCard(load_profiles()["wang_xiaoming"])
        self.first_messages = 0
        self.client = VpcdClient(self.card, "127.0.0.1", port, on_first_message=self._first)
        self.error: Exception | None = None
        self.connected: bool | None = None
        self.thread = threading.Thread(target=self._run, args=(connect_timeout,), daemon=True)
        self.thread.start()

    def _first(self) -> None:
        self.first_messages += 1

    def _run(self, connect_timeout: float) -> None:
        try:
            self.connected = self.client.connect(connect_timeout, retry_interval=0.05)
            if self.connected:
                self.client.serve()
        except Exception as error:
            self.error = error

    def finished(self, timeout: float = 5.0) -> bool:
        self.thread.join(timeout)
        return not self.thread.is_alive()


@pytest.fixture
def vpcd() -> Iterator[FakeVpcd]:
    server = FakeVpcd()
    yield server
    server.close()


@pytest.fixture
def served(vpcd: FakeVpcd) -> Iterator[tuple[Serving, CardConnection]]:
    serving = Serving(vpcd.port)
    connection = vpcd.accept()
    yield serving, connection
    serving.client.stop()
    connection.close()
    assert serving.finished()


def test_power_on_atr_apdu_and_close(served: tuple[Serving, CardConnection]) -> None:
    serving, vpcd = served
    vpcd.control(0x01)
    assert vpcd.atr() == serving.card.atr
    answer = vpcd.transmit(SELECT_SSSE)
    assert answer[:2] == b"\x6f\x19" and answer[-2:] == b"\x90\x00"
    assert vpcd.transmit(bytes.fromhex("00B2072C0B")) == b"\x07\x09A12345674\x90\x00"
    assert serving.first_messages == 1
    vpcd.close()  # pcscd going away: the client's serve returns and it closes its socket
    assert serving.finished()
    assert serving.error is None


def test_reset_control_message_resets_the_card(served: tuple[Serving, CardConnection]) -> None:
    _, vpcd = served
    vpcd.transmit(SELECT_SSSE)
    assert vpcd.transmit(bytes.fromhex("00B2072C0B"))[-2:] == b"\x90\x00"
    vpcd.control(0x02)
    assert vpcd.transmit(bytes.fromhex("00B2072C0B")) == b"\x6a\x82"
    vpcd.transmit(SELECT_SSSE)
    vpcd.control(0x00)
    assert vpcd.transmit(bytes.fromhex("00B2072C0B")) == b"\x6a\x82"


def test_stop_from_another_thread_closes_the_connection(
    served: tuple[Serving, CardConnection],
) -> None:
    serving, vpcd = served
    assert vpcd.atr() == serving.card.atr
    serving.client.stop()
    assert serving.finished(2)
    assert vpcd.closed_by_card()


def test_round_trips_are_fast_despite_vpcds_split_writes(
    served: tuple[Serving, CardConnection],
) -> None:
    # vpcd writes the length and the payload separately with Nagle on; without TCP_QUICKACK on
    # the card's side each round trip waits ~40 ms for a delayed ACK.
    _, vpcd = served
    times = []
    for _ in range(20):
        start = time.perf_counter()
        vpcd.transmit(SELECT_SSSE)
        times.append(time.perf_counter() - start)
    assert statistics.median(times) < 0.010


def test_connect_retries_until_vpcd_listens() -> None:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens on the port now
    serving = Serving(port)
    time.sleep(0.3)
    assert serving.connected is None  # still trying
    server = socket.create_server(("127.0.0.1", port))
    try:
        server.settimeout(5)
        accepted, _ = server.accept()
        connection = CardConnection(accepted)
        connection.sock.settimeout(5)
        assert connection.atr() == serving.card.atr
        serving.client.stop()
        assert serving.finished()
        assert serving.connected is True
        connection.close()
    finally:
        server.close()


def test_connect_gives_up_at_the_deadline() -> None:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    client = VpcdClient(SocialSecurityCard(load_profiles()["wang_xiaoming"]), "127.0.0.1", port)
    start = time.monotonic()
    with pytest.raises(VpcdUnavailable, match=f"127.0.0.1:{port}"):
        client.connect(0.5, retry_interval=0.05)
    assert 0.4 < time.monotonic() - start < 2.0


def test_stop_while_connecting_ends_the_retries() -> None:
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    serving = Serving(port, connect_timeout=30)
    time.sleep(0.2)
    serving.client.stop()
    assert serving.finished(2)
    assert serving.connected is False


def test_a_failing_card_answers_6f00_and_keeps_serving(
    served: tuple[Serving, CardConnection], monkeypatch: pytest.MonkeyPatch
) -> None:
    serving, vpcd = served

    def broken(apdu: bytes) -> bytes:
        raise RuntimeError("bug")

    monkeypatch.setattr(serving.card, "transmit", broken)
    assert vpcd.transmit(SELECT_SSSE) == b"\x6f\x00"
    assert vpcd.atr() == serving.card.atr
