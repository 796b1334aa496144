"""The `counter-app` console command, run as a real subprocess against SQLite and PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from counter_app.domain.application import State
from counter_app.domain.roles import Role
from counter_app.services import audit, auth, staff
from counter_app.services.actor import Actor
from counter_app.services.errors import AccountLocked, BadCredentials
from counter_app.store.database import Database
from counter_app.store.migrate import code_revision
from counter_app.store.models import Application, Card, Person
from tests.services.conftest import remove_audit_guard

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_SECONDS = 60
PASSWORD = "counter2026"
NEW_PASSWORD = "window2027"
UNKNOWN_REVISION = "ffffffffffff"
UNREACHABLE = "postgresql://nobody:s3cret-pw@127.0.0.1:1/none"
DEMO_STAFF_NUMBERS = {"0001", "0101", "0102", "0201"}


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("COUNTER_APP_DB_URL", None)  # only --db decides which database is used
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def start(url: str, *args: str, stdin: str = "") -> subprocess.Popen[str]:
    """Start `counter-app --db URL ARGS…` with `stdin` already written; `finish` collects it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "counter_app", "--db", url, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        cwd=PROJECT_ROOT,
        env=_child_env(),
    )
    assert process.stdin is not None
    # A few bytes fit the pipe's buffer: written now, they do not wait for `finish`.
    with contextlib.suppress(BrokenPipeError):  # the command may not have wanted them
        process.stdin.write(stdin)
        process.stdin.close()
    process.stdin = None  # already closed: `communicate` must not flush it again
    return process


def finish(process: subprocess.Popen[str]) -> subprocess.CompletedProcess[str]:
    """Wait (at most TIMEOUT_SECONDS) for a started command; never a traceback, whatever it did."""
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise
    result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    assert "Traceback" not in stdout, stdout
    assert "Traceback" not in stderr, stderr
    return result


def cli(url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return finish(start(url, *args, stdin=stdin))


def staff_lines(output: str) -> dict[str, list[str]]:
    """`staff list` output by staff number: [role, name, flags…]."""
    rows = {}
    for line in output.splitlines():
        fields = line.split("\t")
        rows[fields[0]] = fields[1:]
    return rows


def set_revision(db: Database, revision: str) -> None:
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})


# --- the schema ------------------------------------------------------------------------------


def test_unmigrated_database_is_reported_then_upgraded(sqlite_url: str) -> None:
    before = cli(sqlite_url, "db", "status")
    assert before.returncode == 3, before
    assert "run `counter-app db upgrade`" in before.stdout

    upgrade = cli(sqlite_url, "db", "upgrade")
    assert upgrade.returncode == 0, upgrade
    assert f"(none) → {code_revision()}" in upgrade.stdout

    after = cli(sqlite_url, "db", "status")
    assert after.returncode == 0, after
    assert f"current (revision {code_revision()})" in after.stdout


def test_database_from_a_newer_version_is_refused(db: Database) -> None:
    set_revision(db, UNKNOWN_REVISION)
    # None of these writes, so they run side by side.
    status, listing, upgrade = [
        finish(process)
        for process in (
            start(db.url, "db", "status"),
            start(db.url, "staff", "list"),
            start(db.url, "db", "upgrade"),
        )
    ]

    assert status.returncode == 3, status
    assert UNKNOWN_REVISION in status.stdout
    assert "newer version" in status.stdout

    assert listing.returncode == 3, listing
    assert "newer version" in listing.stderr
    assert listing.stdout == ""

    # Upgrading cannot help: this code does not know the revision and must not touch it.
    assert upgrade.returncode == 3, upgrade
    assert "newer version" in upgrade.stdout
    with db.engine.connect() as connection:
        stored = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert stored == UNKNOWN_REVISION


# --- staff -----------------------------------------------------------------------------------


def test_staff_add_list_and_refusals(db: Database) -> None:
    added = cli(
        db.url, "staff", "add", "0101", "--name", "王芳", "--role", "clerk", "--password-stdin",
        stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert added.returncode == 0, added
    assert "0101" in added.stdout
    # The password was read whole (the newline stripped): it signs in.
    assert auth.sign_in(db, "0101", PASSWORD).role is Role.CLERK

    # The list and three refused additions, side by side: none of them changes anything.
    listing, again, weak, bad_number = [
        finish(process)
        for process in (
            start(db.url, "staff", "list"),
            start(
                db.url, "staff", "add", "0101", "--name", "李四", "--role", "supervisor",
                "--password-stdin", stdin="another2026\n",
            ),
            start(
                db.url, "staff", "add", "0102", "--name", "刘强", "--role", "clerk",
                "--password-stdin", stdin="short\n",
            ),
            start(
                db.url, "staff", "add", "12", "--name", "赵敏", "--role", "clerk",
                "--password-stdin", stdin=f"{PASSWORD}\n",
            ),
        )
    ]  # fmt: skip
    assert listing.returncode == 0, listing
    assert staff_lines(listing.stdout) == {"0101": ["clerk", "王芳"]}

    assert again.returncode == 1, again
    assert "already exists" in again.stderr

    assert weak.returncode == 1, weak
    assert "password" in weak.stderr

    assert bad_number.returncode == 1, bad_number
    assert "'12'" in bad_number.stderr and "4 to 8 digits" in bad_number.stderr

    # None of the refusals changed anything.
    members = staff.list_all(db, Actor.system())
    assert [(m.staff_no, m.name, m.role) for m in members] == [("0101", "王芳", Role.CLERK)]
    assert auth.sign_in(db, "0101", PASSWORD).staff_no == "0101"


def test_unknown_role_is_a_usage_error(sqlite_url: str) -> None:
    result = cli(
        sqlite_url, "staff", "add", "0101", "--name", "王芳", "--role", "manager",
        "--password-stdin", stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert result.returncode == 2, result
    assert "invalid choice: 'manager'" in result.stderr
    assert result.stdout == ""
    # argparse refused before anything opened (and so created) the database file.
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()


def test_lockout_unlock_and_password_change(db: Database) -> None:
    staff.add(db, Actor.system(), "0101", "王芳", Role.CLERK, PASSWORD)
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        with pytest.raises((BadCredentials, AccountLocked)):
            auth.sign_in(db, "0101", "wrong-password1")
    with pytest.raises(AccountLocked):
        auth.sign_in(db, "0101", PASSWORD)

    listing = cli(db.url, "staff", "list")
    assert listing.returncode == 0, listing
    assert staff_lines(listing.stdout) == {"0101": ["clerk", "王芳", "locked"]}

    unlocked = cli(db.url, "staff", "unlock", "0101")
    assert unlocked.returncode == 0, unlocked
    assert "unlocked 0101" in unlocked.stdout
    assert auth.sign_in(db, "0101", PASSWORD).staff_no == "0101"
    assert not staff.list_all(db, Actor.system())[0].locked

    changed = cli(db.url, "staff", "passwd", "0101", "--password-stdin", stdin=f"{NEW_PASSWORD}\n")
    assert changed.returncode == 0, changed
    assert "0101" in changed.stdout
    with pytest.raises(BadCredentials):
        auth.sign_in(db, "0101", PASSWORD)
    assert auth.sign_in(db, "0101", NEW_PASSWORD).staff_no == "0101"


# --- the audit trail -------------------------------------------------------------------------


def test_audit_verify_names_the_altered_then_the_missing_event(db: Database) -> None:
    for number in range(5):
        with db.transaction() as session:
            audit.record(session, Actor.system(), "test", "thing", number, "a", "b", f"n{number}")

    intact = cli(db.url, "audit", "verify")
    assert intact.returncode == 0, intact
    assert "intact: 5 events" in intact.stdout

    remove_audit_guard(db)  # as the database owner could
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE audit_events SET detail = 'forged' WHERE seq = 3"))
    altered = cli(db.url, "audit", "verify")
    assert altered.returncode == 2, altered
    assert re.search(r"broken at event 3\b", altered.stdout), altered.stdout
    assert "altered" in altered.stdout

    with db.engine.begin() as connection:
        connection.execute(text("UPDATE audit_events SET detail = 'n2' WHERE seq = 3"))
        connection.execute(text("DELETE FROM audit_events WHERE seq = 2"))
    missing = cli(db.url, "audit", "verify")
    assert missing.returncode == 2, missing
    assert re.search(r"broken at event 2\b", missing.stdout), missing.stdout
    assert "missing" in missing.stdout


# --- the demo outlet -------------------------------------------------------------------------


def test_demo_seed_fills_an_empty_database_once(db: Database) -> None:
    seeded = cli(db.url, "demo", "seed")
    assert seeded.returncode == 0, seeded
    printed = dict(re.findall(r"^\s+([0-9]{4,8})\s+(\S+)\s", seeded.stdout, re.MULTILINE))
    assert set(printed) == DEMO_STAFF_NUMBERS, seeded.stdout
    for staff_no, password in printed.items():
        assert auth.sign_in(db, staff_no, password).staff_no == staff_no

    with db.transaction() as session:
        persons = session.execute(select(func.count(Person.id))).scalar_one()
        cards = session.execute(select(func.count(Card.id))).scalar_one()
        states = set(session.execute(select(Application.state)).scalars())
    assert (persons, cards) == (6, 6)
    assert {State.DRAFT, State.SUBMITTED, State.APPROVED, State.REJECTED, State.READY} <= states

    # Both only read a seeded database, so they run side by side.
    verified, if_empty = [
        finish(process)
        for process in (
            start(db.url, "audit", "verify"),
            start(db.url, "demo", "seed", "--if-empty"),
        )
    ]
    assert verified.returncode == 0, verified
    assert "intact" in verified.stdout

    assert if_empty.returncode == 0, if_empty
    assert "not added" in if_empty.stdout
    with db.transaction() as session:
        assert session.execute(select(func.count(Person.id))).scalar_one() == 6


def test_demo_seed_refuses_a_database_that_has_staff(db: Database) -> None:
    staff.add(db, Actor.system(), "0101", "王芳", Role.CLERK, PASSWORD)
    result = cli(db.url, "demo", "seed")
    assert result.returncode == 1, result
    assert "already has staff" in result.stderr
    with db.transaction() as session:
        assert session.execute(select(func.count(Person.id))).scalar_one() == 0


def test_demo_seed_if_empty_seeds_an_empty_database(db: Database) -> None:
    result = cli(db.url, "demo", "seed", "--if-empty")
    assert result.returncode == 0, result
    assert "demo outlet created" in result.stdout
    assert {m.staff_no for m in staff.list_all(db, Actor.system())} == DEMO_STAFF_NUMBERS


# --- an unreachable server -------------------------------------------------------------------


@pytest.mark.parametrize("command", [("staff", "list"), ("db", "status")])
def test_unreachable_server_exits_4_without_leaking_the_password(command: tuple[str, ...]) -> None:
    result = cli(UNREACHABLE, *command)
    assert result.returncode == 4, result
    assert result.stderr.startswith("counter-app: ")
    assert "reach" in result.stderr
    assert "127.0.0.1" in result.stderr
    assert "s3cret-pw" not in result.stdout + result.stderr


# --- a --db that cannot be used ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "exit_code", "message"),
    [
        pytest.param("not a url", 1, "is not a database URL", id="malformed-url"),
        pytest.param(
            "sqlite:///{tmp}/a-file/counter.sqlite3", 1, "cannot use the folder",
            id="directory-is-a-file",
        ),
        pytest.param("sqlite:///{tmp}/a-file", 4, "file is not a database", id="not-a-database"),
        pytest.param("mysql://clerk@127.0.0.1/counter", 1, "not supported", id="other-database"),
    ],
)  # fmt: skip
def test_an_unusable_database_url_gets_a_message_not_a_traceback(
    tmp_path: Path, url: str, exit_code: int, message: str
) -> None:
    (tmp_path / "a-file").write_text("this is not a database\n", encoding="utf-8")
    result = cli(url.format(tmp=tmp_path), "staff", "list")
    assert result.returncode == exit_code, result
    assert result.stderr.startswith("counter-app: ")
    assert message in result.stderr
    # Nothing was written over the file that is not ours.
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "this is not a database\n"


# --- one command loads its own layers ---------------------------------------------------------

LAYER_PROBE = """
import sys
from counter_app.cli.commands import build_parser, named_command
argv = sys.argv[1:]
build_parser(named_command(argv)).parse_args(argv)
print(",".join(sorted(m for m in ("sqlalchemy", "reportlab", "smartcard") if m in sys.modules)))
"""


@pytest.mark.parametrize(
    ("argv", "loaded"),
    [
        (["card", "readers"], "smartcard"),
        (["--db", "sqlite:///x.sqlite3", "simulator", "list"], "smartcard"),
        (["print", "sample", "--out", "x"], ""),
        (["db", "status"], ""),  # the database layer loads when the command runs
    ],
)
def test_a_command_loads_only_the_layers_it_uses(argv: list[str], loaded: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", LAYER_PROBE, *argv],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == loaded
