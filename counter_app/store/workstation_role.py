"""Retiring `counter_app_staff`, the role of the workstations' own database accounts, once an
outlet's counters reach the database only through the service."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, exc, text

from counter_app.store.privileges import STAFF_ROLE, current_schema, quote

# Login accounts that are members of the role, directly or through other roles.
LOGIN_MEMBERS = text(
    """
    WITH RECURSIVE member_of(oid) AS (
        SELECT m.member FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
        WHERE r.rolname = :role
        UNION
        SELECT m.member FROM pg_auth_members m JOIN member_of ON m.roleid = member_of.oid
    )
    SELECT rolname FROM pg_roles WHERE oid IN (SELECT oid FROM member_of) AND rolcanlogin
    ORDER BY rolname
    """
)
# SQLSTATEs of DROP ROLE: rights still held in another database; not allowed to drop roles.
DEPENDENT_OBJECTS = "2BP01"
INSUFFICIENT_PRIVILEGE = "42501"


class StillInUse(Exception):
    """Login accounts are still members: their counters may still reach the database directly."""

    def __init__(self, accounts: list[str]) -> None:
        super().__init__(", ".join(accounts))
        self.accounts = accounts


@dataclass(frozen=True)
class Retirement:
    existed: bool
    cut_off: tuple[str, ...] = ()  # login accounts that were members (only with force)
    left_over: str | None = None  # why the role, its rights here revoked, was not dropped

    @property
    def dropped(self) -> bool:
        return self.existed and self.left_over is None


def login_members(connection: Connection) -> list[str]:
    return list(connection.execute(LOGIN_MEMBERS, {"role": STAFF_ROLE}).scalars())


def retire(connection: Connection, force: bool = False) -> Retirement:
    """Revoke everything this database granted the role, then drop it; refused while a login
    account is a member unless `force`."""
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": STAFF_ROLE}
    ).first()
    if exists is None:
        return Retirement(existed=False)
    members = login_members(connection)
    if members and not force:
        raise StillInUse(members)
    role, schema = quote(connection, STAFF_ROLE), current_schema(connection)
    for revoke in (
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {role}",
        f"REVOKE ALL ON SCHEMA {schema} FROM {role}",
    ):
        connection.execute(text(revoke))
    return Retirement(True, tuple(members), _drop(connection, role))


def _drop(connection: Connection, role: str) -> str | None:
    """Drop the role; on refusal, why (the revocations stand: the savepoint keeps them)."""
    try:
        with connection.begin_nested():
            connection.execute(text(f"DROP ROLE {role}"))
    except exc.DBAPIError as error:
        state = getattr(error.orig, "sqlstate", None)
        diagnostic = getattr(error.orig, "diag", None)
        detail = getattr(diagnostic, "message_detail", None) or str(error.orig)
        if state == DEPENDENT_OBJECTS:
            return f"it still holds rights elsewhere ({detail}): run this command there too"
        if state == INSUFFICIENT_PRIVILEGE:
            return f"this account may not drop roles: a superuser runs `DROP ROLE {role};`"
        raise
    return None
