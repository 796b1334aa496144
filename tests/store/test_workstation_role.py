"""Leaving direct mode on PostgreSQL: a new database never gets the workstation role, and
`counter-app db retire-workstation-role` retires it once the counters use the service; the way
back the README gives works."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import exc, text

from counter_app.domain.application import Action, State
from counter_app.services import applications, auth
from counter_app.store.database import Database
from counter_app.store.privileges import SERVICE_ROLE, STAFF_ROLE, grant
from tests.cli.test_cli import cli
from tests.services.conftest import PASSWORD
from tests.store.conftest import make_submitted
from tests.store.test_guards import login_in

pytestmark = pytest.mark.postgres
# The README's way back, as an outlet's IT staff would run it.
WAY_BACK = f"CREATE ROLE {STAFF_ROLE} NOLOGIN IN ROLE {SERVICE_ROLE}"


def role_exists(db: Database, role: str) -> bool:
    with db.engine.connect() as connection:
        found = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
        return found.first() is not None


@pytest.fixture
def direct_mode(postgres_url: str) -> Iterator[Database]:
    """A database as an outlet in direct mode has it: the workstation role created and granted
    (as `db upgrade` did before the service), dropped afterwards whatever the test did."""
    owner = Database(postgres_url)
    with owner.engine.begin() as connection:
        connection.execute(text(f"CREATE ROLE {STAFF_ROLE} NOLOGIN"))
        grant(connection, STAFF_ROLE)
    try:
        yield owner
    finally:
        if role_exists(owner, STAFF_ROLE):  # the test failed before retiring it
            with owner.engine.begin() as connection:
                connection.execute(text(f"DROP OWNED BY {STAFF_ROLE}"))
                connection.execute(text(f"DROP ROLE {STAFF_ROLE}"))
        owner.dispose()


def test_a_fresh_upgrade_creates_no_workstation_role(empty_postgres_url: str) -> None:
    fresh = Database(empty_postgres_url)
    try:
        assert not role_exists(fresh, STAFF_ROLE)
        fresh.upgrade()
        assert not role_exists(fresh, STAFF_ROLE) and role_exists(fresh, SERVICE_ROLE)
        upgraded = cli(fresh.url, "db", "upgrade")
        assert upgraded.returncode == 0 and upgraded.stderr == "", upgraded
        assert not role_exists(fresh, STAFF_ROLE)
    finally:
        fresh.dispose()


def test_upgrade_keeps_the_workstation_role_working_until_it_is_retired(
    direct_mode: Database,
) -> None:
    with direct_mode.engine.begin() as connection:
        connection.execute(text(f"REVOKE ALL ON TABLE applications FROM {STAFF_ROLE}"))
    direct_mode.upgrade()
    with direct_mode.engine.connect() as connection:
        may = connection.execute(
            text("SELECT has_table_privilege(:role, 'applications', 'UPDATE')"),
            {"role": STAFF_ROLE},
        ).scalar_one()
    assert may


def test_retiring_refuses_while_a_counter_signs_in_with_it_unless_forced(
    postgres_url: str, direct_mode: Database
) -> None:
    summary, _, _ = make_submitted(direct_mode)
    with login_in(postgres_url, STAFF_ROLE, "counter_ws") as workstation:
        ws_account = workstation.engine.url.username
        assert auth.sign_in(workstation, "0201", PASSWORD, "ws-test").staff_no == "0201"

        refused = cli(direct_mode.url, "db", "retire-workstation-role")
        assert refused.returncode == 1, refused
        assert ws_account in refused.stderr and "--force" in refused.stderr
        assert role_exists(direct_mode, STAFF_ROLE)

        forced = cli(direct_mode.url, "db", "retire-workstation-role", "--force")
        assert forced.returncode == 0, forced
        assert f"lost {STAFF_ROLE}: {ws_account}" in forced.stdout
        assert "retired" in forced.stdout
        assert not role_exists(direct_mode, STAFF_ROLE)
        workstation.dispose()  # a new connection: the one in the pool kept its old rights
        with pytest.raises(exc.ProgrammingError, match="permission denied"):
            auth.sign_in(workstation, "0201", PASSWORD, "ws-test")

        # The way back: the role again, with the service's rights, and the account in it.
        with direct_mode.engine.begin() as connection:
            connection.execute(text(WAY_BACK))
            connection.execute(text(f"GRANT {STAFF_ROLE} TO {ws_account}"))
        supervisor = auth.sign_in(workstation, "0201", PASSWORD, "ws-test")
        approved = applications.transition(
            workstation, supervisor, summary.id, Action.APPROVE, summary.version
        )
        assert approved.state is State.APPROVED

        again = cli(direct_mode.url, "db", "retire-workstation-role", "--force")
        assert again.returncode == 0, again
        assert not role_exists(direct_mode, STAFF_ROLE)


def test_retiring_without_members_or_without_the_role(direct_mode: Database) -> None:
    retired = cli(direct_mode.url, "db", "retire-workstation-role")
    assert retired.returncode == 0, retired
    assert not role_exists(direct_mode, STAFF_ROLE)
    nothing = cli(direct_mode.url, "db", "retire-workstation-role")
    assert nothing.returncode == 0 and "nothing to retire" in nothing.stdout, nothing
