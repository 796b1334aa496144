"""Upgrading a database in use keeps its rows: SQLite rebuilds `applications` for its new
constraints, and the tables that refer to it must lose nothing."""

from __future__ import annotations

from sqlalchemy import text

from counter_app.store import migrate
from counter_app.store.database import Database

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
