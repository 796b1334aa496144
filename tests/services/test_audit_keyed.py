"""The keyed chain: a key only the service holds, the switch from the unkeyed part recorded as
an event, and a row forged by someone who can write to the trail but lacks the key caught."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from sqlalchemy import select

from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.services.audit_hash import SWITCH_ACTION, Scheme, digest
from counter_app.services.audit_key import AuditKey, AuditKeyError
from counter_app.services.errors import AuditKeyNeeded
from counter_app.store.database import Database
from counter_app.store.models import AuditEvent, AuditHead

SECRET = bytes(range(32))
KEYED = [Scheme.HMAC_SHA256, Scheme.HMAC_SM3]


def append(db: Database, count: int) -> None:
    for number in range(count):
        with db.transaction() as session:
            audit.record(session, Actor.system(), "test", "thing", number, detail=f"n{number}")


def verify(db: Database, secret: bytes | None = None) -> audit.Verification:
    with db.transaction() as session:
        return audit.verify(session, secret)


def events(db: Database) -> list[AuditEvent]:
    with db.transaction() as session:
        return list(session.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars())


def forge(db: Database, scheme: Scheme, secret: bytes | None, action: str = "sign_in") -> int:
    """Append a row as whoever may INSERT events and UPDATE the head (the service's database
    role does) but holds no key: the link is right, the hash made as best they can."""
    with db.transaction() as session:
        head = session.execute(select(AuditHead).with_for_update()).scalar_one()
        row = AuditEvent(
            seq=head.seq + 1,
            at=datetime.now(UTC),
            actor="0101",
            action=action,
            object_type="staff",
            object_id="0201",
            workstation="ws-forger",
            prev_hash=head.hash,
            scheme=scheme.value,
        )
        row.hash = digest(row, scheme, secret)
        session.add(row)
        head.seq, head.hash = row.seq, row.hash
    return row.seq


# --- SM3 as GB/T 32905 publishes it ----------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (b"abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
        (b"abcd" * 16, "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"),
    ],
)
def test_the_installed_sm3_gives_the_standards_examples(message: bytes, expected: str) -> None:
    sm3 = hashes.Hash(hashes.SM3())
    sm3.update(message)
    assert sm3.finalize().hex() == expected


# --- the key ---------------------------------------------------------------------------------


def test_a_key_shorter_than_32_bytes_is_refused(tmp_path: Path) -> None:
    short = tmp_path / "audit.key"
    short.write_bytes(b"x" * 31)
    with pytest.raises(AuditKeyError, match=r"31 bytes.*at least 32 random bytes"):
        AuditKey.from_file(short)
    with pytest.raises(AuditKeyError, match="cannot read"):
        AuditKey.from_file(tmp_path / "missing.key")


def test_the_key_never_shows_in_its_repr() -> None:
    assert SECRET.hex() not in repr(AuditKey(SECRET)) and "secret" not in repr(AuditKey(SECRET))


# --- the chain -------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", KEYED)
def test_the_switch_to_a_key_is_an_event_linked_to_the_last_unkeyed_hash(
    db: Database, scheme: Scheme
) -> None:
    append(db, 3)
    audit.use_key(db, AuditKey(SECRET, scheme))
    append(db, 2)
    trail = events(db)
    assert [event.scheme for event in trail] == ["sha256"] * 3 + [scheme.value] * 3
    switch = trail[3]
    assert (switch.action, switch.detail) == (SWITCH_ACTION, scheme.title)
    assert (switch.from_state, switch.to_state) == ("sha256", scheme.value)
    assert switch.prev_hash == trail[2].hash
    for event in trail:  # the key is in no column of any event
        assert SECRET.hex() not in " ".join(str(value) for value in vars(event).values())

    result = verify(db, SECRET)
    assert result.complete and result.events_checked == 6
    assert (result.keyed_from, result.keyed_scheme) == (4, scheme)


def test_without_the_key_the_keyed_part_is_not_called_intact(db: Database) -> None:
    append(db, 2)
    audit.use_key(db, AuditKey(SECRET))
    append(db, 2)
    result = verify(db)
    assert result.intact and not result.complete
    assert (result.unchecked, result.keyed_from) == (3, 3)


def test_an_unkeyed_chain_is_complete_without_a_key(db: Database) -> None:
    append(db, 2)
    assert verify(db).complete


@pytest.mark.parametrize("scheme", KEYED)
def test_a_row_forged_without_the_key_is_caught_with_it(db: Database, scheme: Scheme) -> None:
    append(db, 1)
    audit.use_key(db, AuditKey(SECRET, scheme))
    append(db, 2)
    forged = forge(db, scheme, bytes(32))  # the right algorithm, a key of the forger's own
    result = verify(db, SECRET)
    assert (result.intact, result.first_bad_seq) == (False, forged)
    assert "forged" in (result.problem or "")
    # Without the key the row's link is right, so only the keyed part's being unchecked shows.
    assert not verify(db).complete


def test_an_unkeyed_row_after_the_switch_is_caught_even_without_the_key(db: Database) -> None:
    audit.use_key(db, AuditKey(SECRET))
    append(db, 2)
    forged = forge(db, Scheme.SHA256, None)
    for secret in (None, SECRET):
        result = verify(db, secret)
        assert (result.intact, result.first_bad_seq) == (False, forged)
        assert "unkeyed" in (result.problem or "")


def test_a_keyed_row_that_is_no_switch_on_an_unkeyed_chain_is_caught(db: Database) -> None:
    append(db, 2)
    forged = forge(db, Scheme.HMAC_SHA256, bytes(32))
    result = verify(db)
    assert (result.intact, result.first_bad_seq) == (False, forged)
    assert "without a switch event" in (result.problem or "")


def test_a_keyed_trail_refuses_an_appender_without_the_key(db: Database) -> None:
    audit.use_key(db, AuditKey(SECRET))
    append(db, 1)
    audit.use_key(db, None)
    with pytest.raises(AuditKeyNeeded):
        append(db, 1)
    assert len(events(db)) == 2
    assert verify(db, SECRET).complete


def test_a_keyed_chain_keeps_its_algorithm_whatever_the_appender_would_switch_to(
    db: Database,
) -> None:
    audit.use_key(db, AuditKey(SECRET, Scheme.HMAC_SM3))
    append(db, 1)
    audit.use_key(db, AuditKey(SECRET, Scheme.HMAC_SHA256))
    append(db, 1)
    assert [event.scheme for event in events(db)] == ["hmac-sm3"] * 3
    assert verify(db, SECRET).complete


def test_a_second_switch_to_another_algorithm_is_caught_without_the_key(db: Database) -> None:
    audit.use_key(db, AuditKey(SECRET))
    append(db, 1)
    forged = forge(db, Scheme.HMAC_SM3, bytes(32), action=SWITCH_ACTION)
    result = verify(db)
    assert (result.intact, result.first_bad_seq) == (False, forged)
