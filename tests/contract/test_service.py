"""The fixed contract of service.md: statuses, the calls needing no token, the error bodies,
idempotent retries, the body limit, and sessions ending."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import func, select, update

from counter_app.store.database import Database
from counter_app.store.models import IdempotentAnswer, ServiceSession, Staff
from tests.contract.conftest import PASSWORD

API = "/api/v1"


def token(client, staff_no: str = "0101") -> dict[str, str]:  # type: ignore[no-untyped-def]
    answer = client.post(
        f"{API}/sessions", json={"staff_no": staff_no, "password": PASSWORD, "workstation": "w"}
    )
    assert answer.status_code == 201
    assert set(answer.json()) >= {"token", "staff_no", "name", "role", "expires_at"}
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def test_health_and_openapi_need_no_token(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get(f"{API}/health").json()["status"] == "ok"
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    assert f"{API}/applications/{{application_id}}/decision" in paths
    for path in ("/queue", "/applications", "/drafts", "/rules"):
        answer = client.get(API + path)
        assert answer.status_code == 401 and answer.json()["error"] == "session_expired"


def test_sign_in_refusals(client, outlet: Database) -> None:  # type: ignore[no-untyped-def]
    wrong = {"staff_no": "0101", "password": "nope12345", "workstation": "w"}
    for _ in range(4):
        answer = client.post(f"{API}/sessions", json=wrong)
        assert answer.status_code == 401 and answer.json()["error"] == "bad_credentials"
    locked = client.post(f"{API}/sessions", json=wrong)
    assert locked.status_code == 423 and locked.json()["error"] == "account_locked"


def test_only_the_hash_of_the_token_is_kept(client, outlet: Database) -> None:  # type: ignore[no-untyped-def]
    headers = token(client)
    raw = headers["Authorization"].split()[1]
    with outlet.transaction() as session:
        stored = session.execute(select(ServiceSession.token_hash)).scalars().all()
    assert raw not in stored and len(stored[0]) == 64


def test_queue_is_forbidden_to_a_clerk_and_decisions_answer_as_fixed(client) -> None:  # type: ignore[no-untyped-def]
    clerk = token(client)
    answer = client.get(f"{API}/queue", headers=clerk)
    assert answer.status_code == 403 and answer.json()["error"] == "permission_denied"
    missing = client.post(
        f"{API}/applications/999/decision",
        json={"decision": "approve", "version": 1},
        headers={**token(client, "0201"), "Idempotency-Key": "k1"},
    )
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    no_key = client.post(
        f"{API}/applications/999/decision",
        json={"decision": "approve", "version": 1},
        headers=clerk,
    )
    assert no_key.status_code == 422 and no_key.json()["error"] == "invalid_request"


def test_a_wrong_authoriser_is_401_and_the_session_stays(client) -> None:  # type: ignore[no-untyped-def]
    clerk = token(client)
    answer = client.post(
        f"{API}/applications/1/decision",
        json={
            "decision": "approve",
            "version": 1,
            "authoriser": {"staff_no": "0201", "password": "x"},
        },
        headers={**clerk, "Idempotency-Key": "a1"},
    )
    assert answer.status_code == 401 and answer.json()["error"] == "authoriser_rejected"
    assert client.get(f"{API}/drafts", headers=clerk).status_code == 200


def test_a_retry_with_the_key_returns_the_first_answer(client, outlet: Database) -> None:  # type: ignore[no-untyped-def]
    admin = {**token(client, "0001"), "Idempotency-Key": "add-0102"}
    body = {"staff_no": "0102", "name": "孙丽", "role": "clerk", "password": "newclerk2026"}
    first = client.post(f"{API}/staff", json=body, headers=admin)
    again = client.post(f"{API}/staff", json=body, headers=admin)
    assert first.status_code == again.status_code == 204  # not 409 already_exists
    other = client.post(f"{API}/staff", json=body, headers={**admin, "Idempotency-Key": "x"})
    assert other.status_code == 409 and other.json()["error"] == "already_exists"
    with outlet.transaction() as session:
        assert session.execute(select(func.count(Staff.id))).scalar_one() == 4
        assert session.execute(select(func.count(IdempotentAnswer.id))).scalar_one() == 2


def test_a_body_over_1_mb_is_refused(client) -> None:  # type: ignore[no-untyped-def]
    answer = client.post(f"{API}/sessions", content=b"x" * (1024 * 1024 + 1))
    assert answer.status_code == 413 and answer.json()["error"] == "body_too_large"


def test_sessions_end_by_idling_lock_and_sign_out(client, outlet: Database) -> None:  # type: ignore[no-untyped-def]
    headers = token(client)
    assert client.post(f"{API}/sessions/current/lock", headers=headers).status_code == 204
    locked = client.get(f"{API}/drafts", headers=headers)
    assert locked.status_code == 401 and locked.json()["error"] == "session_locked"
    unlock = client.post(
        f"{API}/sessions/current/unlock", json={"password": PASSWORD}, headers=headers
    )
    assert unlock.status_code == 204
    assert client.delete(f"{API}/sessions/current", headers=headers).status_code == 204
    assert client.get(f"{API}/drafts", headers=headers).json()["error"] == "session_expired"
    idle = token(client)
    long_ago = datetime.now(UTC) - timedelta(minutes=6)
    with outlet.transaction() as session:
        session.execute(update(ServiceSession).values(last_seen_at=long_ago))
    assert client.get(f"{API}/drafts", headers=idle).status_code == 401


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.postgres
def test_a_real_service_process_on_postgresql(postgres_url: str) -> None:
    from counter_app.domain.roles import Role
    from counter_app.services import staff
    from counter_app.services.actor import Actor

    db = Database(postgres_url)
    staff.add(db, Actor.system(), "0201", "赵敏", Role.SUPERVISOR, PASSWORD)
    db.dispose()
    port = _free_port()
    command = [sys.executable, "-m", "counter_app.cli.main", "--db", postgres_url, "serve"]
    server = subprocess.Popen(
        [*command, "--listen", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.getcwd()},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}{API}/health").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        from counter_app.api.http import sign_in

        supervisor = sign_in(base, "0201", PASSWORD, "ws-real")
        assert supervisor.queue_page().rows == ()
        supervisor.sign_out()
    finally:
        server.terminate()
        server.wait(10)
