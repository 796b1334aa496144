"""A database server that accepts the connection and then says nothing (a hung server, a
firewall that drops the replies): the window hears "unreachable" within seconds, not after the
minutes TCP would wait."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from counter_app.store.database import Database, DatabaseUnavailable
from counter_app.store.engine import SERVER_TIMEOUTS


@pytest.fixture
def silent_port() -> Iterator[int]:
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.listen()
        yield server.getsockname()[1]  # connections queue in the backlog and get no answer


def seconds_until_given_up(url: str) -> float:
    db = Database(url)
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailable):
        db.schema_status()
    waited = time.monotonic() - started
    db.dispose()
    return waited


def test_a_silent_server_is_given_up_after_the_connect_timeout(silent_port: int) -> None:
    waited = seconds_until_given_up(f"postgresql://clerk:pw@127.0.0.1:{silent_port}/counter")
    # One connection attempt: the timeout, not TCP's minutes.
    assert SERVER_TIMEOUTS["connect_timeout"] <= waited < 3 * SERVER_TIMEOUTS["connect_timeout"]


def test_the_urls_own_timeout_comes_first(silent_port: int) -> None:
    url = f"postgresql://clerk:pw@127.0.0.1:{silent_port}/counter?connect_timeout=2"
    assert 2 <= seconds_until_given_up(url) < SERVER_TIMEOUTS["connect_timeout"]
