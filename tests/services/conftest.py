from __future__ import annotations

import pytest

from counter_app.domain.roles import Role
from counter_app.services import auth, staff
from counter_app.services.actor import Actor
from counter_app.store.database import Database

PASSWORD = "counter2026"


def add_member(db: Database, staff_no: str, role: Role, name: str = "测试") -> Actor:
    staff.add(db, Actor.system(), staff_no, name, role, PASSWORD)
    return auth.sign_in(db, staff_no, PASSWORD, "ws-test")


@pytest.fixture
def clerk(db: Database) -> Actor:
    return add_member(db, "0101", Role.CLERK, "王芳")


@pytest.fixture
def supervisor(db: Database) -> Actor:
    return add_member(db, "0201", Role.SUPERVISOR, "赵敏")
