"""A TCP relay in front of the PostgreSQL server that can lose the answer to one COMMIT.

Armed with a piece of SQL, the relay waits for a transaction that sends it; the server receives
that transaction's COMMIT and commits, and the relay swallows the answer and drops the client's
connection, as a server restarting or a network failing at that instant would. The client cannot
know whether its work was stored: the case that retries must survive without doubling it.
"""

from __future__ import annotations

import contextlib
import socket
import threading

COMMIT_QUERY = b"COMMIT\x00"  # psycopg commits with a simple-protocol query


class AnswerCutter:
    def __init__(self, server_port: int) -> None:
        self._server_port = server_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._armed: bytes | None = None
        self.cut = threading.Event()  # set once an answer was lost
        threading.Thread(target=self._accept, daemon=True).start()

    def lose_commit_answer_of(self, sql: bytes) -> None:
        """Lose the answer to the COMMIT of the next transaction that sends `sql`."""
        self.cut.clear()
        self._armed = sql

    def close(self) -> None:
        self._listener.close()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):  # closed
            while True:
                client, _ = self._listener.accept()
                try:
                    server = socket.create_connection(("127.0.0.1", self._server_port))
                except OSError:  # the server is down: so is the connection through us
                    client.close()
                    continue
                cutting = threading.Event()
                threading.Thread(
                    target=self._to_server, args=(client, server, cutting), daemon=True
                ).start()
                threading.Thread(
                    target=self._to_client, args=(server, client, cutting), daemon=True
                ).start()

    def _to_server(
        self, client: socket.socket, server: socket.socket, cutting: threading.Event
    ) -> None:
        marked = False  # this connection's transaction sent the armed SQL
        with contextlib.suppress(OSError):
            while data := client.recv(65536):
                if self._armed is not None and self._armed in data:
                    self._armed, marked = None, True
                if marked and COMMIT_QUERY in data:
                    cutting.set()  # before the server can answer
                server.sendall(data)
        _close(client, server)

    def _to_client(
        self, server: socket.socket, client: socket.socket, cutting: threading.Event
    ) -> None:
        with contextlib.suppress(OSError):
            while data := server.recv(65536):
                if cutting.is_set():  # the server has committed: its answer goes nowhere
                    self.cut.set()
                    break
                client.sendall(data)
        _close(client, server)


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
