"""Sign-in, the five-attempt lockout, and unlocking by an administrator."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counter_app.domain.roles import Role
from counter_app.services import audit, auth, staff
from counter_app.services.actor import Actor
from counter_app.services.errors import AccountLocked, BadCredentials, WeakPassword
from counter_app.store.database import Database
from counter_app.store.models import AuditEvent, Staff
from tests.services.conftest import PASSWORD


def actions(db: Database) -> list[str]:
    with db.transaction() as session:
        return list(session.execute(select(AuditEvent.action).order_by(AuditEvent.seq)).scalars())


def test_good_password_signs_in_with_role(db: Database, clerk: Actor) -> None:
    actor = auth.sign_in(db, "0101", PASSWORD, "counter-3")
    assert (actor.staff_no, actor.role, actor.workstation) == ("0101", Role.CLERK, "counter-3")
    assert actions(db)[-1] == "sign_in"


def test_password_is_stored_as_argon2_hash(db: Database, clerk: Actor) -> None:
    with db.transaction() as session:
        stored = session.execute(select(Staff.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_wrong_password_counts_down_then_locks(db: Database, clerk: Actor) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(BadCredentials) as refused:
            auth.sign_in(db, "0101", "wrong-password1")
        assert refused.value.attempts_left == left
    with pytest.raises(AccountLocked):
        auth.sign_in(db, "0101", "wrong-password1")
    # Locked means locked: even the right password is refused until an administrator unlocks.
    with pytest.raises(AccountLocked):
        auth.sign_in(db, "0101", PASSWORD)
    assert "account_locked" in actions(db)
    staff.unlock(db, Actor.system(), "0101")
    assert auth.sign_in(db, "0101", PASSWORD).staff_no == "0101"


def test_success_resets_the_failure_count(db: Database, clerk: Actor) -> None:
    for _ in range(4):
        with pytest.raises(BadCredentials):
            auth.sign_in(db, "0101", "wrong-password1")
    auth.sign_in(db, "0101", PASSWORD)
    with pytest.raises(BadCredentials) as refused:
        auth.sign_in(db, "0101", "wrong-password1")
    assert refused.value.attempts_left == 4


def test_unknown_staff_number_is_refused_and_audited(db: Database) -> None:
    with pytest.raises(BadCredentials) as refused:
        auth.sign_in(db, "9999", "whatever123")
    assert refused.value.attempts_left is None
    assert actions(db) == ["sign_in_failed"]


def test_screen_unlock_failures_count_towards_lockout(db: Database, clerk: Actor) -> None:
    for _ in range(4):
        with pytest.raises(BadCredentials):
            auth.unlock_screen(db, clerk, "not-my-password1")
    with pytest.raises(AccountLocked):
        auth.unlock_screen(db, clerk, "not-my-password1")


def test_weak_passwords_are_refused(db: Database) -> None:
    for weak in ("short1", "lettersonly", "1234567890"):
        with pytest.raises(WeakPassword):
            staff.add(db, Actor.system(), "0301", "新人", Role.CLERK, weak)


def test_every_sign_in_event_keeps_the_chain_intact(db: Database, clerk: Actor) -> None:
    with pytest.raises(BadCredentials):
        auth.sign_in(db, "0101", "wrong-password1")
    auth.sign_out(db, clerk)
    with db.transaction() as session:
        result = audit.verify(session)
    assert result.intact
    assert result.events_checked == len(actions(db)) >= 4
