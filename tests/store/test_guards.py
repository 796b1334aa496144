"""What the database itself refuses, whatever client sends it: a maker as the checker of their
own application, and any change to the audit trail other than appending to it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import exc, text
from sqlalchemy.engine import make_url

from counter_app.domain.application import Action, State
from counter_app.services import applications, audit, auth
from counter_app.services.actor import Actor
from counter_app.services.applications import ApplicationSummary
from counter_app.services.audit_key import AuditKey
from counter_app.store.database import Database
from counter_app.store.privileges import SERVICE_ROLE, STAFF_ROLE
from tests.services.conftest import PASSWORD
from tests.store.conftest import make_submitted

APPEND_ONLY = "append-only"
SECRET = b"k" * 32


def verify(db: Database, secret: bytes | None = None) -> audit.Verification:
    with db.transaction() as session:
        return audit.verify(session, secret)


# --- four eyes ------------------------------------------------------------------------------


def test_a_direct_update_making_the_maker_its_checker_is_refused(
    db: Database, submitted: tuple[ApplicationSummary, Actor, Actor]
) -> None:
    application_id = submitted[0].id
    with pytest.raises(exc.IntegrityError, match="four_eyes"), db.engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE applications SET state = 'approved', checker_id = maker_id, "
                "decided_at = :now, version = version + 1 WHERE id = :id"
            ),
            {"now": datetime.now(UTC).replace(tzinfo=None), "id": application_id},
        )
    with db.engine.connect() as connection:
        row = connection.execute(
            text("SELECT state, checker_id FROM applications WHERE id = :id"),
            {"id": application_id},
        ).one()
    assert (row.state, row.checker_id) == ("submitted", None)


def test_the_same_update_naming_another_checker_goes_through(
    db: Database, submitted: tuple[ApplicationSummary, Actor, Actor]
) -> None:
    summary, _, supervisor = submitted
    with db.engine.begin() as connection:
        changed = connection.execute(
            text("UPDATE applications SET checker_id = :checker WHERE id = :id"),
            {"checker": supervisor.staff_id, "id": summary.id},
        ).rowcount
    assert changed == 1


# --- the audit trail ------------------------------------------------------------------------

TAMPERING = [
    "UPDATE audit_events SET detail = 'forged' WHERE seq = 1",
    "DELETE FROM audit_events WHERE seq = 1",
    "DELETE FROM audit_events",
    "UPDATE audit_head SET seq = seq - 1, hash = 'x'",
    "UPDATE audit_head SET seq = seq + 5",
    "DELETE FROM audit_head",
    "INSERT INTO audit_head (id, seq, hash) VALUES (2, 0, 'x')",
]


@pytest.mark.parametrize("statement", TAMPERING)
def test_the_trail_cannot_be_changed_only_appended_to(
    db: Database, submitted: tuple[ApplicationSummary, Actor, Actor], statement: str
) -> None:
    before = verify(db)
    assert before.intact and before.events_checked > 0
    refused = pytest.raises(exc.DBAPIError, match=r"append-only|only moves forward")
    with refused, db.engine.begin() as connection:
        connection.execute(text(statement))
    # Appending still works, and the head still advances with it.
    summary, _, supervisor = submitted
    applications.transition(db, supervisor, summary.id, Action.APPROVE, summary.version)
    after = verify(db)
    assert after.intact and after.events_checked == before.events_checked + 1


@pytest.mark.postgres
@pytest.mark.parametrize("table", ["audit_events", "audit_head"])
def test_truncating_the_trail_is_refused_on_postgres(postgres_url: str, table: str) -> None:
    db = Database(postgres_url)
    try:
        with pytest.raises(exc.DBAPIError, match=APPEND_ONLY), db.engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {table}"))
    finally:
        db.dispose()


# --- the service's role on PostgreSQL ---------------------------------------------------------


@contextmanager
def login_in(postgres_url: str, role: str, prefix: str) -> Iterator[Database]:
    """The database as an account that owns nothing and is a member of `role` sees it."""
    owner = Database(postgres_url)
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with owner.engine.begin() as connection:
        connection.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD 'pw-{name}' IN ROLE {role}"))
    url = make_url(postgres_url).set(username=name, password=f"pw-{name}")
    member = Database(url.render_as_string(hide_password=False))
    try:
        yield member
    finally:
        member.dispose()
        with owner.engine.begin() as connection:
            connection.execute(text(f"DROP ROLE {name}"))
        owner.dispose()


@pytest.fixture
def service_login(postgres_url: str) -> Iterator[Database]:
    """The database as the outlet service's account sees it."""
    with login_in(postgres_url, SERVICE_ROLE, "counter_svc") as service:
        yield service


@pytest.mark.postgres
def test_the_service_account_does_its_work_but_cannot_touch_the_trail(
    postgres_url: str, service_login: Database
) -> None:
    owner = Database(postgres_url)
    try:
        summary, _, _ = make_submitted(owner)
    finally:
        owner.dispose()
    # The whole use case through the service's account, on a keyed trail: sign-in, decision.
    audit.use_key(service_login, AuditKey(SECRET))
    supervisor = auth.sign_in(service_login, "0201", PASSWORD, "ws-test")
    approved = applications.transition(
        service_login, supervisor, summary.id, Action.APPROVE, summary.version
    )
    assert approved.state is State.APPROVED
    assert verify(service_login, SECRET).complete
    for statement in (
        "UPDATE audit_events SET detail = 'forged' WHERE seq = 1",
        "DELETE FROM audit_events WHERE seq = 1",
        "TRUNCATE audit_events",
        "ALTER TABLE audit_events DISABLE TRIGGER USER",
        "DROP TRIGGER audit_events_append_only ON audit_events",
        "DELETE FROM audit_head",
    ):
        refused = pytest.raises(exc.ProgrammingError, match=r"permission denied|must be owner")
        with refused, service_login.engine.begin() as connection:
            connection.execute(text(statement))
    assert verify(service_login, SECRET).complete


@pytest.mark.postgres
def test_db_upgrade_grants_the_service_role_append_only_rights_and_no_workstation_role(
    empty_postgres_url: str,
) -> None:
    fresh = Database(empty_postgres_url)
    try:
        assert fresh.upgrade()
        with fresh.engine.connect() as connection:

            def may(table: str, privilege: str) -> bool:
                return connection.execute(
                    text("SELECT has_table_privilege(:role, :table, :privilege)"),
                    {"role": SERVICE_ROLE, "table": table, "privilege": privilege},
                ).scalar_one()

            assert may("audit_events", "INSERT") and may("audit_events", "SELECT")
            assert not may("audit_events", "UPDATE") and not may("audit_events", "DELETE")
            assert not may("audit_events", "TRUNCATE")
            assert may("audit_head", "UPDATE") and not may("audit_head", "DELETE")
            assert may("applications", "UPDATE") and may("receipt_counters", "INSERT")
            assert not may("alembic_version", "UPDATE")
            # Roles are the server's: whatever another database has, this one grants it nothing.
            staff_here = connection.execute(
                text(
                    "SELECT count(*) FROM information_schema.role_table_grants"
                    " WHERE grantee = :role"
                ),
                {"role": STAFF_ROLE},
            ).scalar_one()
            assert staff_here == 0
    finally:
        fresh.dispose()
