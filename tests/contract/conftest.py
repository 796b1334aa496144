"""The contract suite: every test runs against the in-process interface and the HTTP one (over
the service's ASGI app, in-process), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from starlette.testclient import TestClient

from counter_app.api import http, local
from counter_app.api.interface import CounterApi
from counter_app.domain.roles import Role
from counter_app.domain.rules import LocalityRules
from counter_app.server.app import create_app
from counter_app.services import staff
from counter_app.services.actor import Actor
from counter_app.store.database import Database

PASSWORD = "counter2026"
SignIn = Callable[[str], CounterApi]


@pytest.fixture
def outlet(db: Database) -> Database:
    for staff_no, name, role in (
        ("0101", "王芳", Role.CLERK),
        ("0201", "赵敏", Role.SUPERVISOR),
        ("0001", "李强", Role.ADMINISTRATOR),
    ):
        staff.add(db, Actor.system(), staff_no, name, role, PASSWORD)
    return db


@pytest.fixture
def client(outlet: Database, rules: LocalityRules) -> Iterator[TestClient]:
    with TestClient(create_app(outlet, rules)) as test_client:
        yield test_client


@pytest.fixture(params=["local", "http"])
def sign_in(request: pytest.FixtureRequest, outlet: Database, rules: LocalityRules) -> SignIn:
    """Signs a member of staff in through one of the two implementations."""
    if request.param == "local":
        return lambda staff_no: local.sign_in(outlet, rules, staff_no, PASSWORD, "ws-1")
    transport = request.getfixturevalue("client")._transport
    return lambda staff_no: http.sign_in(
        "http://testserver", staff_no, PASSWORD, "ws-1", transport=transport
    )
