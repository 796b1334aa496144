"""Drill: the disk holding the SQLite file fills up (a small tmpfs mounted for the test).

Root only, inside the private mount namespace scripts/test.sh makes. With the disk full the
submission fails with DiskFull (its own error, for the window to say so), the step waits with
what was entered, the file passes SQLite's integrity check with the draft as it was, and once
space is freed the same submission goes through.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from counter_app.api.local import LocalCounterApi
from counter_app.domain.application import State
from counter_app.domain.rules import LocalityRules
from counter_app.store.database import Database, DiskFull
from counter_app.workflows.names import StepId
from counter_app.workflows.runner import FlowRunner
from tests.drills.counter_flow import add_clerk, assert_whole, sign_in, up_to_submission
from tests.pcsc_env import IN_CI, IN_NAMESPACE

pytestmark = pytest.mark.drill

DISK_SIZE = "8m"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if not (IN_NAMESPACE and os.geteuid() == 0):
        reason = "the disk-full drill mounts a tmpfs: run it through scripts/test.sh as root"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs", disk], check=True)
    yield disk
    subprocess.run(["umount", "--lazy", disk], check=True)


def fill_up(disk: Path) -> Path:
    """Write until the disk refuses a single byte more; the filler file."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as output:
        for size in (1 << 16, 1 << 12, 1):
            try:
                while True:
                    output.write(b"\0" * size)
            except OSError as error:
                assert error.errno == errno.ENOSPC
    return filler


def pragma(path: Path, statement: str) -> str:
    """A PRAGMA's first answer, on a connection of its own (outside the engine's pool)."""
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute(f"PRAGMA {statement}").fetchone()[0])


def test_a_full_disk_refuses_the_write_and_keeps_the_database_whole(
    small_disk: Path, rules: LocalityRules
) -> None:
    path = small_disk / "counter.sqlite3"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    add_clerk(db)
    runner = FlowRunner(LocalCounterApi(db, sign_in(db), rules))
    flow = up_to_submission(runner)
    pragma(path, "wal_checkpoint(TRUNCATE)")  # an empty log: the next write needs new space
    filler = fill_up(small_disk)

    entered = dict(flow.values[StepId.SUBMIT])
    with pytest.raises(DiskFull, match="full"):
        runner.complete(flow)
    assert flow.current.id == StepId.SUBMIT and flow.values[StepId.SUBMIT] == entered
    assert pragma(path, "integrity_check") == "ok"
    assert assert_whole(db, flow.application_id or 0) is State.DRAFT

    filler.unlink()
    assert runner.complete(flow) is False
    assert assert_whole(db, flow.application_id or 0) is State.SUBMITTED
    db.dispose()
    assert pragma(path, "integrity_check") == "ok"
