"""The staff role on PostgreSQL: what the counters' database accounts may do.

`counter-app db upgrade`, run by the account that owns the tables, (re)grants the NOLOGIN role
`counter_app_staff` everything the application does and nothing more: on the audit trail only
reading and appending (and moving its head), no UPDATE, DELETE or TRUNCATE. The workstations
sign in with accounts that are members of it and own nothing, so they can neither change the
trail nor drop the triggers guarding it (only an owner can). Grants are repeated on every
upgrade, so tables added by later migrations are covered.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text

from counter_app.store.models import Base

STAFF_ROLE = "counter_app_staff"
# Tables the staff role may read and append to, and nothing else.
LIMITED: dict[str, str] = {
    "audit_events": "SELECT, INSERT",
    "audit_head": "SELECT, UPDATE",
    "alembic_version": "SELECT",
}
FULL = "SELECT, INSERT, UPDATE, DELETE"

log = logging.getLogger(__name__)


def grant_staff_role(connection: Connection) -> bool:
    """Create the role when missing and allowed to, then grant; False when the role is missing
    and this account may not create it (a superuser must run `CREATE ROLE counter_app_staff
    NOLOGIN` once)."""
    if not _role_exists(connection) and not _create_role(connection):
        log.warning("role %s is missing and this account may not create it", STAFF_ROLE)
        return False
    role = connection.dialect.identifier_preparer.quote(STAFF_ROLE)
    connection.execute(text(f"GRANT USAGE ON SCHEMA {_schema(connection)} TO {role}"))
    for table in [*Base.metadata.tables, "alembic_version"]:
        quoted = connection.dialect.identifier_preparer.quote(table)
        connection.execute(text(f"REVOKE ALL ON TABLE {quoted} FROM {role}"))
        connection.execute(text(f"GRANT {LIMITED.get(table, FULL)} ON TABLE {quoted} TO {role}"))
    schema = _schema(connection)
    connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}"))
    return True


def _schema(connection: Connection) -> str:
    name = connection.execute(text("SELECT current_schema()")).scalar_one()
    return connection.dialect.identifier_preparer.quote(name)


def _role_exists(connection: Connection) -> bool:
    found = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": STAFF_ROLE}
    )
    return found.first() is not None


def _create_role(connection: Connection) -> bool:
    allowed = connection.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar_one()
    if allowed:
        connection.execute(text(f"CREATE ROLE {STAFF_ROLE} NOLOGIN"))
    return bool(allowed)
