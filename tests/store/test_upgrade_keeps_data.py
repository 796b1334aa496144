"""Upgrading a database in use keeps its rows: SQLite rebuilds `applications` for its new
constraints, and the tables that refer to it must lose nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, text

from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.services.audit_hash import GENESIS_HASH, Scheme, digest
from counter_app.services.audit_key import AuditKey
from counter_app.store import migrate
from counter_app.store.database import Database
from counter_app.store.models import AuditEvent

ROWS = [
    "INSERT INTO staff (id, staff_no, name, role, password_hash, failed_attempts, locked, active,"
    " created_at) VALUES (1, '0101', '王芳', 'clerk', 'x', 0, false, true, '2026-11-20 08:00:00')",
    "INSERT INTO persons (id, document_type, document_number, name, sex, created_at)"
    " VALUES (1, 'resident_id', '11010519491231002X', '测试', '2', '2026-11-20 08:00:00')",
    "INSERT INTO applications (id, business, reason, state, person_id, maker_id, outlet_code,"
    " details, created_at, version) VALUES (1, 'replacement', 'damaged', 'draft', 1, 1,"
    " '320100001', '{}', '2026-11-20 08:00:00', 1)",
    "INSERT INTO materials (application_id, code, provided) VALUES (1, 'id_original', true)",
    "INSERT INTO fees (application_id, amount) VALUES (1, 20)",
    "INSERT INTO documents (kind, application_id, data, created_at, print_count)"
    " VALUES ('application_form', 1, '{}', '2026-11-20 08:00:00', 1)",
]


def test_upgrade_from_0002_keeps_materials_fees_and_documents(sqlite_url: str) -> None:
    db = Database(sqlite_url)
    migrate.upgrade(db.engine, "0002")
    with db.engine.begin() as connection:
        for statement in ROWS:
            connection.execute(text(statement))
    db.upgrade()
    with db.engine.connect() as connection:
        counts = [
            connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("applications", "materials", "fees", "documents")
        ]
        flags = connection.execute(text("SELECT flags FROM applications")).scalar_one()
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one()
    assert counts == [1, 1, 1, 1]
    assert flags == 0
    assert foreign_keys == 1  # switched back on after the rebuild


def test_events_from_before_0004_verify_as_unkeyed_and_the_chain_can_then_be_keyed(
    sqlite_url: str,
) -> None:
    db = Database(sqlite_url)
    migrate.upgrade(db.engine, "0003")
    old = AuditEvent(
        seq=1, at=datetime(2026, 11, 20, 8, tzinfo=UTC), actor="system", action="sign_in",
        object_type="staff", object_id="0101", from_state=None, to_state=None, detail=None,
        workstation="ws-1", prev_hash=GENESIS_HASH,
    )  # fmt: skip
    old.hash = digest(old, Scheme.SHA256)
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_events (seq, at, actor, action, object_type, object_id,"
                " workstation, prev_hash, hash) VALUES (1, '2026-11-20 08:00:00.000000',"
                " 'system', 'sign_in', 'staff', '0101', 'ws-1', :prev, :hash)"
            ),
            {"prev": GENESIS_HASH, "hash": old.hash},
        )
        connection.execute(text("UPDATE audit_head SET seq = 1, hash = :hash"), {"hash": old.hash})
    db.upgrade()
    audit.use_key(db, AuditKey(bytes(32)))
    with db.transaction() as session:
        audit.record(session, Actor.system(), "test", "thing")
    with db.transaction() as session:
        schemes = list(
            session.execute(select(AuditEvent.scheme).order_by(AuditEvent.seq)).scalars()
        )
        result = audit.verify(session, bytes(32))
    assert schemes == ["sha256", "hmac-sha256", "hmac-sha256"]
    assert result.complete and result.keyed_from == 2
