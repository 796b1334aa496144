"""`counter-app audit verify --audit-key FILE` on a keyed trail, and the commands that record
to one, as real subprocesses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from counter_app.services import audit
from counter_app.services.actor import Actor
from counter_app.services.audit_hash import Scheme
from counter_app.services.audit_key import AuditKey
from counter_app.store.database import Database
from tests.cli.test_cli import PASSWORD, cli
from tests.services.test_audit_keyed import forge

SECRET = bytes(range(100, 132))


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "audit.key"
    path.write_bytes(SECRET)
    return path


def keyed_trail(db: Database, unkeyed: int, keyed: int) -> None:
    for number in range(unkeyed + keyed):
        if number == unkeyed:
            audit.use_key(db, AuditKey(SECRET))
        with db.transaction() as session:
            audit.record(session, Actor.system(), "test", "thing", number)


def test_verify_checks_the_keyed_part_only_with_the_key(db: Database, key_file: Path) -> None:
    keyed_trail(db, 3, 2)  # 3 unkeyed, the switch, 2 keyed
    without = cli(db.url, "audit", "verify")
    assert without.returncode == 5, without
    assert "cannot be checked without the key" in without.stdout
    assert "intact: " not in without.stdout

    with_key = cli(db.url, "audit", "verify", "--audit-key", str(key_file))
    assert with_key.returncode == 0, with_key
    assert "intact: 6 events (keyed with HMAC-SHA-256 from event 4)" in with_key.stdout
    # The global option gives the same key.
    assert cli(db.url, "--audit-key", str(key_file), "audit", "verify").returncode == 0


def test_a_row_forged_with_sql_is_named_with_the_key(db: Database, key_file: Path) -> None:
    keyed_trail(db, 1, 2)
    forged = forge(db, Scheme.HMAC_SHA256, bytes(32))
    caught = cli(db.url, "audit", "verify", "--audit-key", str(key_file))
    assert caught.returncode == 2, caught
    assert re.search(rf"broken at event {forged}\b.*forged", caught.stdout), caught.stdout
    # Without the key it is not passed as intact either.
    assert cli(db.url, "audit", "verify").returncode == 5


def test_a_short_key_is_refused_with_its_length(db: Database, tmp_path: Path) -> None:
    short = tmp_path / "short.key"
    short.write_bytes(b"password\n")
    result = cli(db.url, "audit", "verify", "--audit-key", str(short))
    assert result.returncode == 1, result
    assert "holds 9 bytes" in result.stderr and "at least 32 random bytes" in result.stderr


def test_recording_to_a_keyed_trail_needs_the_key(db: Database, key_file: Path) -> None:
    keyed_trail(db, 0, 1)
    add = ["staff", "add", "0101", "--name", "王芳", "--role", "clerk", "--password-stdin"]
    refused = cli(db.url, *add, stdin=f"{PASSWORD}\n")
    assert refused.returncode == 1, refused
    assert "keyed" in refused.stderr
    added = cli(db.url, "--audit-key", str(key_file), *add, stdin=f"{PASSWORD}\n")
    assert added.returncode == 0, added
    assert cli(db.url, "audit", "verify", "--audit-key", str(key_file)).returncode == 0
