"""The service's role on PostgreSQL: what the outlet service's database account may do.

`counter-app db upgrade`, run by the account that owns the tables, (re)grants the NOLOGIN role
`counter_app_service` everything the application does and nothing more: on the audit trail only
reading and appending (and moving its head), no UPDATE, DELETE or TRUNCATE. The service signs in
with an account that is a member of it and owns nothing, so it can neither change the trail nor
drop the triggers guarding it (only an owner can). Workstations hold no database account.

`counter_app_staff`, the role the workstations' own accounts were members of when the counters
reached the database directly, is never created any more; where it already works it is granted
the same, so that those counters keep working until the outlet retires it
(store/workstation_role.py). Grants are repeated on every upgrade, so tables added by later
migrations are covered.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text

from counter_app.store.models import Base

SERVICE_ROLE = "counter_app_service"
STAFF_ROLE = "counter_app_staff"
# Tables the application may read and append to, and nothing else.
LIMITED: dict[str, str] = {
    "audit_events": "SELECT, INSERT",
    "audit_head": "SELECT, UPDATE",
    "alembic_version": "SELECT",
}
FULL = "SELECT, INSERT, UPDATE, DELETE"

log = logging.getLogger(__name__)


def grant_roles(connection: Connection) -> bool:
    """Create the service role when missing and allowed to, and grant it; keep the workstation
    role's grants current where it still works. False when the service role is missing and this
    account may not create it (a superuser runs `CREATE ROLE counter_app_service NOLOGIN` once)."""
    if _role_exists(connection, STAFF_ROLE) and _works_here(connection, STAFF_ROLE):
        grant(connection, STAFF_ROLE)
    if not _role_exists(connection, SERVICE_ROLE) and not _create_role(connection, SERVICE_ROLE):
        log.warning("role %s is missing and this account may not create it", SERVICE_ROLE)
        return False
    grant(connection, SERVICE_ROLE)
    return True


def grant(connection: Connection, role_name: str) -> None:
    """What the application does, to `role_name`: everything, but only append to the trail."""
    role = quote(connection, role_name)
    schema = current_schema(connection)
    connection.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {role}"))
    for table in [*Base.metadata.tables, "alembic_version"]:
        quoted = quote(connection, table)
        connection.execute(text(f"REVOKE ALL ON TABLE {quoted} FROM {role}"))
        connection.execute(text(f"GRANT {LIMITED.get(table, FULL)} ON TABLE {quoted} TO {role}"))
    connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}"))


def quote(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote(name)


def current_schema(connection: Connection) -> str:
    return quote(connection, connection.execute(text("SELECT current_schema()")).scalar_one())


def _role_exists(connection: Connection, role: str) -> bool:
    found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role})
    return found.first() is not None


def _works_here(connection: Connection, role: str) -> bool:
    """Whether `role` already reads this database's trail: true in direct mode, false in a
    database created since (roles are the server's, shared by all its databases)."""
    return bool(
        connection.execute(
            text("SELECT has_table_privilege(:role, 'audit_events', 'SELECT')"), {"role": role}
        ).scalar_one()
    )


def _create_role(connection: Connection, role: str) -> bool:
    allowed = connection.execute(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).scalar_one()
    if allowed:
        connection.execute(text(f"CREATE ROLE {quote(connection, role)} NOLOGIN"))
    return bool(allowed)
