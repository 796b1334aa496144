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


AUDIT_TABLES = ("audit_events", "audit_head")


def remove_audit_guard(db: Database) -> None:
    """What only the database owner (or whoever holds the SQLite file) can do: switch off the
    triggers that keep the trail append-only, so a test can tamper as such a person would."""
    with db.engine.begin() as connection:
        if db.is_sqlite:
            names = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (?, ?)",
                AUDIT_TABLES,
            ).scalars()
            for name in list(names):
                connection.exec_driver_sql(f"DROP TRIGGER {name}")
        else:
            for table in AUDIT_TABLES:
                connection.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER USER")
